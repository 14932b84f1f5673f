"""Russian rules: lemmas, word order, negation scope, hedges, relatives, spans and rules."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import finding, state

PAIN = ("pain_severe_abdominal", "pain_cramping")


@pytest.mark.parametrize("text", ["без боли", "боли нет", "Живот не болит.", "ничего не болит"])
def test_denied_pain_is_absent(text):
    result = parse(text, "ru")
    assert {f.id: f.state for f in result.findings if f.id in PAIN} == dict.fromkeys(
        PAIN, Presence.ABSENT
    )


@pytest.mark.parametrize(
    "text",
    [
        "кровь не останавливается",
        "Кровь никак не останавливается уже второй день",
        "кровотечение не прекращается",
    ],
)
def test_bleeding_that_does_not_stop_is_present(text):
    assert state(text, "ru", "bleeding_not_stopping") is Presence.PRESENT


def test_negation_reaches_a_list_of_genitives():
    result = parse("нет ни температуры, ни рвоты", "ru")
    assert finding(result, "vomiting") is not None
    assert state("нет ни температуры, ни рвоты", "ru", "vomiting") is Presence.ABSENT
    assert state("нет ни температуры, ни рвоты", "ru", "fever") is Presence.ABSENT


def test_negation_stops_at_but():
    text = "Не болит, но кружится голова"
    assert state(text, "ru", "dizziness_on_standing") is Presence.PRESENT


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("вроде беременна", "uncertain:вроде"),
        ("не уверена, что беременна", "uncertain:не уверена"),
    ],
)
def test_hedged_pregnancy_is_unknown(text, cue):
    found = finding(parse(text, "ru"), "pregnancy_confirmed")
    assert found is not None
    assert found.state is Presence.UNKNOWN
    assert found.rule == cue


def test_relative_is_not_the_patient():
    result = parse("У мамы была миома", "ru")
    fibroid = [f for f in result.findings if "fibroid" in f.id]
    assert fibroid
    assert all(f.state is Presence.UNKNOWN for f in fibroid)
    assert all(f.rule == "family:у мамы" for f in fibroid)
    # the writer's own words after a relative's are hers again
    mixed = "У мамы была миома, а у меня кружится голова"
    assert state(mixed, "ru", "dizziness_on_standing") is Presence.PRESENT


def test_the_past_is_unknown():
    assert state("Раньше теряла сознание", "ru", "fainting_or_collapse") is Presence.UNKNOWN


def test_delay_means_pregnancy_is_possible():
    result = parse("Задержка 5 дней", "ru")
    late = finding(result, "period_late")
    possible = finding(result, "pregnancy_possible")
    assert late is not None and late.state is Presence.PRESENT
    assert possible is not None and possible.state is Presence.PRESENT
    assert possible.rule == "implied_by:period_late"


@pytest.mark.parametrize(
    "text",
    ["Кровянистые выделения после секса", "после секса кровит", "кровит после полового акта"],
)
def test_inflected_forms_match(text):
    assert state(text, "ru", "bleeding_after_sex") is Presence.PRESENT


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("живот болит очень сильно", "pain_severe_abdominal"),
        ("в моче была кровь", "blood_in_urine"),
        ("на шейке какое-то разрастание", "cervix_abnormal_seen"),
        ("Встаю — в глазах темнеет", "dizziness_on_standing"),
    ],
)
def test_free_word_order_matches(text, fid):
    assert state(text, "ru", fid) is Presence.PRESENT


def test_words_far_apart_do_not_match():
    text = "В моче ничего не нашли, анализы хорошие, а кровь сдавала вчера."
    assert state(text, "ru", "blood_in_urine") is None


def test_inflected_brand_name_matches():
    assert state("С Миреной хожу третий год", "ru", "uses_hormonal_ius") is Presence.PRESENT


def test_typos_and_spoken_spelling_are_read():
    assert state("кравянистые выделения между месячными", "ru", "bleeding_between_periods") is (
        Presence.PRESENT
    )
    assert state("голова кружица когда встаю", "ru", "dizziness_on_standing") is Presence.PRESENT


def test_a_number_before_a_unit_changes_the_phrase():
    text = "меняю прокладку каждые 2 часа"
    assert state(text, "ru", "acute_heavy_bleeding") is None
    assert state(text, "ru", "heavy_periods") is Presence.PRESENT
    assert state("меняю прокладку каждый час", "ru", "acute_heavy_bleeding") is Presence.PRESENT


def test_span_and_rule_point_at_the_words():
    text = "Мне 34 года, после секса кровит."
    found = finding(parse(text, "ru"), "bleeding_after_sex")
    assert found is not None
    assert found.state is Presence.PRESENT
    assert text[found.start : found.end] == found.span
    assert "после секса" in found.span
    assert found.rule.startswith("synonym:")


def test_negation_rule_names_the_cue():
    text = "Головокружения нет."
    found = finding(parse(text, "ru"), "dizziness_on_standing")
    assert found is not None
    assert found.state is Presence.ABSENT
    assert found.rule == "negated:нет"
    assert found.span == text[found.start : found.end] == "Головокружения"


def test_other_person_is_not_the_patient():
    assert state("У мужа диабет", "ru", "diabetes") is not Presence.PRESENT
    assert state("У меня диабет", "ru", "diabetes") is Presence.PRESENT


def test_referral_is_not_a_procedure_done():
    assert state("Гинеколог направила на биопсию", "ru", "recent_gynae_procedure") is not (
        Presence.PRESENT
    )
    assert state("Вчера была биопсия", "ru", "recent_gynae_procedure") is Presence.PRESENT


def test_no_temperature_denies_fever():
    assert state("Температуры нет", "ru", "fever") is Presence.ABSENT
    # a normal figure denies fever, as in English notes ("T 36.9")
    assert state("Температура 36,6", "ru", "fever") is Presence.ABSENT
    assert state("Температура 38,5", "ru", "fever") is Presence.PRESENT
