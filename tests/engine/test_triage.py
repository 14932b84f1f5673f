"""Triage scenarios that must hold whatever the probabilities say."""

from __future__ import annotations

import json

import pytest

from bleedcheck.engine.assess import assess
from bleedcheck.engine.triage import rule_level
from bleedcheck.vocab import Evidence, Presence, TriageLevel
from tests.conftest import EXAMPLES

P, A = "present", "absent"


def level_of(ckb, evidence, age=30.0):
    return assess({"age": age, "evidence": evidence}, ckb=ckb).triage.level


def example(name):
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("heavy_with_faintness", TriageLevel.EMERGENCY_AMBULANCE),
        ("early_pregnancy_pain", TriageLevel.EMERGENCY),
        ("late_pregnancy", TriageLevel.EMERGENCY),
        ("after_childbirth", TriageLevel.CONSULTATION_24),
    ],
)
def test_examples_reach_their_minimum_level(ckb, name, at_least):
    assert assess(example(name), ckb=ckb).triage.level.rank >= at_least.rank


def test_postmenopausal_bleeding_goes_to_the_cancer_pathway(ckb):
    result = assess(example("postmenopausal_58"), ckb=ckb)
    assert result.triage.level.rank >= TriageLevel.CONSULTATION.rank
    assert result.triage.timeframe_days is not None and result.triage.timeframe_days <= 14
    assert "endometrial_cancer" in result.serious_not_ruled_out


def test_ectopic_is_never_below_emergency(ckb):
    evidence = {"pregnancy_confirmed": P, "pain_one_sided": P}
    assert level_of(ckb, evidence).rank >= TriageLevel.EMERGENCY.rank
    evidence = {"period_late": P, "shoulder_tip_pain": P}
    assert level_of(ckb, evidence).rank >= TriageLevel.EMERGENCY.rank


def test_unknown_pregnancy_is_assumed_possible_for_rules_at_reproductive_age(ckb):
    evidence = {"pain_one_sided": P, "pain_severe_abdominal": P}
    assert level_of(ckb, evidence, age=27).rank >= TriageLevel.EMERGENCY.rank


def test_late_period_overrides_belief_that_she_is_not_pregnant(ckb):
    evidence = {"period_late": P, "pregnancy_possible": A, "pain_one_sided": P}
    assert level_of(ckb, evidence).rank >= TriageLevel.EMERGENCY.rank


def test_suspected_cyst_rupture_is_an_emergency_even_when_not_pregnant(ckb):
    evidence = {
        "pregnancy_possible": A,
        "pregnancy_test_negative": P,
        "pain_one_sided": P,
        "pain_severe_abdominal": P,
        "pain_sudden_after_sex_or_exercise": P,
    }
    assert level_of(ckb, evidence).rank >= TriageLevel.EMERGENCY.rank


def test_bleeding_at_20_weeks_or_more_is_an_emergency(ckb):
    evidence = {"gestation_20w_plus": P, "spotting_light": P}
    assert level_of(ckb, evidence).rank >= TriageLevel.EMERGENCY.rank


def test_shock_signs_call_an_ambulance(ckb):
    assert level_of(ckb, {"fainting_or_collapse": P}) is TriageLevel.EMERGENCY_AMBULANCE


@pytest.mark.parametrize("finding", ["before_first_period", "sexual_assault"])
def test_safeguarding_situations_are_at_least_24_hours(ckb, finding):
    result = assess(
        {"age": 9 if finding == "before_first_period" else 25, "evidence": {finding: P}}, ckb=ckb
    )
    assert result.triage.level.rank >= TriageLevel.CONSULTATION_24.rank
    assert result.triage.rules


def test_nothing_known_defaults_to_consultation(ckb):
    evidence = Evidence(findings={}, age=None)
    assert rule_level(ckb, evidence).rank >= TriageLevel.CONSULTATION.rank


def test_self_care_needs_explicit_answers(ckb):
    case = example("after_smear")
    full = assess(case, ckb=ckb).triage.level
    thinned = dict(case["evidence"])
    thinned.pop("acute_heavy_bleeding")
    partial = assess({"age": case["age"], "evidence": thinned}, ckb=ckb).triage.level
    assert partial.rank >= full.rank
    assert partial is not TriageLevel.SELF_CARE


def test_levels_carry_actions_timeframes_and_safety_net_in_both_languages(ckb):
    for lang in ("en", "ru"):
        tri = assess(example("heavy_with_faintness"), lang=lang, ckb=ckb).triage
        assert tri.action and tri.timeframe and tri.safety_net and tri.reasons
        assert "{emergency_number}" not in tri.action + tri.safety_net


