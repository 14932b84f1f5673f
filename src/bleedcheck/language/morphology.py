"""Russian morphology with pymorphy3: one cached analyser, cached lemmas."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse


@lru_cache(maxsize=1)
def morph() -> MorphAnalyzer:
    """The pymorphy3 analyser (loading its dictionaries takes a moment), built once."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


def fold(word: str) -> str:
    """Lower case, ё written as е (people rarely type ё)."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[Parse, ...]:
    """pymorphy3's readings of a word; none for a word it cannot read.

    pymorphy3 looks letters up by their Unicode name and raises ValueError on letters that
    have none (some CJK and Tangut ideographs): such a word simply has no reading.
    """
    if not word.isalpha():
        return ()
    try:
        return tuple(morph().parse(word))
    except ValueError:
        return ()


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a folded word (its first, most likely, analysis)."""
    found = analyses(word)
    return fold(found[0].normal_form) if found else word


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 offers for a folded word, and the word itself."""
    return frozenset({word} | {fold(p.normal_form) for p in analyses(word)})


@lru_cache(maxsize=65536)
def can_be_genitive(word: str) -> bool:
    return any(p.tag.case == "gent" for p in analyses(word))


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (unknown long words may be typos)."""
    if not word.isalpha():
        return True
    try:
        return bool(morph().word_is_known(word))
    except ValueError:
        return False


@lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """Whether a word can be a verb form ("тянет", "болит", "кружится")."""
    return any(p.tag.POS in ("VERB", "INFN") for p in analyses(word))


@lru_cache(maxsize=65536)
def is_preposition(word: str) -> bool:
    """Whether a word is a preposition ("с", "при", "в")."""
    return any(p.tag.POS == "PREP" for p in analyses(word))


_ADJECTIVAL = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS"})


@lru_cache(maxsize=65536)
def is_adjectival(word: str) -> bool:
    """Whether a word's likeliest reading is an adjective, a participle or a comparative
    ("тянущих", "обильные", "длительнее")."""
    found = analyses(word)
    return bool(found) and found[0].tag.POS in _ADJECTIVAL


@lru_cache(maxsize=65536)
def is_infinitive(word: str) -> bool:
    """Whether a word can be an infinitive ("забеременеть", "кровить")."""
    return any(p.tag.POS == "INFN" for p in analyses(word))


@lru_cache(maxsize=65536)
def number_gender(word: str) -> frozenset[str]:
    """The nominative number or gender a word can have: "plur", "neut", "femn", "masc"."""
    out = set()
    for p in analyses(word):
        if p.tag.case not in ("nomn", None):
            continue
        if p.tag.number == "plur":
            out.add("plur")
        elif p.tag.gender is not None:
            out.add(str(p.tag.gender))
    return frozenset(out)
