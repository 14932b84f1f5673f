"""Ages and durations: a number becomes the age only when the words say it is one."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import state


@pytest.mark.parametrize(
    ("text", "lang", "age"),
    [
        ("I'm 34 and bleeding after sex", "en", 34),
        ("34 years old, spotting", "en", 34),
        ("мне 52, климакс три года", "ru", 52),
        ("Мне 16 лет, месячные идут 10 дней", "ru", 16),
        ("Возраст 33, цикл 35 дней", "ru", 33),
    ],
)
def test_stated_age_is_read(text, lang, age):
    assert parse(text, lang).age == age


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I am 20 weeks pregnant and bleeding", "en"),
        ("changing my pad every 2 hours", "en"),
        ("bleeding for 3 months", "en"),
        ("7 weeks pregnant, some cramps", "en"),
        ("на 20 неделе пошла кровь", "ru"),
        ("меняю прокладку каждые 2 часа", "ru"),
        ("кровит уже 3 месяца", "ru"),
        ("Срок 12 недель, мажет", "ru"),
        ("Прокладка промокает за 40 минут", "ru"),
    ],
)
def test_numbers_that_are_not_ages_never_become_the_age(text, lang):
    assert parse(text, lang).age is None


def test_age_beside_other_numbers_is_the_stated_one():
    assert parse("I'm 29, 20 weeks pregnant, bleeding every 2 hours", "en").age == 29
    assert parse("Мне 29, на 20 неделе, кровит каждые 2 часа", "ru").age == 29


@pytest.mark.parametrize(
    ("text", "lang", "duration"),
    [
        ("bleeding after sex for 3 months", "en", "for 3 months"),
        ("7 weeks pregnant", "en", "7 weeks pregnant"),
        ("кровит уже 3 месяца", "ru", "уже 3 месяца"),
        ("на 20 неделе", "ru", "на 20 неделе"),
    ],
)
def test_durations_are_reported(text, lang, duration):
    assert duration in parse(text, lang).durations


@pytest.mark.parametrize(
    ("text", "lang", "band"),
    [
        ("7 weeks pregnant", "en", "gestation_6_13w"),
        ("I'm 20 weeks pregnant", "en", "gestation_20w_plus"),
        ("на 20 неделе", "ru", "gestation_20w_plus"),
        ("Беременность 11 недель, мажет", "ru", "gestation_6_13w"),
        ("Сейчас 5 недель, мажет коричневым", "ru", "gestation_under_6w"),
        ("31 неделя. Ночью пошла кровь.", "ru", "gestation_20w_plus"),
    ],
)
def test_weeks_pregnant_set_the_band_and_the_pregnancy(text, lang, band):
    result = parse(text, lang)
    states = {f.id: f.state for f in result.findings}
    assert states.get(band) is Presence.PRESENT
    assert states.get("pregnancy_confirmed") is Presence.PRESENT
    other_bands = {"gestation_under_6w", "gestation_6_13w", "gestation_13_20w"}
    other_bands |= {"gestation_20w_plus"}
    assert [b for b in other_bands - {band} if b in states] == []


def test_a_duration_is_not_weeks_pregnant():
    assert state("Мажет уже 3 недели", "ru", "pregnancy_confirmed") is None
    assert state("spotting for 3 weeks", "en", "pregnancy_confirmed") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("bleeding after sex for 3 months", "en"),
        ("после секса кровит уже 3 месяца", "ru"),
        ("после полового акта кровит второй месяц", "ru"),
    ],
)
def test_postcoital_bleeding_over_four_weeks(text, lang):
    assert state(text, lang, "postcoital_over_4w") is Presence.PRESENT


def test_postcoital_bleeding_for_two_weeks_is_not_over_four():
    assert state("bleeding after sex for 2 weeks", "en", "postcoital_over_4w") is None
    assert state("после секса кровит уже 2 недели", "ru", "postcoital_over_4w") is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Месячные стали идти по 10 дней", "prolonged_periods"),
        ("месячные не прекращаются третью неделю", "prolonged_periods"),
        ("Возраст 33, цикл 35-40 дней, иногда и 60", "infrequent_periods"),
        ("Месячные приходят раз в 4-5 месяцев", "infrequent_periods"),
        ("мазок сдавала лет 10 назад", "screening_overdue"),
        ("Последние месячные были в 50, сейчас мне 56", "postmenopausal"),
    ],
)
def test_russian_figures_set_banded_findings(text, fid):
    assert state(text, "ru", fid) is Presence.PRESENT


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Месячные идут 5 дней", "prolonged_periods"),
        ("цикл 28 дней", "infrequent_periods"),
    ],
)
def test_ordinary_figures_set_nothing(text, fid):
    assert state(text, "ru", fid) is None


def test_a_smear_within_three_years_is_screening_up_to_date():
    assert state("мазок сдавала год назад", "ru", "screening_overdue") is Presence.ABSENT
