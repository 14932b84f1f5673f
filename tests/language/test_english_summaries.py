"""English as patients and notes summarise it: bare weeks of pregnancy, cycle lengths, note
fractions of time, years without periods, an old miscarriage, bleeding at the first time,
and reassuring words that deny by themselves."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import state

P, A, U = Presence.PRESENT, Presence.ABSENT, Presence.UNKNOWN


def states(text: str) -> dict[str, Presence]:
    return {f.id: f.state for f in parse(text, "en").findings}


# --- weeks of pregnancy said without "pregnant" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("She's 9 weeks and has cramps now", "gestation_6_13w"),
        ("I'm just 4 weeks, bleeding a bit", "gestation_under_6w"),
        ("28 weeks and bleeding a little", "gestation_20w_plus"),
        ("Now 22 weeks and 3 days, some fluid", "gestation_20w_plus"),
    ],
)
def test_bare_weeks_are_weeks_pregnant(text, band):
    found = states(text)
    assert found.get("pregnancy_confirmed") is P
    assert found.get(band) is P


@pytest.mark.parametrize(
    "text",
    [
        "Bulky uterus, 14/40 size on exam.",
        "Surgical TOP at 9/40 last month, still spotting.",
        "Spotting, 3 weeks and still going",
    ],
)
def test_weeks_that_are_no_pregnancy_now(text):
    assert state(text, "en", "pregnancy_confirmed") is None


# --- cycle lengths and period lengths --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My periods come every 50-70 days.", "infrequent_periods"),
        ("Cycles are about 19 days now.", "frequent_periods"),
        ("She has 20-day cycles.", "frequent_periods"),
        ("Periods are sometimes 3 months apart.", "infrequent_periods"),
        ("Some years I go 4 months without a period.", "infrequent_periods"),
        ("HMB, bleeding 10-12 days each month.", "prolonged_periods"),
        ("Normally 4 days but this is day 11.", "prolonged_periods"),
    ],
)
def test_cycle_and_period_lengths(text, fid):
    assert state(text, "en", fid) is P


def test_a_long_cycle_is_not_frequent():
    assert state("Periods every 40-50 days.", "en", "frequent_periods") is None


# --- note fractions of time: 5/7 days, 6/52 weeks, 2/12 months ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Implant fitted 4/52 ago, now bleeding most days.",
        "Started COCP 8/52, breakthrough bleeding.",
        "IUD inserted 3/7 ago, cramping and spotting.",
    ],
)
def test_note_fractions_date_a_new_method(text):
    assert state(text, "en", "contraception_started_under_3m") is P


def test_a_fraction_without_a_verb_or_ago_is_no_date():
    assert state("Implant, PV spotting over 2/12.", "en", "contraception_started_under_3m") is None


# --- years without periods -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My aunt (66) is bleeding, she hasn't had a period in 15 years.",
        "Age 60, spotting 5 years after my last period.",
    ],
)
def test_years_without_periods_are_postmenopause(text):
    assert state(text, "en", "postmenopausal") is P


def test_no_periods_since_an_age_is_no_late_period():
    found = states("I'm 62 and have had no periods since I was 50, now spotting.")
    assert found.get("postmenopausal") is P
    assert "period_late" not in found


# --- an old or denied miscarriage ----------------------------------------------------------


def test_a_miscarriage_long_ago_is_a_previous_one():
    found = states("Spotting at 7 weeks; I had a miscarriage 2 years ago.")
    assert found.get("previous_miscarriage") is P
    assert found.get("recent_miscarriage_or_abortion") is not P


def test_never_a_miscarriage_denies_a_previous_one():
    found = states("Two kids, never had a miscarriage, now 7 weeks pregnant and spotting.")
    assert found.get("previous_miscarriage") is A
    assert "recent_miscarriage_or_abortion" not in found


# --- bleeding at the first time ------------------------------------------------------------


def test_bleeding_told_after_the_first_time():
    found = states("Lost my virginity on Friday and I bled quite a bit.")
    assert found.get("bleeding_after_first_sex") is P
    assert found.get("bleeding_after_sex") is P


def test_no_bleeding_at_the_first_time():
    found = states("It was my first time and I didn't bleed at all.")
    assert found.get("bleeding_after_first_sex") is A


# --- words that deny by themselves and short note words ------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Spotting. Otherwise well.", "feeling_very_unwell"),
        ("Fundus appropriate for dates.", "uterus_large_for_dates"),
        ("No weight loss or gain.", "weight_gain"),
        ("Spotting, no soreness and no dryness.", "vaginal_dryness"),
        ("Head injury denied, no LOC.", "fainting_or_collapse"),
    ],
)
def test_reassuring_words_deny(text, fid):
    assert state(text, "en", fid) is A


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Soaking 2 pads/hr since midnight.", "acute_heavy_bleeding"),
        ("She is pale and sweaty.", "cold_sweat_pallor"),
        ("Missed 3 pills last week, now bleeding.", "missed_pills"),
        ("Previous MC at 10 weeks.", "previous_miscarriage"),
        ("Tampon in situ for 2 days.", "object_in_vagina"),
        ("Need to pee constantly and spotting.", "urinary_frequency_urgency"),
    ],
)
def test_short_phrases(text, fid):
    assert state(text, "en", fid) is P


def test_an_exam_in_a_note_is_no_exam_stress():
    assert (
        state("On exam: cervix bleeds on contact.", "en", "recent_stress_or_weight_change") is None
    )


def test_bleeding_that_keeps_coming_back_is_not_nonstop():
    found = states("I keep getting breakthrough bleeding on the patch.")
    assert found.get("bleeding_between_periods") is P
    assert "bleeding_not_stopping" not in found


def test_a_home_test_that_was_negative():
    assert state("Did a test yesterday and it was negative.", "en", "pregnancy_test_negative") is P
    assert state("Had a test for chlamydia, negative.", "en", "pregnancy_test_negative") is None
