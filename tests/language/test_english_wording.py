"""English wording classes found with the second blind development set (en_dev2): words that
describe a thing, comparisons, brackets, short units, openings with the age, the birth named
by the baby, colloquial "down below", and phrases of presyncope."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import state

FAINT = "fainting_or_collapse"


@pytest.mark.parametrize(
    "text",
    [
        "got a faint positive and a bit of brown spotting",
        "there is a faint smell to the discharge",
        "only a faint pink streak on the tissue",
        "scan: collapsed left ovarian cyst with some free fluid",
        "the cyst had collapsed, they said",
    ],
)
def test_faint_or_collapsed_describing_a_thing_is_no_faint(text):
    assert state(text, "en", FAINT) is None


@pytest.mark.parametrize(
    "text", ["I felt faint in the shower", "she collapsed on the stairs", "I feel faint and sick"]
)
def test_a_faint_or_collapse_of_her_is_still_read(text):
    assert state(text, "en", FAINT) is Presence.PRESENT


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend tested positive for chlamydia and I'm spotting",
        "I had a positive test for covid last week, now bleeding",
    ],
)
def test_a_positive_test_for_an_infection_is_no_pregnancy(text):
    assert state(text, "en", "pregnancy_confirmed") is None


def test_a_positive_pregnancy_test_is_still_a_pregnancy():
    assert state("tested positive for pregnancy on Monday", "en", "pregnancy_confirmed") is (
        Presence.PRESENT
    )


@pytest.mark.parametrize(
    "text", ["I keep bleeding after intercourse", "she keeps bleeding whenever we have sex"]
)
def test_bleeding_again_after_each_trigger_is_not_bleeding_that_wont_stop(text):
    assert state(text, "en", "bleeding_not_stopping") is None


def test_bleeding_that_keeps_going_is_still_not_stopping():
    assert state("it just keeps bleeding", "en", "bleeding_not_stopping") is Presence.PRESENT


@pytest.mark.parametrize(
    "text", ["agonising period pain every month", "awful period pain since I was 14"]
)
def test_severe_period_pain_is_period_pain_not_acute_pain(text):
    assert state(text, "en", "pain_severe_abdominal") is None
    assert state(text, "en", "painful_periods") is Presence.PRESENT


def test_bleeding_like_a_period_is_a_comparison_not_heavier_bleeding():
    text = "a week after the birth, bleeding like a normal period"
    assert state(text, "en", "bleeding_getting_heavier") is None
    assert state(text, "en", "acute_heavy_bleeding") is None


def test_bleeding_heavily_is_heavy_but_not_getting_heavier():
    assert state("I'm bleeding very heavily", "en", "bleeding_getting_heavier") is None
    assert state("bleeding more heavily today", "en", "bleeding_getting_heavier") is (
        Presence.PRESENT
    )


def test_a_denial_inside_brackets_stays_inside():
    text = "(no pain at all) but I have light spotting since Monday"
    assert state(text, "en", "spotting_light") is Presence.PRESENT
    assert state(text, "en", "pain_cramping") is Presence.ABSENT


def test_not_enough_lubrication_is_dryness():
    text = "sex hurt a bit, there was not enough lubrication"
    assert state(text, "en", "dryness_during_sex") is Presence.PRESENT


@pytest.mark.parametrize(
    "text", ["my period is 10 days late", "period is 3 wks late", "I'm a wk late"]
)
def test_short_units_read_like_the_full_word(text):
    assert state(text, "en", "period_late") is Presence.PRESENT


def test_a_change_of_colour_is_no_end():
    text = "Postnatal. Lochia has settled to pink, then red again today"
    assert state(text, "en", "postpartum_12w") is Presence.PRESENT


@pytest.mark.parametrize(
    ("text", "age"),
    [("41. bleeding after sex for a month", 41), ("29 with a copper coil, heavy periods", 29)],
)
def test_a_post_opening_with_her_age(text, age):
    assert parse(text, "en").age == age


def test_a_number_opening_a_post_without_a_separator_is_no_age():
    assert parse("12 days of spotting now", "en").age is None


@pytest.mark.parametrize(
    "text",
    [
        "3 weeks after having my daughter the bleeding went red again",
        "day 9 after having my baby, still bleeding",
        "pn day 10, heavier lochia",
    ],
)
def test_the_birth_named_by_the_baby_or_a_note_is_postpartum(text):
    assert state(text, "en", "postpartum_12w") is Presence.PRESENT


def test_periods_that_had_stopped_years_ago_are_the_menopause():
    text = "I'm 60, my periods had stopped 8 years ago and now some spotting"
    assert state(text, "en", "postmenopausal") is Presence.PRESENT


def test_no_periods_since_the_menopause_is_no_late_period():
    text = "I'm 63, went through the menopause at 50 (no period since then), now bleeding"
    assert state(text, "en", "period_late") is None
    assert state(text, "en", "pregnancy_possible") is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("26 weeks with twins and some fresh bleeding", "gestation_20w_plus"),
        ("11 wks with my second, brown spotting", "gestation_6_13w"),
    ],
)
def test_weeks_with_twins_or_a_second_baby_is_gestation(text, band):
    assert state(text, "en", band) is Presence.PRESENT


def test_weeks_with_a_first_period_is_no_gestation():
    assert state("3 weeks with my first period", "en", "gestation_20w_plus") is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("itchy down below for a week", "vulval_itch"),
        ("very dry down below since the menopause", "vaginal_dryness"),
        ("found a lump down below that bleeds", "vulval_lump_or_ulcer"),
        ("spotting inbetween periods", "bleeding_between_periods"),
        ("G2 at 7 weeks, heavy PVB", "acute_heavy_bleeding"),
        ("peeing loads and it burns", "urinary_frequency_urgency"),
        ("my vision went black and I had to lie down on the floor", "fainting_or_collapse"),
        ("everything went dark for a second", "dizziness_on_standing"),
        ("28 weeks, a sudden gush of fresh blood", "acute_heavy_bleeding"),
        ("bleeding halfway through the pack again", "bleeding_between_periods"),
        ("a steady trickle of fluid since this morning", "waters_broken"),
        ("sore and itchy back passage", "anal_pain_itch"),
        ("bleeding and I feel like I'm going to pass out", "fainting_or_collapse"),
        ("the cut is bleeding a little bit", "spotting_light"),
        ("blood after straining on the toilet", "bleeding_on_exertion"),
        ("heart going like the clappers and bleeding", "fast_heartbeat"),
    ],
)
def test_colloquial_and_note_wordings(text, fid):
    assert state(text, "en", fid) is Presence.PRESENT
