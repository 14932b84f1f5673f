"""Russian written by clinicians: notes, referrals, abbreviations, the patient in the third
person, "отрицает", negation after the verb, vital signs; plus the clinical development corpus
(ru_clinical_dev.yaml) loads with known finding ids. Phrases are written for these tests."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import check_corpus, load_corpus, state

P, A, U = Presence.PRESENT, Presence.ABSENT, Presence.UNKNOWN


def test_ru_clinical_dev_corpus_loads_with_known_finding_ids() -> None:
    items = load_corpus("ru_clinical_dev")
    assert len(items) == 120
    check_corpus(items)


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # negation after the verb, as notes put it
        ("Гормональную терапию: ЗГТ не получает.", "uses_hrt", A),
        ("Варфарин не принимает, кровит 3 дня", "uses_anticoagulant", A),
        ("Тамоксифен никогда не принимала.", "uses_tamoxifen", A),
        ("антикоагулянты не пью", "uses_anticoagulant", A),
        # the verb belongs to a phrase ("пью ок"): its "не" still denies it
        ("не пью ок уже год", "uses_combined_pill", A),
        # clinical verbs of denial
        ("Кровянистых выделений после коитуса не отмечает.", "bleeding_after_sex", A),
        ("Температура тела не повышалась.", "fever", A),
        # "отрицает" runs through a list, before or after it ...
        ("Отрицает повышение температуры, тошноту, рвоту.", "vomiting", A),
        ("Рвоту, тошноту отрицает.", "vomiting", A),
        # ... but not into a new clause with its own verb
        ("Отрицает лихорадку, отмечает мажущие выделения.", "spotting_light", P),
        # the patient in the third person is the patient; so is a woman written for
        ("Пациентка 30 лет. У нее мажет после полового контакта.", "bleeding_after_sex", P),
        ("Пишу за сестру. У нее мажет после полового контакта.", "bleeding_after_sex", P),
    ],
)
def test_clinical_negation_and_person(text: str, fid: str, expected: Presence) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        # where the pain is, in clinical words
        ("Боли в левой подвздошной области.", "pain_one_sided"),
        ("Болезненность в области придатков справа.", "pain_one_sided"),
        ("Боль внизу живота с иррадиацией в плечо.", "shoulder_tip_pain"),
        ("Однократно синкопе.", "fainting_or_collapse"),
        # abbreviations and notes' shorthand
        ("ПМП 5 лет, кровянистые выделения.", "postmenopausal"),
        ("Бер-ть 30 нед., кровотечение.", "gestation_20w_plus"),
        ("б-ть 9 нед., мажет.", "gestation_6_13w"),
        ("ЛНГ-ВМС 2 года.", "uses_hormonal_ius"),
        ("ХГЧ+, мажущие выделения.", "pregnancy_confirmed"),
        ("Тест на беременность (+).", "pregnancy_confirmed"),
        ("Метроррагия 3 месяца.", "bleeding_between_periods"),
        ("Внематочная беременность в анамнезе.", "previous_ectopic_or_tubal_surgery"),
        ("В анамнезе выкидыш.", "previous_miscarriage"),
        # the clinical word for a period meets the everyday synonyms
        ("Мажет перед менструацией.", "premenstrual_spotting"),
        # vital signs and numbers in notes
        ("t 38,6, озноба нет", "fever"),
        ("ЧСС 118, бледная", "fast_heartbeat"),
        ("ОК принимает 2 месяца, межменструальные выделения", "contraception_started_under_3m"),
        ("Контактные кровотечения около полугода.", "postcoital_over_4w"),
        ("Аменорея 5 месяцев.", "infrequent_periods"),
        ("Менструации обильные, длительные, до 12 дней.", "prolonged_periods"),
    ],
)
def test_clinical_words_and_numbers(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is P


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Пульс 72, живот мягкий.", "fast_heartbeat"),
        ("Температура 36,6.", "fever"),
        ("Живот мягкий, при пальпации безболезненный.", "abdominal_tenderness"),
    ],
)
def test_normal_findings_in_notes_deny(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is A


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        # the size of the womb in weeks is not weeks pregnant
        ("Матка увеличена до 10 недель беременности, плотная.", "pregnancy_confirmed"),
        ("Матка увеличена до 10 недель беременности, плотная.", "gestation_6_13w"),
        # bloody discharge is not profuse mucus
        ("Обильные кровянистые выделения.", "discharge_mucoid_profuse"),
        # a dash after a test is not a minus: "ХГЧ - 1500"
        ("ХГЧ - 1500 МЕ/л", "pregnancy_test_negative"),
        # a birth months ago is not a recent birth
        ("Роды 5 месяцев назад, кормит грудью.", "postpartum_12w"),
        # the copper coil is not named by the hormonal one's abbreviation
        ("ЛНГ-ВМС 2 года.", "uses_copper_iud"),
    ],
)
def test_clinical_words_that_do_not_assert(text: str, fid: str) -> None:
    assert state(text, "ru", fid) in (None, U)


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Олигоменорея, гирсутизм. СПКЯ?", "known_pcos"),
        ("Со слов матери, могла забыть тампон во влагалище.", "object_in_vagina"),
    ],
)
def test_a_diagnosis_asked_about_or_a_possibility_is_unknown(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is U


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Пациентка 32 лет, кровянистые выделения.", 32),
        ("Больная 41 года, меноррагия.", 41),
        ("Девочка 8 лет, кровянистые выделения из влагалища.", 8),
        ("У матери рак толстой кишки в 45 лет. Пациентка 50 лет.", 50),
        ("Пациентка 14 лет, менархе в 13 лет.", 14),
    ],
)
def test_the_age_of_the_patient_in_a_note(text: str, age: int) -> None:
    assert parse(text, "ru").age == age


def test_menarche_age_is_not_her_age_and_dates_the_first_period() -> None:
    result = parse("Пациентка 14 лет, менархе в 13 лет, обильные менструации.", "ru")
    states = {f.id: f.state for f in result.findings}
    assert result.age == 14
    assert states.get("girl_within_2y_of_menarche") is P


def test_a_time_phrase_said_of_pain_is_not_bleeding_after_sex() -> None:
    pain_only = "Острая боль внизу живота во время полового акта, слабость."
    assert state(pain_only, "ru", "bleeding_after_sex") is None
    with_blood = "Во время полового акта заболел живот, потом пошла кровь."
    assert state(with_blood, "ru", "bleeding_after_sex") is P


@pytest.mark.parametrize(
    "text",
    [
        "муж сделал вазэктомию",
        "стерилизация пять лет назад",
        "предохраняемся презервативом",
        "беременность исключена",
        "половой жизни нет",
        "половую жизнь отрицает",
        "полового контакта не было",
    ],
)
def test_no_pregnancy_risk_in_russian(text):
    assert state(text, "ru", "pregnancy_possible") is A


@pytest.mark.parametrize(
    "text", ["порвался презерватив", "презервативом не пользуемся", "не предохраняемся"]
)
def test_unprotected_sex_in_russian(text):
    assert state(text, "ru", "pregnancy_possible") is P


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Пишу за подругу: у неё задержка и сильная боль слева", "pain_one_sided"),
        ("Спрашиваю за сестру, она после родов и потеряла сознание", "fainting_or_collapse"),
    ],
)
def test_a_message_written_for_another_woman_assesses_her(text, fid):
    assert state(text, "ru", fid) is P


def test_a_relatives_history_stays_history_in_russian():
    assert state("У мамы была миома, а у меня мажет после секса", "ru", "ultrasound_fibroid") is U
