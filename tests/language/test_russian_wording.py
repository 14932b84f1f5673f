"""Russian wording classes found with the blind development cases (cases/ru_dev.yaml)."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import state


def test_without_denies_its_noun_only():
    text = "после долгого секса без смазки заметила немного крови"
    assert state(text, "ru", "spotting_light") is Presence.PRESENT
    assert state("без боли", "ru", "pain_cramping") is Presence.ABSENT


@pytest.mark.parametrize(
    ("text", "fid"),
    [("зуда нет вообще", "vulval_itch"), ("секса не было вообще", "pregnancy_possible")],
)
def test_emphatic_word_after_a_closing_negation(text, fid):
    assert state(text, "ru", fid) is Presence.ABSENT


def test_comparison_with_before_is_not_the_past():
    text = "месячные болят сильнее чем раньше, плюс мажет пару дней до"
    assert state(text, "ru", "spotting_light") is Presence.PRESENT


def test_not_by_dates_is_no_denial():
    assert state("матка большая не по сроку", "ru", "uterus_large_for_dates") is Presence.PRESENT


@pytest.mark.parametrize("text", ["Направлена на полипэктомию", "Планируется гистероскопия, РДВ"])
def test_planned_procedure_is_not_done(text):
    assert state(text, "ru", "recent_gynae_procedure") is Presence.UNKNOWN


def test_question_of_what_is_allowed_is_hypothetical():
    text = "Можно ли пропускать таблетку во время месячных?"
    assert state(text, "ru", "missed_pills") is not Presence.PRESENT


@pytest.mark.parametrize(
    "text",
    [
        "Сердцебиение плода не выслушивается",
        "На узи сказали что сердцебиения нет и эмбрион как на 7 недель",
    ],
)
def test_fetal_heartbeat_is_not_the_womans(text):
    assert state(text, "ru", "fast_heartbeat") is Presence.UNKNOWN


def test_womans_racing_heart_still_counts():
    assert state("сердцебиение, слабость, кровь льет", "ru", "fast_heartbeat") is Presence.PRESENT


@pytest.mark.parametrize(
    "text", ["36 лет, трое родов. после секса кровило", "трубы перевязаны после третьих родов"]
)
def test_births_counted_are_parity(text):
    assert state(text, "ru", "postpartum_12w") is not Presence.PRESENT


def test_recent_birth_stays_present():
    assert state("2 недели после родов, кровь", "ru", "postpartum_12w") is Presence.PRESENT


@pytest.mark.parametrize(("text", "age"), [("71 г. Кровомазание 1 мес.", 71), ("26 л. Боли", 26)])
def test_clipped_age_opening_a_note(text, age):
    assert parse(text, "ru").age == age


def test_year_of_an_event_is_no_age():
    assert parse("2019 г. операция", "ru").age is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("обильные мд", "heavy_periods"),
        ("мд не пришли", "period_late"),
        ("кровь между мд", "bleeding_between_periods"),
    ],
)
def test_forum_abbreviation_of_periods(text, fid):
    assert state(text, "ru", fid) is Presence.PRESENT


def test_tinge_of_a_colour_meets_the_colour():
    assert state("выделения коричневатые", "ru", "dark_scanty_bleeding") is Presence.PRESENT


def test_result_after_past_of_to_be():
    text = "тест на беременность неделю назад был положительный"
    assert state(text, "ru", "pregnancy_confirmed") is Presence.PRESENT


def test_owner_inside_a_reordered_phrase():
    assert state("Вес у меня большой", "ru", "obesity") is Presence.PRESENT


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Кожные покровы бледные", "cold_sweat_pallor"),
        ("кровь идет и идет, все полотенца мокрые", "acute_heavy_bleeding"),
        ("Внезапная боль в левой подвздошной области", "pain_severe_abdominal"),
        ("Живот болит несильно", "pain_cramping"),
        ("23 г. Жалобы на ПКК", "bleeding_after_sex"),
        ("В анамнезе трубы непроходимые", "previous_ectopic_or_tubal_surgery"),
    ],
)
def test_new_russian_synonyms(text, fid):
    assert state(text, "ru", fid) is Presence.PRESENT


@pytest.mark.parametrize("text", ["Это климакс уже?", "Мне 48. Приливы. Это климакс начинается?"])
def test_menopause_asked_about_is_unknown(text):
    assert state(text, "ru", "postmenopausal") is Presence.UNKNOWN


def test_menopause_stated_before_a_question_stays():
    assert state("климакс 5 лет, мажет. Это рак?", "ru", "postmenopausal") is Presence.PRESENT
