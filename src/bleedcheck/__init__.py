"""bleedcheck: triage and information for abnormal vaginal bleeding."""

from bleedcheck.engine.assess import assess
from bleedcheck.errors import (
    BleedcheckError,
    CaseFileError,
    EvidenceError,
    KnowledgeError,
    NotFound,
)
from bleedcheck.vocab import Assessment, Evidence, Presence, TriageLevel

__all__ = [
    "Assessment",
    "BleedcheckError",
    "CaseFileError",
    "Evidence",
    "EvidenceError",
    "KnowledgeError",
    "NotFound",
    "Presence",
    "TriageLevel",
    "assess",
]
