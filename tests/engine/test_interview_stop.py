"""Stopping and ordering rules of the adaptive interview that the simulation cannot isolate."""

from __future__ import annotations

import pytest

from bleedcheck.engine import interview
from bleedcheck.engine.evidence import complete
from bleedcheck.engine.interview import (
    UNKNOWN_STREAK,
    InterviewState,
    answer,
    current_step,
    next_question,
    start,
)
from bleedcheck.engine.questions import (
    AGE_QUESTION,
    QuestionSpec,
    askable,
    context_questions,
    safety_screen,
    visible_findings,
)
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.vocab import Evidence, Presence

P, A = Presence.PRESENT, Presence.ABSENT

# a woman of 62, years past the menopause, with dryness and light bleeding after sex: vaginal
# atrophy is by far the likeliest cause, but an endometrial cancer is not yet unlikely
DENIED = (
    "fainting_or_collapse",
    "dizziness_on_standing",
    "fast_heartbeat",
    "cold_sweat_pallor",
    "acute_heavy_bleeding",
    "bleeding_not_stopping",
    "pain_severe_abdominal",
    "pain_one_sided",
    "shoulder_tip_pain",
    "acute_pain_during_sex",
    "pregnancy_possible",
    "pregnancy_confirmed",
    "period_late",
    "fever",
    "feeling_very_unwell",
    "vaginal_injury",
    "sexual_assault",
    "object_in_vagina",
)
ATROPHY = {
    **dict.fromkeys(DENIED, A),
    "postmenopausal": P,
    "vaginal_dryness": P,
    "dryness_during_sex": P,
    "bleeding_after_sex": P,
    "spotting_light": P,
}


@pytest.fixture(scope="module")
def ckb() -> CompiledKB:
    return compiled()


def _fixed_pages(ckb: CompiledKB) -> set[str]:
    return {spec.id for spec in (*safety_screen(ckb), *context_questions(ckb))} | {AGE_QUESTION}


def test_cancers_and_urgent_causes_weigh_more_in_the_uncertainty(ckb):
    weights = dict(zip(ckb.condition_ids, interview._weights(ckb), strict=True))
    assert weights["endometrial_cancer"] == interview.SERIOUS_WEIGHT
    assert weights["ectopic_pregnancy"] == interview.SERIOUS_WEIGHT
    assert weights["atrophic_vaginitis"] == 1.0
    assert weights["cervical_ectropion"] == 1.0


def test_a_probable_cancer_keeps_a_confident_interview_going(ckb, monkeypatch):
    evidence = complete(ckb, Evidence(findings=ATROPHY, age=62))
    asked = _fixed_pages(ckb)
    # with the must-not-miss guard switched off the top cause alone is confident enough
    monkeypatch.setattr(interview, "SERIOUS_FLOOR", 1.01)
    unguarded = next_question(ckb, evidence, asked=asked)
    assert unguarded.should_stop
    assert unguarded.reason == interview._t("stop_confident", "en")
    monkeypatch.undo()
    guarded = next_question(ckb, evidence, asked=asked)
    assert not guarded.should_stop
    assert guarded.question is not None


def _answer_unknown(ckb: CompiledKB, state: InterviewState) -> InterviewState:
    step = current_step(ckb, state)
    assert step.question is not None
    q = step.question
    reply: object = "unknown"
    if q.kind == "checklist":
        reply = {o.id: "unknown" for o in q.options}
    return answer(ckb, state, state.step, q.id, reply)


def test_a_run_of_dont_know_answers_ends_the_adaptive_part(ckb):
    state = start()
    fixed = _fixed_pages(ckb)
    while True:
        step = current_step(ckb, state)
        assert not step.should_stop, "the fixed pages alone never end this interview"
        if step.question is not None and step.question.id not in fixed:
            break
        state = _answer_unknown(ckb, state)
    adaptive = 0
    while not current_step(ckb, state).should_stop:
        state = _answer_unknown(ckb, state)
        adaptive += 1
    assert adaptive <= UNKNOWN_STREAK
    assert current_step(ckb, state).reason == interview._t("stop_nothing", "en")


# pregnant under 6 weeks, dark scanty bleeding, no pain: a previous ectopic would change a lot
EARLY_PREGNANCY = {
    **dict.fromkeys(DENIED[:11], A),
    "pregnancy_confirmed": P,
    "gestation_under_6w": P,
    "dark_scanty_bleeding": P,
}


def test_context_questions_never_score_below_zero(ckb):
    evidence = complete(ckb, Evidence(findings=EARLY_PREGNANCY, age=34))
    post = interview.infer(ckb, evidence).posterior.values
    candidates = interview._context_candidates(ckb, evidence, post, set())
    gains = interview._context_gains(ckb, evidence, post, candidates)
    assert "previous_ectopic_or_tubal_surgery" in gains
    assert min(gains.values()) >= 0.0
    # a risk factor that would make a serious cause likely is worth asking about (under the
    # old entropy difference its "yes" raised the doubt about an ectopic and scored below 0)
    assert gains["previous_ectopic_or_tubal_surgery"] > gains["smoker"] > 0.0


def test_a_pregnant_woman_is_not_asked_about_a_hysterectomy(ckb):
    pregnant = complete(ckb, Evidence(findings=EARLY_PREGNANCY, age=34))
    assert not askable("hysterectomy", pregnant)
    assert askable("hysterectomy", Evidence(findings={"postmenopausal": P}, age=62))
    history = QuestionSpec("group:history", "checklist", ("hysterectomy", "known_fibroids"))
    assert visible_findings(history, pregnant) == ("known_fibroids",)
    assert not askable("first_intercourse", pregnant)
