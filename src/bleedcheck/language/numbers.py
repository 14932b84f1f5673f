"""Numbers written as digits or words ("two", "twenty-four", "пять", "двадцать восемь").

`number_pattern(lang)` is a regular expression fragment for one number; `to_number` turns
the matched text back into a value. Russian word forms (every case of every numeral) come
from pymorphy3 and are built once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bleedcheck.vocab import Lang

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "couple": 2,
    "three": 3,
    "few": 3,
    "several": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_RU_UNITS = {
    "ноль": 0,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "пара": 2,
    "три": 3,
    "несколько": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "полтора": 1.5,
}
_RU_TENS = {
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
}
_RU_ORDINALS = {
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвертый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
    "одиннадцатый": 11,
    "двенадцатый": 12,
    "тринадцатый": 13,
    "четырнадцатый": 14,
    "пятнадцатый": 15,
    "шестнадцатый": 16,
    "семнадцатый": 17,
    "восемнадцатый": 18,
    "девятнадцатый": 19,
    "двадцатый": 20,
    "тридцатый": 30,
    "сороковой": 40,
}


@lru_cache(maxsize=1)
def _ru_forms() -> dict[str, float]:
    """Every inflected form of the Russian numerals (and ordinals) → value."""
    from bleedcheck.language.morphology import fold, morph

    forms: dict[str, float] = {}
    for table in (_RU_UNITS, _RU_TENS, _RU_ORDINALS):
        for word, value in table.items():
            forms[word] = value
            for parse in morph().parse(word)[:2]:
                if parse.normal_form.replace("ё", "е") != word:
                    continue
                for form in parse.lexeme:
                    forms.setdefault(fold(form.word), value)
    forms.setdefault("пару", 2)
    return forms


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VAGUE = frozenset({"a", "an", "couple", "few", "several", "несколько", "пара", "полтора"})


@lru_cache(maxsize=4)
def number_pattern(lang: Lang, *, exact: bool = False) -> str:
    """A regex fragment matching one number (no groups), digits or words.

    `exact` leaves out vague words ("a", "a few", "несколько") and ordinals: what an age needs.
    """
    digits = r"\d{1,3}(?:[.,]\d)?"
    if lang == "en":
        units = _alternation([w for w in _EN_UNITS if w not in _VAGUE])
        tens = _alternation(list(_EN_TENS))
        words = rf"(?:(?:{tens})(?:[- ]?(?:{units}))?|{units})"
        if not exact:
            words = rf"(?:{words}|(?:a )?(?:couple|few)(?: of)?|several|half an?|an?)"
        return rf"(?:{digits}|{words})"
    forms = {
        w: v
        for w, v in _ru_forms().items()
        if not exact or (v == int(v) and w not in _VAGUE and not _is_ordinal(w))
    }
    tens_forms = [w for w, v in forms.items() if v >= 20 and v % 10 == 0]
    all_forms = _alternation(list(forms))
    return rf"(?:{digits}|(?:(?:{_alternation(tens_forms)})\s+)?(?:{all_forms}))"


@lru_cache(maxsize=1)
def _ordinal_forms() -> frozenset[str]:
    from bleedcheck.language.morphology import fold, morph

    forms: set[str] = set()
    for word in _RU_ORDINALS:
        for parse in morph().parse(word)[:1]:
            forms |= {fold(f.word) for f in parse.lexeme}
    return frozenset(forms)


def _is_ordinal(word: str) -> bool:
    return word in _ordinal_forms()


@lru_cache(maxsize=1)
def ordinal_pattern() -> str:
    """A regex fragment matching one Russian ordinal in any form ("третью", "второй")."""
    return _alternation(list(_ordinal_forms()))


def to_number(text: str, lang: Lang) -> float | None:
    """The value of a number matched by `number_pattern` (None if it is not one)."""
    words = re.split(r"[\s-]+", text.strip().lower().replace(",", "."))
    words = [w for w in words if w and w not in ("of", "a")] or (["a"] if text.strip() else [])
    if not words:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        return float(words[0])
    table: dict[str, float]
    table = {**_EN_UNITS, **_EN_TENS, **_EN_ORDINALS, "half": 0.5} if lang == "en" else _ru_forms()
    total = 0.0
    for word in words:
        value = table.get(word.replace("ё", "е"))
        if value is None:
            return None
        if word == "half":
            return 0.5
        total += value
    return total
