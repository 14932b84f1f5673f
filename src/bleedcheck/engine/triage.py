"""Triage: deterministic rules first, probabilistic escalation second; the highest level wins.

Rules cannot be outweighed by probabilities: the level is the maximum of every rule that
fires and every condition whose posterior passes its urgency threshold, so probabilities can
only raise a level that rules set.
"""

from __future__ import annotations

from dataclasses import dataclass

from bleedcheck.engine.clauses import matches, matches_sets
from bleedcheck.knowledge.compile import CompiledKB, FloatArray
from bleedcheck.knowledge.schema import Rule
from bleedcheck.vocab import Evidence, Lang, Presence, RuleHit, Triage, TriageLevel

# For rules, an unknown "pregnancy possible" counts as present at these ages: the app cannot
# do a pregnancy test, so it assumes pregnancy is possible until a test is negative (S13, S67).
ASSUMED_PREGNANCY_AGES = (10.0, 55.0)
# Within 12 weeks of a birth pregnancy is unlikely enough that it must be stated, not assumed.
_NOT_PREGNANT_FACTS = (
    "postmenopausal",
    "hysterectomy",
    "pregnancy_test_negative",
    "postpartum_12w",
)
RELIABLE_CONTRACEPTION = (
    "uses_combined_pill",
    "uses_progestogen_pill",
    "uses_implant",
    "uses_injection",
    "uses_hormonal_ius",
    "uses_copper_iud",
)
CONTRACEPTION_FAILURES = ("missed_pills", "took_emergency_contraception")
GENERAL_EMERGENCY_NUMBER = "112"
DEFAULT_REGION = "DEFAULT"


def rule_state(evidence: Evidence, finding_id: str, urgent: bool = True) -> Presence:
    """A finding's state as rules see it (unknown pregnancy is assumed possible).

    For rules below `emergency` (`urgent=False`) the assumption gives way to reliable
    contraception used without missed pills: "pregnancy possible" means unprotected sex since
    the last period, and guidance for bleeding on contraception examines and tests her soon
    rather than the same day (S25). Emergency rules keep the assumption, because a pregnancy
    despite a coil or implant is more often ectopic.
    """
    state = evidence.state(finding_id)
    if finding_id == "pregnancy_possible" and state is Presence.UNKNOWN:
        low, high = ASSUMED_PREGNANCY_AGES
        in_range = evidence.age is None or low <= evidence.age <= high
        ruled_out = any(evidence.state(f) is Presence.PRESENT for f in _NOT_PREGNANT_FACTS)
        if not urgent and _protected(evidence):
            ruled_out = True
        if in_range and not ruled_out:
            return Presence.PRESENT
    return state


def _protected(evidence: Evidence) -> bool:
    on_method = any(evidence.state(f) is Presence.PRESENT for f in RELIABLE_CONTRACEPTION)
    failed = any(evidence.state(f) is Presence.PRESENT for f in CONTRACEPTION_FAILURES)
    return on_method and not failed


def rule_fires(rule: Rule, evidence: Evidence) -> bool:
    """Whether a rule fires; an unknown age satisfies any bound of a rule that raises urgency."""
    raises = rule.level is not TriageLevel.SELF_CARE
    urgent = rule.level.rank >= TriageLevel.EMERGENCY.rank
    return matches(
        rule.when,
        lambda f: rule_state(evidence, f, urgent),
        evidence.age,
        unknown_age_matches=raises,
    )


def fired_rules(ckb: CompiledKB, evidence: Evidence) -> list[Rule]:
    """Every rule that fires (`rule_fires` for each rule, with the evidence as sets)."""
    present = {f for f, s in evidence.findings.items() if s is Presence.PRESENT}
    absent = {f for f, s in evidence.findings.items() if s is Presence.ABSENT}
    urgent_present, other_present = set(present), set(present)
    if rule_state(evidence, "pregnancy_possible", urgent=True) is Presence.PRESENT:
        urgent_present.add("pregnancy_possible")
    if rule_state(evidence, "pregnancy_possible", urgent=False) is Presence.PRESENT:
        other_present.add("pregnancy_possible")
    emergency = TriageLevel.EMERGENCY.rank
    return [
        rule
        for rule in ckb.kb.rulebook.rules
        if matches_sets(
            rule.when,
            urgent_present if rule.level.rank >= emergency else other_present,
            absent,
            evidence.age,
            unknown_age_matches=rule.level is not TriageLevel.SELF_CARE,
        )
    ]


def rule_level(ckb: CompiledKB, evidence: Evidence) -> TriageLevel:
    """The level from rules alone (used by proofs and the interview)."""
    levels = [r.level for r in fired_rules(ckb, evidence)]
    raising = [lv for lv in levels if lv is not TriageLevel.SELF_CARE]
    if raising:
        return max(raising, key=lambda lv: lv.rank)
    return TriageLevel.SELF_CARE if levels else TriageLevel.CONSULTATION


