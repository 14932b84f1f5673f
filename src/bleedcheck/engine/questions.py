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
        "en": "About pregnancy, a recent birth, miscarriage or procedure: what applies to you?",
        "ru": "О беременности, недавних родах, выкидыше или процедуре: что к вам относится?",
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
    "source": {
        "en": "Do any of these fit what happened?",
        "ru": "Подходит ли что-то из этого к тому, что произошло?",
    },
    "pattern": {
        "en": "Which of these describe your periods or the bleeding? Tick all that apply.",
        "ru": "Что из этого описывает ваши месячные или кровотечение? Отметьте всё, что подходит.",
    },
    "sexual": {
        "en": "About sex and intimacy: which of these apply?",
        "ru": "Об интимной жизни: что из этого к вам относится?",
    },
    "pain": {
        "en": "Do you have any of these kinds of pain or discomfort?",
        "ru": "Есть ли у вас такая боль или дискомфорт?",
    },
    "discharge": {
        "en": "Have you noticed any of these (discharge, itching)?",
        "ru": "Замечали ли вы что-то из этого (выделения, зуд)?",
    },
    "lumps": {
        "en": "Have you noticed any of these?",
        "ru": "Замечали ли вы что-то из этого?",
    },
    "clinician": {
        "en": "Has a doctor, a smear test or a scan found any of these?",
        "ru": "Находил ли врач, мазок или УЗИ что-то из этого?",
    },
    "urinary_bowel": {
        "en": "Any of these with your bladder or bowels?",
        "ru": "Есть ли что-то из этого со стороны мочевого пузыря или кишечника?",
    },
    "systemic": {
        "en": "Have you noticed any of these in general?",
        "ru": "Замечали ли вы в целом что-то из этого?",
    },
    "bleeding_tendency": {
        "en": "Do you bleed or bruise easily? Tick what applies.",
        "ru": "Легко ли у вас появляются синяки и кровотечения? Отметьте, что подходит.",
    },
    "pregnancy_symptoms": {
        "en": "About this pregnancy: which of these apply?",
        "ru": "Об этой беременности: что из этого к вам относится?",
    },
    "history": {
        "en": "Do any of these apply to you?",
        "ru": "Относится ли к вам что-то из этого?",
    },
    "fertility": {
        "en": "Do any of these apply to you?",
        "ru": "Относится ли к вам что-то из этого?",
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
# Situations that point to one specific cause (or to blood that is not from the vagina).
SOURCE = (
    "first_intercourse",
    "recent_vaginal_pessary",
    "blood_in_urine",
    "blood_on_wiping_after_stool",
    "partner_blood_in_semen",
    "vulval_lump_or_ulcer",
)
CHOICE_GROUPS = frozenset({"gestation"})
# Adjacent screen steps shown as one page, keeping DESIGN.md's order.
MERGED_STEPS = {
    "shock": "alarm",
    "heavy": "alarm",
    "pain": "pain_acute",
    "unwell": "unwell_injury",
    "injury": "unwell_injury",
    # pregnancy (4) and a recent birth, loss or procedure (5) are one page: a woman whose
    # answers already make this an emergency has told us where the bleeding comes from
    "recent_event": "pregnancy",
}
PREGNANCY_STEP = (
    "pregnancy_possible",
    "pregnancy_confirmed",
    "period_late",
    "pregnancy_test_negative",
)
RECENT_EVENTS = (
    "postpartum_12w",
    "recent_miscarriage_or_abortion",
    "recent_gynae_procedure",
    "recent_smear_or_exam",
)
RECENT_EVENT_MAX_AGE = 60
PREGNANT_LATELY = ("pregnancy_confirmed", "postpartum_12w", "recent_miscarriage_or_abortion")


def group_text(group: str, lang: Lang) -> str:
    text = _GROUP_TEXT.get(group) or _GROUP_TEXT["history"]
    return text[lang]


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
    return (
        QuestionSpec("medicines", "checklist", members),
        QuestionSpec("source", "checklist", tuple(f for f in SOURCE if f in known)),
    )


def relevant(spec: QuestionSpec, evidence: Evidence) -> bool:
    """Skip screen questions that cannot apply to this woman."""
    state = evidence.state
    age = evidence.age
    if spec.id == "pregnancy":
        return bool(visible_findings(spec, evidence))
    if spec.id == "gestation":
        return state("pregnancy_confirmed") is Presence.PRESENT and not any(
            state(f) is Presence.PRESENT for f in spec.findings
        )

    if spec.id == AGE_QUESTION:
        return age is None
    return True


def _cannot_be_pregnant(evidence: Evidence) -> bool:
    age = evidence.age
    return (
        evidence.state("postmenopausal") is Presence.PRESENT
        or evidence.state("hysterectomy") is Presence.PRESENT
        or (age is not None and (age > 55 or age < 9))
    )


def visible_findings(spec: QuestionSpec, evidence: Evidence) -> tuple[str, ...]:
    """Options of a grouped question that make sense for her age and situation."""
    age = evidence.age
    out = []
    cannot_be_pregnant = _cannot_be_pregnant(evidence)
    for fid in spec.findings:
        if fid in PREGNANCY_STEP and cannot_be_pregnant:
            continue
        if fid in RECENT_EVENTS and age is not None and age > RECENT_EVENT_MAX_AGE:
            continue
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
        if fid == "first_intercourse" and (
            evidence.state("postmenopausal") is Presence.PRESENT
            or (age is not None and age > 45)
            or _pregnant_now_or_lately(evidence)
        ):
            continue
        if fid == "hysterectomy" and _pregnant_now_or_lately(evidence):
            continue
        out.append(fid)
    return tuple(out)


def _pregnant_now_or_lately(evidence: Evidence) -> bool:
    """Pregnant now or lately: not a question of a removed womb or of sex for the first time."""
    return any(evidence.state(f) is Presence.PRESENT for f in PREGNANT_LATELY)


def askable(fid: str, evidence: Evidence) -> bool:
    """Whether a single finding makes sense to put to her as its own question."""
    return bool(visible_findings(QuestionSpec(fid, "yes_no", (fid,)), evidence))
