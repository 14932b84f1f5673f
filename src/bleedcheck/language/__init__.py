"""Free text (English, Russian) → evidence: findings present or absent, and age."""
