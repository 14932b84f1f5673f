"""Russian case summaries, as patients and doctors write them: note abbreviations for weeks
of pregnancy and the last period, the time since a birth (hours too), lists of denied signs
("Обмороков, головокружения нет"), a soaked pad every hour, "Т норм.", "не льёт", how long a
bleed lasts. Phrases are written for these tests."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import state

P, A, U = Presence.PRESENT, Presence.ABSENT, Presence.UNKNOWN


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Пациентка 30 л. Б-сть 26 нед., кровит.", "gestation_20w_plus"),
        ("бер-сть 22 нед, мажет алым", "gestation_20w_plus"),
        ("Б-сть 8 нед. Мажет.", "gestation_6_13w"),
        ("срок 10 нед, тянет живот", "gestation_6_13w"),
    ],
)
def test_weeks_pregnant_in_note_abbreviations(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is P
    assert state(text, "ru", "pregnancy_confirmed") is P


def test_lmp_weeks_ago_is_the_last_period_not_postmenopause() -> None:
    text = "ПМП 8 нед. назад, ХГЧ положительный. Мажет."
    assert state(text, "ru", "gestation_6_13w") is P
    assert state(text, "ru", "postmenopausal") is None
    # dated by the last period: still pregnant, not postmenopausal
    assert state("Б-сть 10 нед. по ПМП, мажет", "ru", "postmenopausal") is None
    # a note's "ПМП 4 года" is still the menopause
    assert state("ПМП 4 года, кровянистые выделения.", "ru", "postmenopausal") is P


@pytest.mark.parametrize(
    "text",
    [
        "3 нед. после родов, кровит",
        "на 4-е сутки после КС усилились выделения",
        "6 ч после родов, кровит",
        "роды 2 часа назад, кровит сильно",
        "кесарево было 8 дней назад, мажет",
        "родила вчера ночью, кровит",
    ],
)
def test_time_since_the_birth(text: str) -> None:
    result = parse(text, "ru")
    assert any(f.id == "postpartum_12w" and f.state is P for f in result.findings)
    assert "period_length" not in {f.rule.split(":")[0] for f in result.findings}


def test_today_holds_no_year() -> None:
    # "сегодня" is no "год": a birth today is not a year ago
    result = parse("родила сегодня, кровит со сгустками", "ru")
    assert state("родила сегодня, кровит со сгустками", "ru", "postpartum_12w") is P
    assert all("birth_over_12_weeks" not in f.rule for f in result.findings)


def test_pregnant_now_a_birth_without_a_figure_is_an_earlier_one() -> None:
    text = "мне 30, 36 недель, первые роды были кесарево. кровит алым"
    assert state(text, "ru", "gestation_20w_plus") is P
    assert state(text, "ru", "postpartum_12w") is None
    note = "Б-сть 37 нед. Роды начались дома, кровит."
    assert state(note, "ru", "gestation_20w_plus") is P
    assert state(note, "ru", "postpartum_12w") is None


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        ("Обмороков, головокружения нет.", ("fainting_or_collapse", "dizziness_on_standing"), ()),
        ("Лихорадки, выделений с запахом нет.", ("fever", "discharge_offensive"), ()),
        # a complaint before the comma is not denied
        (
            "Кровотечение сильное, обмороков нет.",
            ("fainting_or_collapse",),
            ("acute_heavy_bleeding",),
        ),
        ("Сильно болит живот, температуры нет.", ("fever",), ("pain_severe_abdominal",)),
    ],
)
def test_a_list_of_denied_signs_before_net(
    text: str, absent: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    for fid in absent:
        assert state(text, "ru", fid) is A, fid
    for fid in kept:
        assert state(text, "ru", fid) is P, fid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("прокладка промокает каждый час", P),
        ("вторые сутки прокладки промокают каждый час", P),
        ("промокает ежечасно по прокладке", P),
        ("меняю по 2 прокладки в час", P),
        ("прокладки промокают каждые 3 часа", None),
        ("не льёт, живот не болит", A),
        ("ничего не льёт", A),
        # said of periods, "льёт" is no acute bleed: only its denial counts
        ("первые дни месячных просто льёт", None),
    ],
)
def test_soaked_pads_and_pouring(text: str, expected: Presence | None) -> None:
    assert state(text, "ru", "acute_heavy_bleeding") is expected


@pytest.mark.parametrize("text", ["Т норм., болей нет", "Т тела в норме.", "афебрильна"])
def test_normal_temperature_in_notes(text: str) -> None:
    assert state(text, "ru", "fever") is A


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кровотечение 11-й день, сгустки.", P),
        ("кровит уже давно, кровотечение уже 12 дней", P),
        ("межменструальные выделения продолжительностью 9–12 дней", P),
        ("месячные стали дольше и обильнее", P),
        ("цикл длительностью 32 дня", None),
        ("задержка менструации 12 дней", None),
        ("кровотечение 4 дня", None),
    ],
)
def test_how_long_a_bleed_lasts(text: str, expected: Presence | None) -> None:
    assert state(text, "ru", "prolonged_periods") is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # adjectives of one noun in a list: each is said of it, and each is denied with it
        ("Ноющих, схваткообразных, односторонних болей не было.", "pain_cramping", A),
        ("Ноющих, схваткообразных, односторонних болей не было.", "pain_one_sided", A),
        ("Месячные стали болезненнее и длительнее.", "prolonged_periods", P),
        ("Месячные стали длиннее, обильнее и болезненнее.", "heavy_periods", P),
        ("голова болит часто, месячных нет 4 месяца", "frequent_periods", None),
    ],
)
def test_adjectives_sharing_one_word(text: str, fid: str, expected: Presence | None) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Болей нет, в том числе односторонних.", A),
        ("Отрицает боли, в т.ч. односторонние.", A),
        ("Тянет низ живота с обеих сторон.", A),
        ("Не тянет ни сбоку, ни в пояснице.", A),
        ("Тянет с обеих сторон, но справа болит сильнее.", P),
    ],
)
def test_one_sided_pain_denied_or_bilateral(text: str, expected: Presence | None) -> None:
    assert state(text, "ru", "pain_one_sided") is expected


@pytest.mark.parametrize(
    "text",
    [
        "Очень хотим забеременеть, мажет второй день.",
        "Боюсь забеременеть, поэтому мажет?",
        "Мы планируем забеременеть в следующем году.",
        "Не могла забеременеть, муж в командировке.",
    ],
)
def test_pregnancy_wished_or_feared_is_not_confirmed(text: str) -> None:
    assert state(text, "ru", "pregnancy_confirmed") is not P


def test_pregnancy_said_as_a_fact_is_still_confirmed() -> None:
    assert state("Забеременела в апреле, мажет.", "ru", "pregnancy_confirmed") is P


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # a subject carried to the next sentence, or to a clause of adjectives
        ("Месячные уже девятый день. Такие обильные.", "heavy_periods", P),
        ("Менструации регулярные, по 5 дней, не обильные.", "heavy_periods", A),
        ("Выделения без запаха и коричневые.", "dark_scanty_bleeding", P),
        ("Кровит. Обильных месячных нет.", "heavy_periods", A),
        # "у меня" inside a phrase is no gap
        ("цикл у меня постоянно скачет", "irregular_periods", P),
        # an elided act: "after" said of sex named before
        ("Секс был вчера, и мажет после.", "bleeding_after_sex", P),
        # a test and its result set off by a dash or a comma
        ("Тест на беременность делала — отрицательный.", "pregnancy_test_negative", P),
    ],
)
def test_words_understood_from_before(text: str, fid: str, expected: Presence | None) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # an imperfective denial meets the perfective synonym
        ("Таблетки не пропускаю.", "missed_pills", A),
        ("Матку мне не удаляли.", "hysterectomy", A),
        # a test done with a result is no hypothetical; a drug prescribed is taken
        ("Анализ на ВПЧ положительный.", "abnormal_smear_or_hpv", P),
        ("Полгода назад назначили варфарин.", "uses_anticoagulant", P),
        ("Назначили гистероскопию на следующей неделе.", "recent_gynae_procedure", U),
        # almost stopped has not stopped
        ("Лохии почти закончились.", "postpartum_12w", P),
        ("Спермы с кровью у мужа не видела.", "partner_blood_in_semen", A),
        ("Мужчина один, постоянный партнер.", "new_or_multiple_partners", A),
        ("Ребенок шевелится как обычно.", "reduced_fetal_movements", A),
    ],
)
def test_verb_aspect_results_and_reassurance(
    text: str, fid: str, expected: Presence | None
) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Отошли фрагменты ткани.", "tissue_passed"),
        ("Лохии снова усилились.", "bleeding_getting_heavier"),
        ("Кровь после первого ПА.", "first_intercourse"),
        ("Беспокоит болезненность при дефекации.", "pain_on_defecation"),
        ("Незаживающая язвочка на вульве.", "vulval_lump_or_ulcer"),
        ("Варикозное расширение вен половых губ.", "visible_veins_vulva"),
        ("На шейке наботовы кисты.", "cervix_abnormal_seen"),
    ],
)
def test_more_clinical_wording(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is P


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # a verb alone in a later clause keeps the subject; so does a pronoun
        ("Живот не болит, не тянет.", "pain_cramping", A),
        ("Кровь пошла утром. Она ярко-алая.", "bright_red_bleeding", P),
        # a hedge before the closing negation leaves it open
        ("Озноба вроде нет.", "fever", U),
        # first periods months ago are the menarche, not this bleed
        (
            "Месячные начались год назад, сейчас кровит третью неделю.",
            "bleeding_with_expected_period",
            U,
        ),
        # no period since the birth is not "no period yet"
        ("Родила в мае, месячных ещё не было, и вот мажет.", "before_first_period", U),
        # a bleed said "almost" all the time comes and goes; "не переставая" of pain
        ("Кровит почти постоянно.", "bleeding_not_stopping", U),
        ("Болит не переставая.", "bleeding_not_stopping", U),
        ("После удаления зуба кровь долго не останавливалась.", "bleeding_not_stopping", None),
        # the test's denial of a pregnancy is the test
        ("Не беременна, тест отрицательный.", "pregnancy_confirmed", None),
        # "гормоны не принимаю" denies hormone therapy
        ("Мне 58, гормоны не пью.", "uses_hrt", A),
        ("Травм не было.", "vaginal_injury", A),
    ],
)
def test_subjects_hedges_and_what_is_not_the_bleed(
    text: str, fid: str, expected: Presence | None
) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("Мне 63. На УЗИ эндометрий 9 мм.", "ultrasound_thick_endometrium", P),
        ("Мне 63. Эндометрий 3 мм.", "ultrasound_thick_endometrium", A),
        ("АД 75/40, кровит.", "cold_sweat_pallor", P),
        ("Кровопотеря составила 700 мл.", "acute_heavy_bleeding", P),
    ],
)
def test_note_figures(text: str, fid: str, expected: Presence | None) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # a device taken out, a habit given up, a method stopped
        ("Спираль удалили две недели назад.", "uses_copper_iud", A),
        ("Мирену сняли в марте.", "uses_hormonal_ius", A),
        ("Мирена стоит третий год.", "uses_hormonal_ius", P),
        ("Курить бросила пять лет назад.", "smoker", A),
        ("ОК уже не пью.", "uses_combined_pill", A),
    ],
)
def test_methods_and_habits_that_ended(text: str, fid: str, expected: Presence | None) -> None:
    assert state(text, "ru", fid) is expected


def test_a_denial_does_not_run_into_a_test_result() -> None:
    text = "болит живот, месячных нет, тест на беременность отрицательный"
    assert state(text, "ru", "pregnancy_test_negative") is P


@pytest.mark.parametrize(
    ("text", "fid", "want"),
    [
        ("Мажет. ХГЧ отриц.", "pregnancy_test_negative", P),
        ("Кровит после ПА. ВПЧ отрицательный.", "abnormal_smear_or_hpv", A),
        ("Кровит после ПА. ВПЧ — отриц.", "abnormal_smear_or_hpv", A),
    ],
)
def test_clipped_and_negative_results(text: str, fid: str, want: Presence) -> None:
    assert state(text, "ru", fid) is want


def test_a_first_o_typed_as_a() -> None:
    text = "кравотечение не астанавливается, галава кружица"
    assert state(text, "ru", "bleeding_not_stopping") is P
    assert state(text, "ru", "dizziness_on_standing") is P


def test_a_note_lists_drugs_before_not_taking_them() -> None:
    text = "Кровит 5 дней. Гормоны, варфарин не принимает."
    assert state(text, "ru", "uses_anticoagulant") is A
    # a drug denied after a comma leaves the bleeding alone
    assert state("Мажущие выделения, КОК не принимает", "ru", "spotting_light") is P


def test_a_type_of_diabetes_is_no_hedge() -> None:
    text = "Мажет неделю. СД 2 типа, гипотиреоз."
    assert state(text, "ru", "diabetes") is P
    assert state(text, "ru", "known_thyroid_disease") is P


def test_on_and_off_is_not_denied() -> None:
    assert state("мажет розовым то есть, то нет", "ru", "spotting_light") is P


def test_found_normal_is_a_denial() -> None:
    assert state("кровит между месячными, щитовидка в норме", "ru", "known_thyroid_disease") is A


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("кровит после секса, на цитологию не ходила никогда", "screening_overdue"),
        ("мажет, мазок не делала уже лет шесть", "screening_overdue"),
        ("занимались сексом без резинки, теперь мажет", "pregnancy_possible"),
        ("вторую неделю мажет без перерыва", "bleeding_not_stopping"),
    ],
)
def test_everyday_wording(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is P


@pytest.mark.parametrize(
    "text",
    [
        "спираль мирена стоит 6 недель, мажет",
        "Ж., 30 л. ОК (Джес) 1 мес. Мажущие выделения.",
        "Медная ВМС введена 2 нед. назад, тянет живот",
        "пью джес полтора месяца, кровит между месячными",
    ],
)
def test_how_long_a_method_has_been_used(text: str) -> None:
    assert state(text, "ru", "contraception_started_under_3m") is P


def test_a_device_taken_out_in_the_next_clause() -> None:
    text = "сейчас пью ярину, до этого стоял имплант, его вынули. мажет"
    assert state(text, "ru", "uses_implant") is A


def test_a_bare_coil_is_the_hormonal_one_named() -> None:
    text = "Мирена стоит 2 года. ВМС на месте по УЗИ. Мажет."
    assert state(text, "ru", "uses_hormonal_ius") is P
    assert state(text, "ru", "uses_copper_iud") is None


def test_a_subject_with_too_takes_the_predicate_before() -> None:
    assert state("голова не болит, поясница тоже. мажет", "ru", "pain_lower_back") is A
    assert state("тянет низ живота, и поясница тоже", "ru", "pain_lower_back") is P


def test_during_without_a_noun_is_during_sex() -> None:
    assert state("вчера был секс, во время было больно, потом мазня", "ru", "pain_during_sex") is P


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("каждый месяц на 13 день цикла мажет коричневым", "midcycle_spotting"),
        ("на 15 день цикла колет справа и чуть мажет", "midcycle_pain"),
        ("тянущие боли внизу живота в течение 8 мес.", "pelvic_pain_chronic"),
        ("месячные то через три недели, то через полтора месяца", "irregular_periods"),
        ("потягивает слева уже второй день", "pain_one_sided"),
    ],
)
def test_timing_and_side_of_pain(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is P


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Матка мягкая, безболезненная.", "pain_constant_severe_uterus"),
        ("Б-сть 12 нед. Размеры матки соответствуют сроку.", "uterus_large_for_dates"),
        ("Онкоанамнез не отягощен. Мажет.", "family_history_lynch"),
        ("мажет, сухости никакой нет", "vaginal_dryness"),
        ("месячные обильные, безболезненные", "painful_periods"),
        ("На УЗИ миоматозных узлов нет.", "known_fibroids"),
        ("Мазок на онкоцитологию 1 год назад в норме.", "screening_overdue"),
    ],
)
def test_denials_in_notes(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is A


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("живот большой как на 6 месяце, миома", "gestation_20w_plus"),
        ("низ живота болит схватками, месячные", "regular_contractions"),
        ("УЗИ: полип эндометрия 6 мм, постменопауза", "ultrasound_thick_endometrium"),
        ("после первых родов 5 месяцев, мажет", "postpartum_12w"),
        ("месячные начались в 12, всегда обильные", "bleeding_with_expected_period"),
    ],
)
def test_not_said(text: str, fid: str) -> None:
    assert state(text, "ru", fid) in (None, U)


def test_clipped_units_end_no_sentence() -> None:
    text = "Кровянистые выделения на 14 день цикла в течение 2 сут., с болью справа внизу живота."
    assert state(text, "ru", "midcycle_pain") is P
    assert (
        state("Менархе 6 мес. назад. Обильные месячные.", "ru", "girl_within_2y_of_menarche") is P
    )


def test_after_it_keeps_the_first_act() -> None:
    text = "Первый половой контакт позавчера, после него мажет."
    assert state(text, "ru", "bleeding_after_first_sex") is P


def test_after_with_an_amount_is_after_sex() -> None:
    text = "при сексе больно, после пара капель крови"
    assert state(text, "ru", "bleeding_after_sex") is P


def test_delays_over_many_cycles_are_no_late_period() -> None:
    text = "цикл нерегулярный, с интервалом 2-3 мес., после задержек кровит долго"
    assert state(text, "ru", "period_late") in (None, U)
    assert state(text, "ru", "infrequent_periods") is P


def test_during_which_refers_to_the_act() -> None:
    text = "Мажет после полового акта, во время которого была резкая боль."
    assert state(text, "ru", "acute_pain_during_sex") is P


def test_an_abnormal_recent_smear_is_not_screening_up_to_date() -> None:
    text = "Мажет. Цитология 4 мес. назад: HSIL."
    assert state(text, "ru", "screening_overdue") is None
