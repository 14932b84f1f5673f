"""Free text → findings and age: the one entry point of `bleedcheck.language`.

>>> result = parse("I'm 34, bleeding after sex for 2 months, no pain")  # doctest: +SKIP
>>> result.evidence().present()  # doctest: +SKIP
['bleeding_after_sex', 'postcoital_over_4w']

Synonyms come from the knowledge base (`findings.yaml`): adding a phrase there teaches the
parser that phrase. The compiled readers are built once per knowledge base and cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.language.mentions import Reading
from bleedcheck.language.quantities import Quantity, find_quantities
from bleedcheck.language.resolve import check_implications, mention_assertions, resolve
from bleedcheck.language.timing import check_findings, timing
from bleedcheck.vocab import Evidence, Lang, Presence

__all__ = ["ParseResult", "ParsedFinding", "detect_language", "parse"]


@dataclass(frozen=True)
class ParsedFinding:
    """One finding the text speaks about: its state, the words, and the rule that decided."""

    id: str
    state: Presence
    span: str
    start: int
    end: int
    rule: str  # "synonym:<phrase>", "negated:<cue>", "uncertain:<cue>", "gestation:<figure>", ...


@dataclass(frozen=True)
class ParseResult:
    lang: Lang
    detected_lang: Lang | None
    findings: list[ParsedFinding]
    age: int | None
    durations: list[str]

    def evidence(self, age_override: float | None = None) -> Evidence:
        """Present and absent findings as evidence (unknown ones are left out)."""
        states = {f.id: f.state for f in self.findings if f.state is not Presence.UNKNOWN}
        age = age_override if age_override is not None else self.age
        return Evidence(findings=states, age=None if age is None else float(age))


def detect_language(text: str) -> Lang | None:
    """'ru' when Cyrillic letters outnumber Latin ones, 'en' when the reverse, else None."""
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if cyrillic > latin:
        return "ru"
    if latin > cyrillic:
        return "en"
    return None


def parse(text: str, lang: Lang = "en", ckb: CompiledKB | None = None) -> ParseResult:
    """Read a description in `lang` ("en" or "ru"); never raises on any string."""
    ckb = ckb or compiled()
    detected = detect_language(text)
    if not text.strip():
        return ParseResult(lang, detected, [], None, [])
    reading = _read(text, lang, ckb)
    quantities = find_quantities(text, lang)
    age = _age(quantities)
    present = {a.finding for a in mention_assertions(reading, ckb) if a.state is Presence.PRESENT}
    timed = timing(quantities, reading, present, age, lang, text, ckb)
    findings = [
        ParsedFinding(a.finding, a.state, text[a.start : a.end], a.start, a.end, a.rule)
        for a in resolve(reading, timed, ckb)
    ]
    if (
        age is not None
        and age < PREMENARCHE_AGE
        and PREMENARCHE in ckb.kb.findings
        and not any(f.id == PREMENARCHE for f in findings)
    ):
        span = next(q for q in quantities if q.kind in _OWN_AGE_KINDS and q.value == age)
        findings.append(
            ParsedFinding(
                PREMENARCHE, Presence.PRESENT, span.text, span.start, span.end, f"age:{age}"
            )
        )
    durations = [q.text for q in quantities if q.kind not in _AGE_KINDS]
    return ParseResult(lang, detected, findings, age, durations)


# A girl under 9 has not had her first period: periods before 8 would be precocious puberty
# (estimate from general paediatric knowledge; the same ages as the synonyms "8 year old").
PREMENARCHE = "before_first_period"
PREMENARCHE_AGE = 9
_OWN_AGE_KINDS = frozenset({"age", "age_other"})
_AGE_KINDS = frozenset(
    {
        "age",
        "age_other",
        "age_relative",
        "menopause_age",
        "menarche_age",
        "pulse",
        "hcg",
        "bp",
        "blood_loss",
        "endometrium_mm",
        "test_negative",
    }
)
_Reader = Callable[[str], Reading]


def _age(quantities: list[Quantity]) -> int | None:
    """The woman's age: one she gives of herself ("мне 38", "I'm 38") beats other ages
    (a relative's "в 42 года"); the age of the woman a message is written for comes last."""
    ages = [q for q in quantities if q.kind == "age"]
    own = [q for q in ages if _SELF_AGE.match(q.text)]
    others = [q for q in quantities if q.kind == "age_other"]
    chosen = (own or ages or others)[:1]
    return int(chosen[0].value) if chosen else None


_SELF_AGE = re.compile(
    r"(?:мне|я|возраст|в возрасте|i'?m|i am|im|aged?)\b"
    # the patient of a Russian clinical note: "Пациентка 32 лет", "Больная 41 года"
    r"|(?:пациентк|больн|женщин|девушк|девочк|пострадавш|беременн|родильниц|рожениц"
    r"|первородящ|повторнородящ|первобеременн)\w*",
    re.IGNORECASE,
)


def _read(text: str, lang: Lang, ckb: CompiledKB) -> Reading:
    return readers(ckb, lang)(text)


@lru_cache(maxsize=8)
def readers(ckb: CompiledKB, lang: Lang) -> _Reader:
    """The compiled reader of one language for one knowledge base (built once)."""
    check_findings(ckb)
    check_implications(ckb)
    if lang == "ru":
        from bleedcheck.language.ru import russian_reader

        return russian_reader(ckb).read
    from bleedcheck.language.en import english_reader

    return english_reader(ckb).read
