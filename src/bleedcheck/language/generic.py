"""Generic words that only say something when denied: "no pain", "не болит", "painless".

"I have pain" names no particular finding, but "no pain at all" rules out both severe and
crampy abdominal pain. A generic word is matched like a synonym (its id starts with "_");
a more specific phrase containing it wins ("no pain during sex" only denies pain during sex).
"""

from __future__ import annotations

from bleedcheck.vocab import Lang

DENIES: dict[str, tuple[str, ...]] = {
    "_pain": ("pain_severe_abdominal", "pain_cramping"),
    "_temperature": ("fever",),  # "температуры нет"; a figure ("температура 38") is a number
}
WORDS: dict[Lang, dict[str, tuple[str, ...]]] = {
    "en": {
        "_pain": ("pain", "pains", "any pain", "hurt", "hurts", "hurting", "aches", "pain at all")
    },
    "ru": {
        "_pain": ("боль", "боли", "болит", "болело", "болеть", "болезненность", "побаливает"),
        "_temperature": ("температура", "температуры", "температурка"),
    },
}
# Words that deny by themselves, without a negation cue.
NEGATIVE: dict[Lang, dict[str, tuple[str, ...]]] = {
    "en": {"_pain": ("painless", "pain-free", "pain free", "without pain")},
    "ru": {"_pain": ("безболезненно", "безболезненный", "безболезненные")},
}


def is_generic(finding: str) -> bool:
    return finding.startswith("_")


def generic_synonyms(lang: Lang) -> list[tuple[str, str]]:
    """(generic id, phrase) pairs for the matcher."""
    return [
        (gid, w) for table in (WORDS, NEGATIVE) for gid, words in table[lang].items() for w in words
    ]


def denies_by_itself(finding: str, synonym: str) -> bool:
    return any(synonym in table.get(finding, ()) for table in NEGATIVE.values())