def test_explanations_split_supporting_and_conflicting(ckb):
    result = assess(example("early_pregnancy_pain"), ckb=ckb)
    ectopic = next(c for c in result.conditions if c.id == "ectopic_pregnancy")
    assert ectopic.supporting and all(c.log_lr > 0 for c in ectopic.supporting)
    assert all(c.log_lr < 0 for c in ectopic.conflicting)
    assert result.conditions.index(ectopic) < 3


def test_tests_are_ordered_with_pregnancy_test_early(ckb):
    result = assess(example("early_pregnancy_pain"), ckb=ckb)
    ids = [t.id for t in result.tests]
    assert ids, "a doctor always checks something"
    if "pregnancy_test" in ids and "pelvic_ultrasound" in ids:
        assert ids.index("pregnancy_test") < ids.index("pelvic_ultrasound")


def test_hysterectomy_rules_out_uterine_and_pregnancy_causes(ckb):
    result = assess({"age": 50, "evidence": {"hysterectomy": P, "bleeding_after_sex": P}}, ckb=ckb)
    ids = {c.id for c in result.conditions}
    assert "ectopic_pregnancy" not in ids and "endometrial_polyp" not in ids


def test_presence_unknown_equals_missing(ckb):
    a = assess({"age": 30, "evidence": {"fever": "unknown", "bleeding_after_sex": P}}, ckb=ckb)
    b = assess({"age": 30, "evidence": {"bleeding_after_sex": P}}, ckb=ckb)
    assert [c.probability for c in a.conditions] == [c.probability for c in b.conditions]
    assert Presence.UNKNOWN not in a.evidence.values()


def test_fired_rules_agree_with_rule_fires_on_random_evidence():
    """The set-based fast path gives the same rules as evaluating each rule on its own."""
    import random

    from bleedcheck.engine.triage import fired_rules, rule_fires
    from bleedcheck.knowledge.compile import compiled
    from bleedcheck.vocab import Evidence, Presence

    ckb = compiled()
    rng = random.Random(5)
    ids = sorted({f for r in ckb.kb.rulebook.rules for f in r.when.finding_ids()})
    for _ in range(300):
        chosen = rng.sample(ids, rng.randint(0, 6))
        findings = {f: rng.choice([Presence.PRESENT, Presence.ABSENT]) for f in chosen}
        age = rng.choice([None, 14.0, 30.0, 52.0, 70.0])
        evidence = Evidence(findings=findings, age=age)
        fast = [r.id for r in fired_rules(ckb, evidence)]
        slow = [r.id for r in ckb.kb.rulebook.rules if rule_fires(r, evidence)]
        assert fast == slow


def _level(case):
    from bleedcheck import assess

    return assess(case).triage.level.value


def test_reliable_contraception_answers_the_pregnancy_assumption_for_same_day_care():
    """On the pill with no missed pills and no pain: a planned visit, not same-day (S25)."""
    on_pill = {"uses_combined_pill": "present", "bleeding_between_periods": "present"}
    assert _level({"age": 25, "evidence": on_pill}) == "consultation"
    missed = {**on_pill, "missed_pills": "present"}
    assert _level({"age": 25, "evidence": missed}) == "consultation_24"
    without = {"bleeding_between_periods": "present"}
    assert _level({"age": 25, "evidence": without}) == "consultation_24"


def test_emergency_rules_keep_assuming_pregnancy_despite_contraception():
    """A pregnancy despite a coil is more often ectopic: pain still means emergency."""
    coil_pain = {"uses_copper_iud": "present", "pain_one_sided": "present"}
    assert _level({"age": 30, "evidence": coil_pain}) in ("emergency", "emergency_ambulance")


def test_the_assessment_says_when_pregnancy_was_assumed():
    from bleedcheck import assess

    unknown = assess({"age": 25, "evidence": {"bleeding_between_periods": "present"}})
    assert unknown.triage.level.value == "consultation_24"
    assert any("pregnant" in note for note in unknown.notes)
    stated = assess(
        {
            "age": 25,
            "evidence": {"bleeding_between_periods": "present", "pregnancy_possible": "present"},
        }
    )
    assert not any("pregnant" in note for note in stated.notes)
    ruled_out = assess(
        {
            "age": 25,
            "evidence": {"bleeding_between_periods": "present", "postmenopausal": "present"},
        }
    )
    assert not any("pregnant" in note for note in ruled_out.notes)
