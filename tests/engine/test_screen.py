"""The safety screen: pregnancy and a recent birth, loss or procedure share one page, shown
only with the options that can apply to her; and an emergency found on that page is ranked
with what the page told us."""

from __future__ import annotations

from typing import Any

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.interview import answer, current_step, start
from bleedcheck.engine.questions import relevant, safety_screen, visible_findings
from bleedcheck.knowledge.compile import compiled
from bleedcheck.vocab import Evidence, Presence, TriageLevel

P = Presence.PRESENT


def _step(step_id: str) -> Any:
    return next(spec for spec in safety_screen(compiled()) if spec.id == step_id)


def test_pregnancy_page_holds_recent_events_and_keeps_design_order():
    ids = [spec.id for spec in safety_screen(compiled())]
    page = _step("pregnancy")
    assert {"pregnancy_possible", "postpartum_12w", "recent_gynae_procedure"} <= set(page.findings)
    assert "recent_event" not in ids
    assert ids.index("pain_acute") < ids.index("pregnancy") < ids.index("unwell_injury")


def test_a_postmenopausal_woman_sees_only_the_recent_events():
    evidence = Evidence(findings={"postmenopausal": P}, age=58)
    shown = visible_findings(_step("pregnancy"), evidence)
    assert "recent_gynae_procedure" in shown
    assert "pregnancy_possible" not in shown and "period_late" not in shown


def test_the_page_is_skipped_when_nothing_on_it_can_apply():
    evidence = Evidence(findings={"postmenopausal": P}, age=72)
    assert not relevant(_step("pregnancy"), evidence)
    assert relevant(_step("pregnancy"), Evidence(findings={}, age=30))


def test_heavy_bleeding_after_a_birth_is_ranked_as_a_haemorrhage_at_the_stop():
    ckb = compiled()
    facts = {"acute_heavy_bleeding": "present", "large_clots": "present", "postpartum_12w": P}
    state = start()
    while True:
        step = current_step(ckb, state)
        if step.should_stop or step.question is None:
            break
        question = step.question
        if question.kind == "number":
            reply: Any = 31
        elif question.kind == "yes_no":
            reply = facts.get(question.id, "absent")
        elif question.kind == "choice":
            reply = "none"
        else:
            reply = {o.id: facts.get(o.id, "absent") for o in question.options}
        state = answer(ckb, state, state.step, question.id, reply)
    result = assess_evidence(ckb, state.evidence(ckb))
    assert result.triage.level.rank >= TriageLevel.EMERGENCY.rank
    top3 = [c.id for c in result.conditions[:3]]
    assert {"primary_pph", "secondary_pph_retained_products"} & set(top3), top3
