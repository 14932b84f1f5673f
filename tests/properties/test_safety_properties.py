"""Safety invariants proven over random evidence (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.evidence import complete
from bleedcheck.engine.triage import rule_level
from bleedcheck.knowledge.compile import compiled
from bleedcheck.vocab import Evidence, Presence, TriageLevel

CKB = compiled()
FINDINGS = list(CKB.finding_ids)
BANDED = {f: band for band, members in CKB.bands.items() for f in members}
STATES = [Presence.PRESENT, Presence.ABSENT, Presence.UNKNOWN]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def red_flags() -> list[str]:
    """Findings that on their own fire a rule at consultation_24 or above, at any age."""
    flags = set()
    for rule in CKB.kb.rulebook.rules:
        when = rule.when
        if rule.level.rank < TriageLevel.CONSULTATION_24.rank or when.none:
            continue
        if when.age_min is not None or when.age_max is not None:
            continue
        if not when.all:
            flags.update(when.any)
        elif len(when.all) == 1 and not when.any:
            item = when.all[0]
            flags.update([item] if isinstance(item, str) else item)
    return sorted(flags)


RED_FLAGS = red_flags()
RULE_FINDINGS = sorted({f for r in CKB.kb.rulebook.rules for f in r.when.finding_ids()})


def _valid(findings: dict[str, Presence]) -> dict[str, Presence]:
    seen: set[str] = set()
    out = {}
    for f, s in findings.items():
        band = BANDED.get(f)
        if band and s is Presence.PRESENT:
            if band in seen:
                s = Presence.ABSENT
            seen.add(band)
        out[f] = s
    return out


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    chosen = draw(st.lists(st.sampled_from(FINDINGS), max_size=18, unique=True))
    states = {f: draw(st.sampled_from(STATES)) for f in chosen}
    present_children = [
        f for f, s in states.items() if s is Presence.PRESENT and CKB.child[CKB.finding_index[f]]
    ]
    for f in present_children[10:]:
        states[f] = Presence.ABSENT  # keep inference exact and fast
    age = draw(st.one_of(st.none(), st.integers(min_value=5, max_value=95)))
    return Evidence(findings=_valid(states), age=None if age is None else float(age))


def level(ev: Evidence) -> TriageLevel:
    return assess_evidence(CKB, ev).triage.level


def test_the_safety_screen_red_flags_fire_rules_on_their_own():
    screen = [f.id for f in CKB.kb.findings.values() if f.safety_order in (1, 2, 3, 7, 8)]
    for needed in screen:
        if needed in ("large_clots", "vomiting", "rash", "diarrhoea", "pain_on_defecation"):
            continue  # these escalate only together with another alarm

        assert needed in RED_FLAGS, needed


@SETTINGS
@given(evidence())
def test_posteriors_are_probabilities(ev):
    result = assess_evidence(CKB, ev)
    assert all(0.0 <= c.probability <= 1.0 for c in result.conditions)


@SETTINGS
@given(evidence(), st.sampled_from(RED_FLAGS))
def test_adding_a_present_red_flag_never_lowers_urgency(ev, flag):
    before = level(complete(CKB, ev))
    with_flag = ev.with_state(flag, Presence.PRESENT)
    after = level(Evidence(findings=_valid(dict(with_flag.findings)), age=ev.age))
    assert after.rank >= before.rank


@SETTINGS
@given(evidence(), st.sampled_from(RULE_FINDINGS))
def test_unknown_is_never_triaged_below_absent(ev, finding):
    unknown = complete(CKB, ev.with_state(finding, Presence.UNKNOWN))
    absent = complete(CKB, ev.with_state(finding, Presence.ABSENT))
    if absent.state(finding) is not Presence.ABSENT:
        return  # an implication made it present; nothing to compare
    assert rule_level(CKB, unknown).rank >= rule_level(CKB, absent).rank


@SETTINGS
@given(evidence(), st.randoms(use_true_random=False))
def test_evidence_order_never_changes_the_result(ev, rnd: random.Random):
    items = list(ev.findings.items())
    rnd.shuffle(items)
    shuffled = Evidence(findings=dict(items), age=ev.age)
    a = assess_evidence(CKB, ev).model_dump()
    b = assess_evidence(CKB, shuffled).model_dump()
    a.pop("evidence"), b.pop("evidence")
    assert a == b


@SETTINGS
@given(evidence())
def test_results_are_deterministic(ev):
    assert assess_evidence(CKB, ev) == assess_evidence(CKB, ev)
