"""English as clinicians write it: notes, referrals, exam questions, shorthand and vitals."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import check_corpus, load_corpus, state

P, A, U = Presence.PRESENT, Presence.ABSENT, Presence.UNKNOWN


def states(text: str) -> dict[str, Presence]:
    return {f.id: f.state for f in parse(text, "en").findings}


# --- negation as notes write it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Not on HRT.", "uses_hrt"),
        ("I am not on HRT", "uses_hrt"),
        ("Not on the pill at the moment", "uses_combined_pill"),
        ("she is not taking HRT", "uses_hrt"),
        ("Never had HRT, now bleeding", "uses_hrt"),
        ("Pt denies dyspareunia", "pain_during_sex"),
        ("nil dysuria", "pain_on_urination"),
        ("Dysuria: nil. Bleeding mid cycle.", "pain_on_urination"),
        ("Haematuria: no", "blood_in_urine"),
        ("Fever: nil", "fever"),
        ("Vomiting: none. ", "vomiting"),
        ("No PCB or IMB", "bleeding_between_periods"),
        ("Bleeding without fever", "fever"),
        ("Negative for shoulder tip pain", "shoulder_tip_pain"),
        ("Shoulder tip pain not present.", "shoulder_tip_pain"),
        ("Free of fever since Tuesday", "fever"),
        ("Apyrexial, spotting", "fever"),
        ("Abdomen soft, non-tender.", "abdominal_tenderness"),
        ("Smear up to date.", "screening_overdue"),
        ("34/40, fetal movements normal.", "reduced_fetal_movements"),
        ("Not sexually active.", "pregnancy_possible"),
    ],
)
def test_note_negations_deny(text, fid):
    assert state(text, "en", fid) is A


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("UPT -ve", "pregnancy_test_negative", P),
        ("UPT negative", "pregnancy_test_negative", P),
        ("UPT +ve", "pregnancy_confirmed", P),
        ("bHCG positive", "pregnancy_confirmed", P),
        ("Chlamydia neg, spotting after sex", "bleeding_after_sex", P),
        ("PMB: yes", "postmenopausal", P),
    ],
)
def test_test_results_are_not_negations_of_themselves(text, fid, expected):
    assert state(text, "en", fid) is expected


def test_a_negation_stops_at_the_next_item_of_a_note_list():
    found = states("68F, PMB, not on HRT, BMI 36, type 2 diabetes.")
    assert found["uses_hrt"] is A
    assert found["diabetes"] is P
    assert found["obesity"] is P


def test_a_negation_reaches_along_a_list_closed_by_or():
    found = states("I'm not on any blood thinners, HRT or tamoxifen")
    assert found["uses_tamoxifen"] is A
    assert found["uses_anticoagulant"] is A


def test_denies_reaches_along_a_comma_list():
    found = states("Denies PCB, IMB, dyspareunia.")
    assert found["bleeding_after_sex"] is A
    assert found["bleeding_between_periods"] is A


def test_a_days_history_is_not_the_past():
    found = states("She presents with a 3-day history of right iliac fossa pain and spotting.")
    assert found["pain_one_sided"] is P
    assert found["spotting_light"] is P


def test_never_had_a_smear_is_no_recent_smear():
    found = states("never had a smear test and bleed after sex")
    assert found["screening_overdue"] is P
    assert "recent_smear_or_exam" not in found


# --- who the text is about -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She is tachycardic at 120.",
        "The patient is tachycardic",
        "Mrs J is tachycardic and pale",
        "A 30-year-old woman presents. She is tachycardic.",
    ],
)
def test_she_in_a_note_is_the_patient(text):
    assert state(text, "en", "fast_heartbeat") is P


def test_a_friend_described_for_help_is_the_one_assessed():
    # a message written for someone who has fainted is an emergency for her (safety first)
    assert state("Asking for my friend, she has fainted twice", "en", "fainting_or_collapse") is P


def test_a_friend_compared_with_the_writer_stays_the_friend():
    text = "My friend had an ectopic and I have spotting like her"
    assert state(text, "en", "previous_ectopic_or_tubal_surgery") is U


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("FH: sister had an ectopic pregnancy.", "previous_ectopic_or_tubal_surgery"),
        ("Her mother had a miscarriage at 40.", "previous_miscarriage"),
        ("Her sister has fibroids.", "known_fibroids"),
    ],
)
def test_relatives_findings_are_unknown(text, fid):
    assert state(text, "en", fid) in (U, None)


def test_family_history_finding_stays_present_and_age_of_relative_is_no_age():
    result = parse("Mrs B, 66, FH of bowel cancer in mother aged 45.", "en")
    assert result.age == 66
    assert {f.id: f.state for f in result.findings}["family_history_lynch"] is P


def test_the_patient_herself_ends_a_family_scope():
    found = states("FH: sister had an ectopic. Pt herself has never had an ectopic.")
    assert found["previous_ectopic_or_tubal_surgery"] is A


# --- shorthand --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("PMB x2", "postmenopausal"),
        ("PCB for 3 months", "bleeding_after_sex"),
        ("IMB on the pill", "bleeding_between_periods"),
        ("HMB", "heavy_periods"),
        ("metrorrhagia for 6 months", "bleeding_between_periods"),
        ("on the COCP", "uses_combined_pill"),
        ("on the mini pill", "uses_progestogen_pill"),
        ("Nexplanon in situ", "uses_implant"),
        ("Depo-Provera", "uses_injection"),
        ("sequential HRT", "uses_hrt"),
        ("HRT patches", "uses_hrt"),
        ("on tamoxifen", "uses_tamoxifen"),
        ("on a DOAC", "uses_anticoagulant"),
        ("prophylactic LMWH", "uses_anticoagulant"),
        ("EHC 3 days ago", "took_emergency_contraception"),
        ("RIF pain", "pain_one_sided"),
        ("left iliac fossa pain", "pain_one_sided"),
        ("adnexal tenderness", "abdominal_tenderness"),
        ("syncopal episode", "fainting_or_collapse"),
        ("presyncope", "fainting_or_collapse"),
        ("tachycardic", "fast_heartbeat"),
        ("pyrexial", "fever"),
        ("offensive PV discharge", "discharge_offensive"),
        ("offensive lochia", "discharge_offensive"),
        ("friable cervix", "cervix_abnormal_seen"),
        ("contact bleeding on speculum", "cervix_abnormal_seen"),
        ("cervical ectropion seen", "cervix_abnormal_seen"),
        ("smear overdue", "screening_overdue"),
        ("post-LLETZ", "recent_gynae_procedure"),
        ("post ERPC", "recent_gynae_procedure"),
        ("2 weeks post-TOP", "recent_miscarriage_or_abortion"),
        ("previous LSCS", "previous_caesarean"),
        ("SROM at 30 weeks", "waters_broken"),
        ("PPH at her last delivery", "bleeding_after_surgery_or_dental"),
    ],
)
def test_shorthand_is_recognised(text, fid):
    assert state(text, "en", fid) is P


def test_mirena_named_with_the_coil_is_not_a_copper_coil():
    found = states("on the coil (Mirena) since 2020")
    assert found["uses_hormonal_ius"] is P
    assert "uses_copper_iud" not in found


def test_hrt_patches_are_not_the_contraceptive_patch():
    assert "uses_combined_pill" not in states("Went on HRT patches in January")


# --- numbers in notes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("32/40, PV bleeding", "gestation_20w_plus"),
        ("8/40 by dates", "gestation_6_13w"),
        ("32+3 weeks with bleeding", "gestation_20w_plus"),
        ("6+2 weeks by LMP, spotting", "gestation_6_13w"),
        ("at 16+0, spotting", "gestation_13_20w"),
        ("34 weeks' gestation, painless bleeding", "gestation_20w_plus"),
    ],
)
def test_gestation_notations(text, band):
    found = states(text)
    assert found[band] is P
    assert found["pregnancy_confirmed"] is P


def test_lmp_weeks_ago_means_a_late_period_and_dates_a_pregnancy():
    found = states("32F, LMP 7 weeks ago, positive pregnancy test, PV bleeding")
    assert found["period_late"] is P
    assert found["pregnancy_possible"] is P
    assert found["gestation_6_13w"] is P


def test_lmp_without_a_pregnancy_sets_no_gestation():
    found = states("LMP 6 weeks ago, spotting")
    assert found["period_late"] is P
    assert not any(fid.startswith("gestation") for fid in found)


def test_lmp_years_ago_is_postmenopausal():
    assert state("LMP 3 years ago, now spotting", "en", "postmenopausal") is P


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("HR 118, BP 92/60", "fast_heartbeat", P),
        ("HR 78, BP 124/80", "fast_heartbeat", A),
        ("T 38.5, offensive lochia", "fever", P),
        ("pyrexial 38.2", "fever", P),
        ("T 36.8", "fever", A),
        ("BMI 24", "obesity", A),
    ],
)
def test_vitals(text, fid, expected):
    assert state(text, "en", fid) is expected


def test_low_grade_temperature_is_no_fever_either_way():
    assert state("low-grade temp 37.8", "en", "fever") in (U, None)


@pytest.mark.parametrize(
    "text", ["Day 10 postpartum, heavy bleeding", "Post-LSCS day 5, pyrexial", "6 weeks postnatal"]
)
def test_postpartum_days(text):
    assert state(text, "en", "postpartum_12w") is P


def test_postpartum_over_12_weeks_is_unknown():
    assert state("4 months postpartum, spotting", "en", "postpartum_12w") in (U, None)


def test_menarche_months_ago_is_recent():
    assert state("14 yo, menarche 8 months ago", "en", "girl_within_2y_of_menarche") is P


def test_trying_to_conceive_for_over_a_year():
    assert state("Trying to conceive for 18 months.", "en", "difficulty_conceiving") is P
    assert state("Trying to conceive for 3 months.", "en", "difficulty_conceiving") is None


# --- heavy periods are not a haemorrhage -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Heavy menstrual bleeding with flooding",
        "heavy periods, flooding and clots",
        "periods every 2 weeks lasting 10 days, flooding",
    ],
)
def test_flooding_with_periods_is_heavy_periods_not_acute(text):
    found = states(text)
    assert found["heavy_periods"] is P
    assert "acute_heavy_bleeding" not in found


def test_acute_heavy_bleeding_still_recognised_beside_periods():
    found = states("heavy periods, but today soaking a pad every hour")
    assert found["acute_heavy_bleeding"] is P


def test_flooding_alone_is_not_heavy_periods():
    assert "heavy_periods" not in states("flooding everywhere after the birth")


def test_heavier_than_a_period_is_not_getting_heavier():
    assert "bleeding_getting_heavier" not in states(
        "3 days post-LLETZ, bleeding heavier than a period"
    )


# --- one-line case summaries: hyphens, clause ends, bare figures -------------------------


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # a hyphenated word is the same words as the synonym without the hyphen
        ("Shoulder-tip pain since lunch", "shoulder_tip_pain", P),
        ("sudden severe left-sided pain", "pain_severe_abdominal", P),
        ("watery blood-stained loss for a month", "discharge_watery_bloodstained", P),
        # a negation of something that is no finding ends at the comma
        ("no scan yet, one-sided pain and spotting", "pain_one_sided", P),
        ("no test done, brown spotting", "dark_scanty_bleeding", P),
        # ... but a list of findings after it is still denied
        ("no fever, rash or vomiting", "vomiting", A),
        # a denial after the finding does not reach back over a comma
        ("ripping abdominal pain, contractions stopped", "pain_severe_abdominal", P),
        ("ripping abdominal pain, contractions stopped", "regular_contractions", A),
        # phrases that deny by themselves silence what overlaps them
        ("soft non-tender uterus, fresh bleeding", "pain_constant_severe_uterus", A),
        ("period with small clots", "large_clots", A),
        ("passing clots and flooding", "large_clots", P),
        # a product named inside a gapped phrase is that product
        ("on the progestogen-only pill since spring", "uses_progestogen_pill", P),
        ("stinging on passing urine for two days", "pain_on_urination", P),
        ("scanty dark bleeding", "dark_scanty_bleeding", P),
    ],
)
def test_case_summary_phrases(text, fid, expected):
    assert state(text, "en", fid) is expected


def test_progestogen_only_pill_is_not_the_combined_pill():
    assert state("on the progestogen-only pill since spring", "en", "uses_combined_pill") is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("31F, 35 weeks, PV bleeding", "gestation_20w_plus"),
        ("24-year-old; 18 weeks; painless spotting", "gestation_13_20w"),
        ("G2P1, 9 weeks, spotting", "gestation_6_13w"),
        ("positive test at about 4 weeks, no pain", "gestation_under_6w"),
        ("40-year-old with a previous miscarriage, scan at 8 weeks, brown loss", "gestation_6_13w"),
        ("8 weeks since her last period, test positive, bleeding", "gestation_6_13w"),
    ],
)
def test_bare_weeks_in_a_note_are_gestation(text, band):
    assert state(text, "en", band) is P


@pytest.mark.parametrize(
    "text",
    ["spotting, 2 weeks, no pain", "brown discharge, 3 weeks, itchy", "heavy periods, 6 weeks"],
)
def test_bare_short_weeks_without_pregnancy_talk_are_no_gestation(text):
    found = {f.id for f in parse(text, "en").findings}
    assert not {f for f in found if f.startswith("gestation_")}


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("8 hours after a forceps delivery, soaking pads", "postpartum_12w", P),
        ("delivered 3 days ago, fever", "postpartum_12w", P),
        ("home birth 2 hours ago, bleeding heavily", "postpartum_12w", P),
        ("9 days after an emergency caesarean, smelly loss", "postpartum_12w", P),
        ("menopause 9 years ago, spotting", "postmenopausal", P),
        ("61, four years past the menopause, pink discharge", "postmenopausal", P),
    ],
)
def test_time_since_birth_or_menopause(text, fid, expected):
    assert state(text, "en", fid) is expected


def test_birth_long_ago_is_not_postpartum():
    assert state("30 weeks after a caesarean, spotting after sex", "en", "postpartum_12w") is not P


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("8-year-old girl with blood on her pants", 8),
        ("A 6-year-old girl brought by her mother with bloody discharge", 6),
        ("my 5 year old daughter has some bleeding", 5),
    ],
)
def test_the_age_of_a_girl_written_about(text, age):
    assert parse(text, "en").age == age


def test_a_girl_brought_by_her_mother_is_the_patient():
    text = "7-year-old girl brought by her mother with smelly discharge"
    assert state(text, "en", "discharge_offensive") is P


# --- no unprotected sex since the last period: pregnancy is not possible -------------------


@pytest.mark.parametrize(
    "text",
    [
        "my husband had a vasectomy years ago",
        "she was sterilised after her third child",
        "I had my tubes tied",
        "my partner is a woman",
        "we always use condoms",
        "Condoms. PCB x3.",
        "pregnancy excluded in clinic",
        "I have not had sex since June",
        "no intercourse for a year",
        "11-year-old, no sexual contact",
    ],
)
def test_no_pregnancy_risk(text):
    assert state(text, "en", "pregnancy_possible") is A


@pytest.mark.parametrize(
    "text",
    [
        "the condom broke on Saturday",
        "sex without a condom last week",
        "no condom this time",
        "new partner, condoms not used",
    ],
)
def test_condom_failures_still_make_pregnancy_possible(text):
    assert state(text, "en", "pregnancy_possible") is P


def test_a_denied_pain_during_sex_says_nothing_of_pregnancy():
    assert state("no pain during sex", "en", "pregnancy_possible") is None
    assert state("no pain during sex", "en", "pain_during_sex") is A


@pytest.mark.parametrize(("text", "age"), [("6-year-old girl, spotting", 6), ("I'm 8", 8)])
def test_a_young_girl_has_not_had_her_first_period(text, age):
    result = parse(text, "en")
    assert result.age == age
    assert state(text, "en", "before_first_period") is P


def test_a_teenager_is_not_assumed_premenarchal():
    assert state("14-year-old with heavy periods", "en", "before_first_period") is None


def test_first_ever_bleeding_is_before_the_first_period():
    assert state("her first ever bleeding, brownish", "en", "before_first_period") is P


def test_old_in_an_age_is_not_old_blood():
    assert state("26-year-old who sees blood on the paper", "en", "dark_scanty_bleeding") is None


@pytest.mark.parametrize(
    "text", ["my waters went this morning, then bright blood", "baby is moving less, some spotting"]
)
def test_fetal_signs_mean_a_pregnancy(text):
    assert state(text, "en", "pregnancy_confirmed") is P


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("pain 9/10 low on the right", "pain_severe_abdominal"),
        ("in agony since this morning", "pain_severe_abdominal"),
        ("doubled over on the bathroom floor", "pain_severe_abdominal"),
        ("severe RLQ pain", "pain_one_sided"),
        ("pain in the left lower abdomen", "pain_one_sided"),
        ("LIF tenderness on examination", "pain_one_sided"),
    ],
)
def test_how_severe_and_where_pain_is_said(text, fid):
    assert state(text, "en", fid) is P


# --- messages written for someone else, and figures in notes ------------------------------


def test_a_message_written_for_her_mother_assesses_the_mother():
    text = "My mum (50) is on warfarin and her period won't stop. She just fainted. What do I do?"
    assert state(text, "en", "fainting_or_collapse") is P
    assert state(text, "en", "uses_anticoagulant") is P
    assert parse(text, "en").age == 50


def test_a_relatives_history_in_her_own_message_stays_history():
    text = "My mother had fibroids. I get spotting after sex."
    assert state(text, "en", "ultrasound_fibroid") is not P
    assert state(text, "en", "bleeding_after_sex") is P


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("HR 120, BP 84/50, pale", "cold_sweat_pallor", P),
        ("BP 118/76, HR 80", "cold_sweat_pallor", None),
        ("EBL 900 ml after delivery", "acute_heavy_bleeding", P),
        ("EBL 250 ml", "acute_heavy_bleeding", None),
        ("postmenopausal, ET 11 mm on TVUS", "ultrasound_thick_endometrium", P),
        ("postmenopausal, ET 3 mm on TVUS", "ultrasound_thick_endometrium", A),
        ("I left a tampon in last week", "object_in_vagina", P),
        ("labouring at home, 6 cm", "gestation_20w_plus", P),
        ("Day 3 post SVD, bleeding", "postpartum_12w", P),
        ("my smear is overdue", "gestation_20w_plus", None),
        ("no hormonal contraception, partner vasectomised", "pregnancy_possible", A),
    ],
)
def test_note_figures_and_phrases(text, fid, expected):
    assert state(text, "en", fid) is expected


@pytest.mark.parametrize(("text", "age"), [("32 (F), spotting", 32), ("27 female, bleeding", 27)])
def test_more_ways_to_give_an_age(text, age):
    assert parse(text, "en").age == age


def test_this_period_starting_is_not_the_first_period():
    assert state("her period started 2 days ago", "en", "girl_within_2y_of_menarche") is None


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("GP said my cervix looks healthy", "cervix_abnormal_seen", A),
        ("my partner had the snip", "pregnancy_possible", A),
        ("period pain worse than labour", "gestation_20w_plus", None),
        ("a firm lesion on the vaginal wall", "vaginal_lump", P),
    ],
)
def test_exam_findings_and_comparisons(text, fid, expected):
    assert state(text, "en", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("57, my last natural period was at 51", "postmenopausal", P),
        ("haven't been with anyone since my divorce", "pregnancy_possible", A),
        ("I did a pregnancy test on Monday at the GP, negative", "pregnancy_test_negative", P),
        ("hCG neg, scan booked", "pregnancy_test_negative", P),
    ],
)
def test_menopause_sex_and_test_results_in_passing(text, fid, expected):
    assert state(text, "en", fid) is expected


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("smear 2 days ago, now a bit of spotting", "recent_smear_or_exam", P),
        ("smear 10 days ago, now a bit of spotting", "recent_smear_or_exam", None),
        ("presyncope on standing", "dizziness_on_standing", P),
        ("T2DM on metformin", "diabetes", P),
        ("positive test but only 4 weeks, cramping", "gestation_under_6w", P),
        ("my arm is sore from the injection", "waters_broken", None),
    ],
)
def test_more_note_shorthand(text, fid, expected):
    assert state(text, "en", fid) is expected


def test_en_dev2_corpus_loads_with_known_finding_ids():
    items = load_corpus("en_dev2")
    assert len(items) == 120
    check_corpus(items)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Hi, 24 and on the pill. spotting", 24),
        ("hiya, 41 here. heavy periods", 41),
        ("bleeding after sex, I'm 29 - is that bad", 29),
        ("menopause at 50, now 63. spotting", 63),
        ("Hi, I'm Jess, 27. Period late", 27),
        ("could it be pcos? 22.", 22),
        ("PMB in a 64yo, LMP age 51", 64),
        ("asking for my friend, she's 19. bleeding", 19),
    ],
)
def test_ages_as_people_write_them(text, age):
    assert parse(text, "en").age == age


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("not pregnant (2 negative tests), spotting", "pregnancy_test_negative", P),
        ("light spotting, no one-sided pain", "pain_one_sided", A),
        ("my period's 2 weeks overdue", "period_late", P),
    ],
)
def test_brackets_one_sided_and_overdue(text, fid, expected):
    assert state(text, "en", fid) is expected
