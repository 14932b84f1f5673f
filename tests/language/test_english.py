"""English rules: negation, 'won't stop', hedges, relatives and the past, spans and rules."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import finding, state

PAIN = ("pain_severe_abdominal", "pain_cramping")


@pytest.mark.parametrize("text", ["no pain", "There is no pain at all.", "painless bleeding"])
def test_denied_pain_is_absent(text):
    result = parse(text, "en")
    assert {f.id: f.state for f in result.findings if f.id in PAIN} == dict.fromkeys(
        PAIN, Presence.ABSENT
    )


def test_pain_alone_is_not_a_finding():
    """'pain' names no particular finding unless it is denied."""
    assert parse("I have pain", "en").findings == []


@pytest.mark.parametrize(
    "text", ["It won't stop bleeding", "the bleeding just won't stop", "bleeding hasn't stopped"]
)
def test_wont_stop_bleeding_is_present_not_negated(text):
    assert state(text, "en", "bleeding_not_stopping") is Presence.PRESENT


def test_negated_symptom_is_absent():
    assert state("I have not fainted", "en", "fainting_or_collapse") is Presence.ABSENT
    assert state("I fainted this morning", "en", "fainting_or_collapse") is Presence.PRESENT


def test_hedged_pregnancy_is_unknown():
    found = finding(parse("I don't think I'm pregnant", "en"), "pregnancy_confirmed")
    assert found is not None
    assert found.state is Presence.UNKNOWN
    assert found.rule.startswith("uncertain:")


def test_mother_with_fibroids_is_not_the_patient():
    result = parse("My mother had fibroids", "en")
    fibroid_findings = [f for f in result.findings if "fibroid" in f.id]
    assert fibroid_findings, "the phrase should still be recognised"
    assert all(f.state is not Presence.PRESENT for f in fibroid_findings)
    assert any(f.rule.startswith("family:") for f in fibroid_findings)


def test_hypothetical_is_unknown():
    assert state("What if I faint?", "en", "fainting_or_collapse") in (None, Presence.UNKNOWN)
    assert state("If I faint, what should I do?", "en", "fainting_or_collapse") is not (
        Presence.PRESENT
    )


def test_missed_period_means_pregnancy_is_possible():
    result = parse("I missed my period last month", "en")
    late = finding(result, "period_late")
    possible = finding(result, "pregnancy_possible")
    assert late is not None and late.state is Presence.PRESENT
    assert possible is not None and possible.state is Presence.PRESENT
    assert possible.rule == "implied_by:period_late"


def test_span_and_rule_point_at_the_words():
    text = "I'm 34 and I keep bleeding after sex."
    found = finding(parse(text, "en"), "bleeding_after_sex")
    assert found is not None
    assert found.state is Presence.PRESENT
    assert text[found.start : found.end] == found.span
    assert "after sex" in found.span
    assert found.rule.startswith("synonym:")


def test_negation_rule_names_the_cue():
    text = "No dizziness."
    found = finding(parse(text, "en"), "dizziness_on_standing")
    assert found is not None
    assert found.state is Presence.ABSENT
    assert found.rule.lower() == "negated:no"
    assert text[found.start : found.end] == found.span == "dizziness"


def test_unrelated_text_has_no_findings():
    assert parse("The weather is nice today.", "en").findings == []
