"""Questions the interview can ask, built from the knowledge base.

The safety screen (DESIGN.md "Interview") is asked as grouped questions in a fixed order;
after it, single findings are asked one at a time. Contraception and medicines are asked as
choice/checklist questions because they select priors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Evidence, Lang, Presence

QuestionKind = Literal["yes_no", "checklist", "choice", "number"]

AGE_QUESTION = "age"


@dataclass(frozen=True)
class QuestionSpec:
    """A question before localisation: its id, kind and the findings it answers."""

    id: str
    kind: QuestionKind
    findings: tuple[str, ...]
    safety_order: int | None = None


_GROUP_TEXT: dict[str, dict[Lang, str]] = {
    "alarm": {
        "en": "Right now, do you have any of these? Tick all that apply.",
        "ru": "Есть ли у вас сейчас что-то из этого? Отметьте всё, что подходит.",
    },
    "pain_acute": {
        "en": "Do you have any of these kinds of pain?",
        "ru": "Есть ли у вас такая боль?",
    },
    "pregnancy": {
        "en": "About pregnancy: what applies to you?",
        "ru": "О беременности: что к вам относится?",
    },
    "gestation": {
        "en": "How many weeks pregnant are you (counting from the first day of your last period)?",
        "ru": "Какой у вас срок беременности (считая от первого дня последних месячных)?",
    },
    "recent_event": {
        "en": "In the last few weeks, have you had any of these?",
        "ru": "Было ли у вас в последние недели что-то из этого?",
    },
    "unwell_injury": {
        "en": "Do any of these apply to you? (Your answers stay private.)",
        "ru": "Относится ли к вам что-то из этого? (Ответы конфиденциальны.)",
    },
    "age": {"en": "How old are you?", "ru": "Сколько вам лет?"},
    "age_type": {
        "en": "Which describes your bleeding or your situation?",
        "ru": "Что описывает ваше кровотечение или ситуацию?",
    },
    "medicines": {
        "en": "Do you use any of these contraceptives, hormones or medicines?",
        "ru": "Используете ли вы что-то из этих средств контрацепции, гормонов или лекарств?",
    },
}

CONTRACEPTION = (
    "uses_combined_pill",
    "uses_progestogen_pill",
    "uses_implant",
    "uses_injection",
    "uses_hormonal_ius",
    "uses_copper_iud",
    "took_emergency_contraception",
)
MEDICATION = ("uses_hrt", "uses_tamoxifen", "uses_anticoagulant")
CHOICE_GROUPS = frozenset({"gestation"})
# Adjacent screen steps shown as one page, keeping DESIGN.md's order.
MERGED_STEPS = {
    "shock": "alarm",
    "heavy": "alarm",
    "unwell": "unwell_injury",
    "injury": "unwell_injury",
}


def group_text(group: str, lang: Lang) -> str:
    return _GROUP_TEXT.get(group, {}).get(lang, "")


@lru_cache(maxsize=4)
def safety_screen(ckb: CompiledKB) -> tuple[QuestionSpec, ...]:
    """The screen in DESIGN.md order: one grouped question per step, age before type."""
    findings = ckb.kb.findings
    steps: dict[str, list[str]] = {}
    order_of: dict[str, int] = {}
    for fid, f in findings.items():
        if f.safety_order is not None:
            group = MERGED_STEPS.get(f.group, f.group)
            steps.setdefault(group, []).append(fid)
            order_of[group] = min(order_of.get(group, 10), f.safety_order)
    specs: list[QuestionSpec] = []
    for group in sorted(steps, key=lambda g: (order_of[g], g)):
        members, order = steps[group], order_of[group]
        if order == 9:
            specs.append(QuestionSpec(AGE_QUESTION, "number", (), order))
        kind: QuestionKind = "choice" if group in CHOICE_GROUPS else "checklist"
        specs.append(QuestionSpec(group, kind, tuple(members), order))
    return tuple(specs)


def context_questions(ckb: CompiledKB) -> tuple[QuestionSpec, ...]:
    known = ckb.finding_index
    members = tuple(f for f in (*CONTRACEPTION, *MEDICATION) if f in known)
    return (QuestionSpec("medicines", "checklist", members),)


def relevant(spec: QuestionSpec, evidence: Evidence) -> bool:
    """Skip screen questions that cannot apply to this woman."""
    state = evidence.state
    age = evidence.age
    not_pregnant = (
        state("postmenopausal") is Presence.PRESENT
        or state("hysterectomy") is Presence.PRESENT
        or (age is not None and (age > 55 or age < 9))
    )
    if spec.id == "pregnancy":
        return not not_pregnant
    if spec.id == "gestation":
        return state("pregnancy_confirmed") is Presence.PRESENT and not any(
            state(f) is Presence.PRESENT for f in spec.findings
        )

    if spec.id == "recent_event":
        return not (age is not None and age > 60)
    if spec.id == AGE_QUESTION:
        return age is None
    return True


def visible_findings(spec: QuestionSpec, evidence: Evidence) -> tuple[str, ...]:
    """Options of a grouped question that make sense for her age and situation."""
    age = evidence.age
    out = []
    for fid in spec.findings:
        if fid == "before_first_period" and age is not None and age > 17:
            continue
        if fid == "postmenopausal" and age is not None and age < 35:
            continue
        if fid in ("pregnancy_test_negative", "period_late") and (
            evidence.state("pregnancy_confirmed") is Presence.PRESENT
        ):
            continue
        contraceptive = fid in CONTRACEPTION
        if contraceptive and (
            evidence.state("pregnancy_confirmed") is Presence.PRESENT
            or evidence.state("postmenopausal") is Presence.PRESENT
            or (age is not None and age > 55)
        ):
            continue
        if fid in ("uses_hrt", "uses_tamoxifen") and age is not None and age < 30:
            continue
        out.append(fid)
    return tuple(out)