@dataclass(frozen=True)
class Escalation:
    condition_id: str
    level: TriageLevel
    timeframe_days: int | None


def escalations(ckb: CompiledKB, posterior: FloatArray) -> list[Escalation]:
    """Conditions whose posterior passes the threshold of their urgency."""
    thresholds = ckb.kb.rulebook.thresholds
    cancer_days = thresholds.cancer_timeframe_days.value
    found: list[Escalation] = []
    for i, cid in enumerate(ckb.condition_ids):
        cond = ckb.kb.conditions[cid]
        p = float(posterior[i])
        if cond.cancer and p >= thresholds.cancer.p:
            found.append(Escalation(cid, TriageLevel.CONSULTATION, cancer_days))
        elif cond.urgency == "consultation_24" and p >= thresholds.consultation_24.p:
            found.append(Escalation(cid, TriageLevel.CONSULTATION_24, None))
        elif cond.urgency in ("consultation", "consultation_24") and p >= thresholds.consultation.p:
            found.append(Escalation(cid, TriageLevel.CONSULTATION, None))
    return found


def region_numbers(ckb: CompiledKB, region: str) -> tuple[str, str]:
    """(emergency number to call, region code) for a region; unknown regions use 112."""
    code = (region or DEFAULT_REGION).upper()
    regions = ckb.kb.regions
    entry = regions.get(code) or regions.get(DEFAULT_REGION)
    if entry is None:
        return GENERAL_EMERGENCY_NUMBER, DEFAULT_REGION
    return entry.ambulance_number or entry.emergency_number, entry.code.upper()


def triage(
    ckb: CompiledKB,
    evidence: Evidence,
    posterior: FloatArray,
    lang: Lang = "en",
    region: str = DEFAULT_REGION,
) -> Triage:
    rules = fired_rules(ckb, evidence)
    escalated = escalations(ckb, posterior)
    raising: list[TriageLevel] = [r.level for r in rules if r.level is not TriageLevel.SELF_CARE]
    raising += [e.level for e in escalated]
    level: TriageLevel
    if raising:
        level = max(raising, key=lambda lv: lv.rank)
    elif rules:
        level = TriageLevel.SELF_CARE
    else:
        level = TriageLevel.CONSULTATION  # a single light episode is still worth a check (S-N04)

    at_level_days = [r.timeframe_days for r in rules if r.level is level and r.timeframe_days]
    at_level_days += [e.timeframe_days for e in escalated if e.level is level and e.timeframe_days]
    days = min(at_level_days) if at_level_days and level is TriageLevel.CONSULTATION else None

    number, region_code = region_numbers(ckb, region)
    texts = ckb.kb.rulebook.levels[level]

    def fill(text: str) -> str:
        return text.replace("{emergency_number}", number).replace(
            "{general_number}", GENERAL_EMERGENCY_NUMBER
        )

    ordered = sorted(rules, key=lambda r: -r.level.rank)
    reasons = [fill(r.reason.get(lang)) for r in ordered if r.level is level or not raising]
    conditions = ckb.kb.conditions
    for e in escalated:
        if e.level is level:
            reasons.append(_escalation_reason(conditions[e.condition_id].name.get(lang), e, lang))
    timeframe = fill(texts.timeframe.get(lang))
    if days:
        timeframe = _days_text(days, lang)
    return Triage(
        level=level,
        label=texts.label.get(lang),
        action=fill(texts.action.get(lang)),
        timeframe=timeframe,
        timeframe_days=days,
        safety_net=fill(texts.safety_net.get(lang)),
        reasons=list(dict.fromkeys(reasons)),
        rules=[
            RuleHit(
                id=r.id,
                level=r.level,
                reason=fill(r.reason.get(lang)),
                advice=fill(r.advice.get(lang)),
                timeframe_days=r.timeframe_days,
            )
            for r in ordered
        ],
        escalating_conditions=[e.condition_id for e in escalated],
        region=region_code,
        emergency_number=number,
        general_emergency_number=GENERAL_EMERGENCY_NUMBER,
    )


def _escalation_reason(name: str, e: Escalation, lang: Lang) -> str:
    if lang == "ru":
        if e.timeframe_days:
            return f"Нельзя исключить: {name} — нужен осмотр по ускоренному онкологическому пути."
        return f"Достаточно вероятно: {name}."
    if e.timeframe_days:
        return f"{name} cannot be ruled out: an urgent suspected-cancer assessment is advised."
    return f"{name} is likely enough to need this level of care."


def _days_text(days: int, lang: Lang) -> str:
    if lang == "ru":
        return f"в течение {days} дней"
    return f"within {days} days"
