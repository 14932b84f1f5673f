"""Russian morphology with pymorphy3: one cached analyser, cached lemmas."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer


@lru_cache(maxsize=1)
def morph() -> MorphAnalyzer:
    """The pymorphy3 analyser (loading its dictionaries takes a moment), built once."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


def fold(word: str) -> str:
    """Lower case, ё written as е (people rarely type ё)."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a folded word (its first, most likely, analysis)."""
    if not word.isalpha():
        return word
    return fold(morph().parse(word)[0].normal_form)


@lru_cache(maxsize=65536)
def can_be_genitive(word: str) -> bool:
    return word.isalpha() and any(p.tag.case == "gent" for p in morph().parse(word))


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (unknown long words may be typos)."""
    return not word.isalpha() or bool(morph().word_is_known(word))
