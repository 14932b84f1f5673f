"""Banded findings from numbers: weeks pregnant, weeks since the birth, how long for.

DESIGN: durations are banded findings (gestation < 6, 6–13, 13–20, ≥ 20 weeks; postpartum
≤ 12 weeks; contraception started < 3 months ago; postcoital bleeding for > 4 weeks; ≥ 12
months since the last period). A number only sets a band when the text ties it to the
right thing: a duration counts for postcoital bleeding in the same sentence, a time since
starting counts for a contraceptive when that is the nearest thing mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bleedcheck.errors import KnowledgeError, did_you_mean
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.language.generic import is_generic
from bleedcheck.language.mentions import Assertion, Mention, Modifier, Reading
from bleedcheck.language.quantities import Quantity
from bleedcheck.vocab import Lang, Presence

GESTATION_BANDS = (  # upper bound in weeks (exclusive) → finding
    (6.0, "gestation_under_6w"),
    (13.0, "gestation_6_13w"),
    (20.0, "gestation_13_20w"),
    (float("inf"), "gestation_20w_plus"),
)
PREGNANT = "pregnancy_confirmed"
POSTPARTUM = "postpartum_12w"
POSTPARTUM_WEEKS = 12.0
POSTCOITAL = "bleeding_after_sex"
POSTCOITAL_LONG = "postcoital_over_4w"
POSTCOITAL_WEEKS = 4.0
CONTRACEPTION_NEW = "contraception_started_under_3m"
CONTRACEPTION_WEEKS = 13.0
PROLONGED = "prolonged_periods"
PERIOD_DAYS = (8.0, 42.0)  # a period of 8 days or more is prolonged (FIGO)
POSTMENOPAUSAL = "postmenopausal"
LATE_PREGNANCY_WEEKS = 13.0  # pregnant this long: not within 12 weeks of a birth
GESTATION_ALONE_WEEKS = 20.0  # "38 недель" alone: weeks pregnant even beside "роды"
AMENORRHOEA_WEEKS = 52.0
MENARCHE_RECENT = "girl_within_2y_of_menarche"
MENARCHE_WEEKS = 104.0
METHOD_PREFIX = "uses_"
DURATIONS = frozenset({"duration", "period_length_for"})  # "for 6 weeks", whatever it is about
DEVICES = ("uses_hormonal_ius", "uses_copper_iud")  # fitted in a clinic: a procedure
PROCEDURE = "recent_gynae_procedure"
PROCEDURE_WEEKS = 4.345  # a coil fitted within about a month is a recent procedure
FREQUENT = "frequent_periods"
INFREQUENT = "infrequent_periods"
CYCLE_DAYS = (24.0, 38.0)  # FIGO: a cycle under 24 days is frequent, over 38 days infrequent
SCREENING_OVERDUE = "screening_overdue"
SCREENING_WEEKS = 3 * 52.18  # the last smear more than 3 years ago
FEVER = "fever"
FEVER_DEGREES = 38.0
OBESE = "obesity"
OBESE_BMI = 30.0
FAST_HEART = "fast_heartbeat"
FAST_PULSE = 100.0  # beats a minute
LATE = "period_late"
LATE_WEEKS = 5.0  # "LMP 5 weeks ago": a period of a usual cycle is late
# A bare "33 weeks" in a note is weeks of pregnancy when the text speaks of a pregnancy, or
# when the figure is too large to be how long a bleed has lasted in a note's opening line.
BARE_WEEKS_ALONE = 14.0
_MISCARRIAGE = re.compile(r"miscarr|lost the baby", re.IGNORECASE)
_PREGNANCY_TALK = re.compile(
    r"\b(?:pregn\w*|bump|baby|babys|fetal|foetal|fetus|foetus|waters|contractions?"
    r"|tightenings?|labou?r\w*|placenta\w*|gestation\w*|antenatal|midwife|g\d+\s*p\d+"
    r"|b-?hcg|hcg|positive test|test (?:was |is )?positive)\b",
    re.IGNORECASE,
)
MENARCHE_MIN_WEEKS = 4.0
# Figures in notes: a systolic pressure under 90 mmHg is shock (reference §3 row 1, S13);
# 500 ml lost is a haemorrhage (the usual PPH definition, S23); a postmenopausal lining over
# 4 mm needs sampling (reference §4 step 5, S45).
LOW_SYSTOLIC = 90.0
HAEMORRHAGE_ML = 500.0
THIN_ENDOMETRIUM_MM = 4.0
MENOPAUSED_AGE = 55  # estimate: by 55 nearly every woman is past the menopause
_FIRST_PERIOD = re.compile(r"first|menarch|перв|менарх", re.IGNORECASE)
AMENORRHOEA_KINDS = ("amenorrhoea", "lmp")  # "lmp": the notes' "LMP 7 weeks ago"
VITALS_NORMAL = {  # English notes: a normal figure denies the finding ("HR 78", "T 36.9")
    "pulse": (FAST_HEART, 30.0, 100.0),
    "temperature": (FEVER, 30.0, 37.5),
    "bmi": (OBESE, 12.0, 30.0),
}
MIDCYCLE_SPOTTING = "midcycle_spotting"
MIDCYCLE_PAIN = "midcycle_pain"
MIDCYCLE_DAYS = (10.0, 18.0)  # estimate: ovulation falls about mid-cycle, day 14 of 28
CHRONIC_PELVIC_PAIN = "pelvic_pain_chronic"
CHRONIC_PAIN_WEEKS = 26.0  # pelvic pain for six months or more is chronic (RCOG GTG 41)
PELVIC_PAIN = frozenset({"pain_cramping", "pain_severe_abdominal"})
_RU_BLEEDING = re.compile(r"маж|мазн|мазан|кров", re.IGNORECASE)
MIDCYCLE_PAINS = frozenset({"pain_one_sided", "pain_cramping"})
SUBFERTILE = "difficulty_conceiving"
SUBFERTILE_WEEKS = 52.0  # trying to conceive for a year or more
TRYING = frozenset({"trying to conceive", "ttc", "trying for a baby", "trying to get pregnant"})
AMENORRHOEA_INFREQUENT_WEEKS = 13.0  # three months or more without a period
TRANSITION_AGE = 45  # from 45, months without a period are the menopause transition
# no periods are expected while pregnant or nursing, nor on progestogen-only methods
NO_PERIODS_EXPECTED = (
    "breastfeeding",
    PREGNANT,
    POSTPARTUM,
    "uses_injection",
    "uses_implant",
    "uses_hormonal_ius",
    "uses_progestogen_pill",
    "uses_hrt",
)
RECENT_LOSS = "recent_miscarriage_or_abortion"
PREVIOUS_LOSS = "previous_miscarriage"
LOSS_WEEKS = 12.0  # a miscarriage or abortion within 12 weeks is recent
PROCEDURE_RECENT_WEEKS = 4.345  # a procedure within about 4 weeks is recent
HCG_PREGNANT = 25.0  # mIU/ml: a blood hCG at or above this means a pregnancy

SHOCK_SIGN = "cold_sweat_pallor"
HEAVY_NOW = "acute_heavy_bleeding"
THICK_LINING = "ultrasound_thick_endometrium"
TEST_NEGATIVE = "pregnancy_test_negative"
RECENT_EXAM = "recent_smear_or_exam"

FINDINGS_USED = (
    RECENT_EXAM,
    TEST_NEGATIVE,
    SHOCK_SIGN,
    HEAVY_NOW,
    THICK_LINING,
    *(f for _, f in GESTATION_BANDS),
    PREGNANT,
    POSTPARTUM,
    POSTCOITAL,
    POSTCOITAL_LONG,
    CONTRACEPTION_NEW,
    PROLONGED,
    POSTMENOPAUSAL,
    MENARCHE_RECENT,
    *DEVICES,
    PROCEDURE,
    FREQUENT,
    INFREQUENT,
    SCREENING_OVERDUE,
    FEVER,
    OBESE,
    FAST_HEART,
    LATE,
    INFREQUENT,
    RECENT_LOSS,
    PREVIOUS_LOSS,
    *NO_PERIODS_EXPECTED,
    SUBFERTILE,
    MIDCYCLE_SPOTTING,
    MIDCYCLE_PAIN,
    CHRONIC_PELVIC_PAIN,
)
_PERIOD_WORD = {
    "en": re.compile(r"\bperiods?\b|\bmenstrua", re.IGNORECASE),
    "ru": re.compile(r"месячн|менстру", re.IGNORECASE),
}
_STARTED = {
    "en": re.compile(
        r"\b(?:start\w*|began|begun|switch\w*|chang\w*|fitted|fit|put in|inserted|insert\w*|got|"
        r"first|new|had (?:it|my|the|a)\b)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?:начал\w*|п[оа]став\w*|установ\w*|встав\w*|перешл\w*|смен\w*|поменял\w*|перв\w*|"
        r"впервые|ввели|введ\w*|сделали|уколол\w*|вшили|новы\w*)",
        re.IGNORECASE,
    ),
}
_LATE = re.compile(r"\blate\b|\boverdue\b|задерж", re.IGNORECASE)
# "smear 2 days ago", "colposcopy yesterday": an examination within the 2 days the finding's
# question asks about
RECENT_EXAM_WEEKS = 2 / 7 + 1e-6
_EXAM = re.compile(
    r"\bsmears?\b|\bpap\b|colposcop|\bbiopsy\b|speculum|internal exam|pelvic exam"
    r"|мазок|мазк|кольпоскоп|биопси|осмотр на кресле|на кресле",
    re.IGNORECASE,
)
_SMEAR = re.compile(
    r"\bsmears?\b|\bpap\b|\bcervical screening|\bscreening test|мазок|мазк|цитолог|скрининг",
    re.IGNORECASE,
)


_ABNORMAL_SMEAR = re.compile(
    r"положит|\basc|\blsil|\bhsil|\bcin|атипи|дисплаз|\bagc", re.IGNORECASE
)


def check_findings(ckb: CompiledKB) -> None:
    """The rules name findings; fail early, naming the id, if the knowledge base lacks one."""
    for fid in FINDINGS_USED:
        if fid not in ckb.kb.findings:
            raise KnowledgeError(
                "findings.yaml",
                fid,
                "the text parser needs this finding" + did_you_mean(fid, ckb.kb.findings),
            )


@dataclass(frozen=True)
class Timing:
    """What the numbers say: findings to set, and synonym matches they overrule."""

    assertions: list[Assertion]
    gestation_band: str | None  # from a number: beats a band named in words
    postpartum_over: bool  # the birth was more than 12 weeks ago
    # mentions (finding, start offset) a number overrules: "аборт 5 лет назад" is not a
    # recent abortion; "месячных нет 4 года" is not a late period
    overruled: frozenset[tuple[str, int]] = frozenset()


def gestation_band(weeks: float) -> str:
    return next(f for limit, f in GESTATION_BANDS if weeks < limit)


def timing(
    quantities: Iterable[Quantity],
    reading: Reading,
    present: set[str],
    age: int | None,
    lang: Lang,
    text: str,
    ckb: CompiledKB,
) -> Timing:
    quantities = list(quantities)
    out: list[Assertion] = []
    overruled: set[tuple[str, int]] = set()

    def add(fid: str, q: Quantity, rule: str) -> None:
        out.append(Assertion(fid, Presence.PRESENT, q.start, q.end, f"{rule}:{q.text}"))

    postpartum = [q for q in quantities if q.kind == "postpartum"]
    postpartum_near = [q for q in postpartum if q.value <= POSTPARTUM_WEEKS]
    for q in postpartum_near[:1]:
        add(POSTPARTUM, q, "weeks_since_birth")
    postpartum_over = bool(postpartum) and not postpartum_near

    band: str | None = None
    gestations = [
        q
        for q in quantities
        if q.kind == "gestation"
        or (q.kind == "gestation_at" and not postpartum and POSTPARTUM not in present)
        # "мне 35, 38 недель, первые роды были кесарево": 20 weeks or more standing alone are
        # weeks pregnant; a birth named without a figure is an earlier one
        or (
            lang == "ru"
            and q.kind == "gestation_at"
            and not postpartum
            and q.value >= GESTATION_ALONE_WEEKS
        )
        or (
            q.kind == "gestation_bare"
            and not postpartum
            and POSTPARTUM not in present
            and (q.value >= BARE_WEEKS_ALONE or PREGNANT in present or _PREGNANCY_TALK.search(text))
        )
    ]
    current = [q for q in gestations if not q.historical]
    lmps = [q for q in quantities if q.kind == "lmp" and 2 <= q.value <= 44]
    if current:
        q = max(current, key=lambda q: q.value)  # two figures: the later, more urgent one
        band = gestation_band(q.value)
        add(band, q, "gestation")
        add(PREGNANT, q, "gestation")
    elif lmps and (
        PREGNANT in present
        or (lang == "ru" and any(q.kind == "hcg" and q.value >= HCG_PREGNANT for q in quantities))
    ):  # pregnant, dated by the last period ("ПМП 6 нед. назад ... ХГЧ 3500")
        q = lmps[0]
        band = gestation_band(q.value)
        add(band, q, "gestation_by_lmp")
    if lang == "ru" and current:
        # pregnant now: a note's "ПМП" is the last period ("Б-сть 12 нед. по ПМП"), not
        # "постменопауза"; from 13 weeks on, "роды"/"после КС" without a figure are the coming
        # labour or an earlier birth ("Роды начались дома", "первые роды были кесарево")
        weeks = max(q.value for q in current)
        overruled.update(
            (m.finding, m.start)
            for m in reading.mentions
            if (m.finding == POSTMENOPAUSAL and m.synonym == "пмп")
            or (m.finding == POSTPARTUM and weeks >= LATE_PREGNANCY_WEEKS and not postpartum)
        )

    by_sentence: dict[int, list[Mention]] = {}
    for m in reading.mentions:
        if not is_generic(m.finding):
            by_sentence.setdefault(m.sentence, []).append(m)
    for q in quantities:
        sentence = reading.sentence_at(q.start)
        mentions = by_sentence.get(sentence, [])
        nearest = _nearest(mentions, q)
        kinds = {ckb.kb.findings[m.finding].kind for m in nearest}
        if (
            q.kind in DURATIONS
            and q.value > POSTCOITAL_WEEKS
            and POSTCOITAL in present
            and any(m.finding == POSTCOITAL for m in mentions)
            and not kinds <= {"context", "risk"}
        ):
            add(POSTCOITAL_LONG, q, "postcoital_duration")
        methods = [
            m
            for m in nearest
            if m.finding.startswith(METHOD_PREFIX) and _is_method(m, ckb) and m.finding in present
        ]
        started = q.kind != "ago" or bool(
            _STARTED[lang].search(_sentence_text(reading, sentence, text))
        )
        if (
            methods
            and started
            and q.kind in ("duration", "ago", "period_length_for")
            and q.value <= CONTRACEPTION_WEEKS
        ):
            add(CONTRACEPTION_NEW, q, "contraception_started")
            if q.value <= PROCEDURE_WEEKS and any(m.finding in DEVICES for m in methods):
                add(PROCEDURE, q, "device_fitted")
        days = q.value * 7
        if (
            q.kind == "period_length"
            or (
                q.kind == "period_length_for"
                and _PERIOD_WORD[lang].search(_sentence_text(reading, sentence, text))
                and not _LATE.search(_sentence_text(reading, sentence, text))
            )
        ) and PERIOD_DAYS[0] <= days <= PERIOD_DAYS[1]:
            add(PROLONGED, q, "period_length")
        if q.kind == "cycle" and 10 <= days < CYCLE_DAYS[0]:
            add(FREQUENT, q, "cycle_length")
        if q.kind == "cycle" and days > CYCLE_DAYS[1]:
            add(INFREQUENT, q, "cycle_length")
        if (
            q.kind == "ago"
            and q.value > SCREENING_WEEKS
            and _SMEAR.search(_sentence_text(reading, sentence, text))
        ):
            add(SCREENING_OVERDUE, q, "last_smear")
        elif (
            lang == "ru"
            and q.kind == "ago"
            and q.value <= SCREENING_WEEKS
            and _SMEAR.search(_sentence_text(reading, sentence, text))
            and not _ABNORMAL_SMEAR.search(_sentence_text(reading, sentence, text))
        ):  # "Цитология 6 мес. назад — NILM": screening is up to date (an abnormal one asks
            # for follow-up instead)
            out.append(
                Assertion(
                    SCREENING_OVERDUE, Presence.ABSENT, q.start, q.end, f"recent_smear:{q.text}"
                )
            )
        if (
            q.kind == "ago"
            and q.value <= RECENT_EXAM_WEEKS
            and _EXAM.search(_sentence_text(reading, sentence, text))
        ):
            add(RECENT_EXAM, q, "exam_days_ago")
        if q.kind == "temperature" and q.value >= FEVER_DEGREES:
            add(FEVER, q, "temperature")
        if q.kind == "bmi" and q.value >= OBESE_BMI:
            add(OBESE, q, "bmi")
        if (
            q.kind in AMENORRHOEA_KINDS
            and q.value >= AMENORRHOEA_WEEKS
            and (age is None or age >= 40)
        ):
            add(POSTMENOPAUSAL, q, "months_without_period")
            overruled.update(_overlapped(mentions, LATE, q))
        elif (
            q.kind in AMENORRHOEA_KINDS
            and q.value >= AMENORRHOEA_INFREQUENT_WEEKS
            and (age is None or age < TRANSITION_AGE)
            and not present.intersection(NO_PERIODS_EXPECTED)
        ):
            add(INFREQUENT, q, "months_without_period")
        if (
            q.kind == "lmp"
            and LATE_WEEKS <= q.value < AMENORRHOEA_WEEKS
            and (age is None or age < TRANSITION_AGE + 5)
            and not present.intersection(set(NO_PERIODS_EXPECTED) - {PREGNANT})
        ):
            add(LATE, q, "weeks_since_last_period")
        if lang == "ru" and q.kind == "lmp" and q.value < AMENORRHOEA_WEEKS:
            # "ПМП 7 нед. назад": the notes' last menstrual period, not "постменопауза"
            overruled.update(_overlapped(mentions, POSTMENOPAUSAL, q))
        if q.kind in VITALS_NORMAL:
            finding, low, limit = VITALS_NORMAL[q.kind]
            if low <= q.value < limit:
                out.append(
                    Assertion(finding, Presence.ABSENT, q.start, q.end, f"normal_value:{q.text}")
                )
        if (
            q.kind in DURATIONS
            and q.value >= SUBFERTILE_WEEKS
            and any(m.synonym in TRYING for m in nearest)
        ):
            add(SUBFERTILE, q, "trying_to_conceive")
        if q.kind == "cycle_day" and MIDCYCLE_DAYS[0] <= q.value <= MIDCYCLE_DAYS[1]:
            said = _sentence_text(reading, sentence, text)  # "на 14 день цикла мажет"
            if _RU_BLEEDING.search(said):
                add(MIDCYCLE_SPOTTING, q, "cycle_day")
            if any(m.finding in MIDCYCLE_PAINS and m.finding in present for m in mentions):
                add(MIDCYCLE_PAIN, q, "cycle_day")  # "... и тянет левый бок"
        if (
            lang == "ru"
            and q.kind in DURATIONS
            and q.value >= CHRONIC_PAIN_WEEKS
            and any(m.finding in PELVIC_PAIN and m.finding in present for m in nearest)
        ):  # "тянущие боли внизу живота в течение 6 мес."
            add(CHRONIC_PELVIC_PAIN, q, "pain_duration")
        if q.kind == "hcg" and q.value >= HCG_PREGNANT:
            add(PREGNANT, q, "hcg")
        if q.kind == "pulse" and q.value >= FAST_PULSE:
            add(FAST_HEART, q, "pulse")
        if q.kind == "test_negative":
            add(TEST_NEGATIVE, q, "test_result")
        if q.kind == "bp" and q.value < LOW_SYSTOLIC:  # a sign of shock (reference §3 row 1)
            add(SHOCK_SIGN, q, "low_blood_pressure")
        if q.kind == "blood_loss" and q.value >= HAEMORRHAGE_ML:
            add(HEAVY_NOW, q, "blood_loss")
        if q.kind == "endometrium_mm" and (
            POSTMENOPAUSAL in present
            or any(a.finding == POSTMENOPAUSAL for a in out)
            or (age is not None and age >= MENOPAUSED_AGE)
        ):
            if q.value > THIN_ENDOMETRIUM_MM:
                add(THICK_LINING, q, "endometrial_thickness")
            else:
                out.append(
                    Assertion(
                        THICK_LINING, Presence.ABSENT, q.start, q.end, f"thin_lining:{q.text}"
                    )
                )
        if q.kind == "ago":
            losses = [m for m in nearest if m.finding in (RECENT_LOSS, PREVIOUS_LOSS)]
            if losses and q.value <= LOSS_WEEKS:
                add(RECENT_LOSS, q, "loss_weeks_ago")
                overruled.update((m.finding, m.start) for m in losses if m.finding == PREVIOUS_LOSS)
            elif losses:
                overruled.update((m.finding, m.start) for m in losses if m.finding == RECENT_LOSS)
                # "I had a miscarriage last year": an earlier miscarriage (not an abortion)
                if any(
                    m.finding == RECENT_LOSS
                    and _MISCARRIAGE.search(m.synonym)
                    and all(mod is Modifier.HISTORICAL for mod, _ in m.modifiers)
                    for m in losses
                ):
                    add(PREVIOUS_LOSS, q, "loss_long_ago")
            if q.value > PROCEDURE_RECENT_WEEKS:
                overruled.update((m.finding, m.start) for m in nearest if m.finding == PROCEDURE)
        if q.kind == "menopause_age" and age is not None and age - q.value >= 1:
            add(POSTMENOPAUSAL, q, "years_since_menopause")
            # "no periods since I was 51": years without periods, not a late one
            overruled.update(_overlapped(mentions, LATE, q))
        if (
            q.kind == "menarche_ago"
            and q.value <= MENARCHE_WEEKS
            # "her period started 2 days ago" is this period, not the first one
            and (q.value >= MENARCHE_MIN_WEEKS or _FIRST_PERIOD.search(q.text))
        ):
            add(MENARCHE_RECENT, q, "since_first_period")
        if q.kind == "menarche_age" and age is not None and 0 <= age - q.value <= 2:
            add(MENARCHE_RECENT, q, "since_first_period")
    if lang == "en":
        out.extend(_first_time_bleeding(reading, text))
        overruled.update(_no_periods_since_menopause(reading))
    out = [a for a in out if (a.finding, a.start) not in overruled]
    return Timing(out, band, postpartum_over, frozenset(overruled))


def _is_method(mention: Mention, ckb: CompiledKB) -> bool:
    method_group = ckb.kb.findings[CONTRACEPTION_NEW].group
    return ckb.kb.findings[mention.finding].group == method_group


def _nearest(mentions: list[Mention], q: Quantity, slack: int = 12) -> list[Mention]:
    """The mentions closest to a quantity (ties within `slack` characters all count)."""
    if not mentions:
        return []

    def distance(m: Mention) -> int:
        if m.end <= q.start:
            return q.start - m.end
        if q.end <= m.start:
            return m.start - q.end
        return 0

    best = min(distance(m) for m in mentions)
    return [m for m in mentions if distance(m) <= best + slack]


def _overlapped(mentions: list[Mention], finding: str, q: Quantity) -> set[tuple[str, int]]:
    """The mentions of a finding that a figure's own words overlap, as overruled keys."""
    return {
        (m.finding, m.start)
        for m in mentions
        if m.finding == finding and m.start < q.end and q.start < m.end
    }


def _sentence_text(reading: Reading, sentence: int, text: str) -> str:
    if 0 <= sentence < len(reading.sentences):
        start, end = reading.sentences[sentence]
        return text[start:end]
    return text


def _no_periods_since_menopause(reading: Reading) -> set[tuple[str, int]]:
    """ "Went through the menopause at 51 (no periods since)": the years without periods
    after the menopause, told in the same sentence, are no late period."""
    menopause = {
        m.sentence for m in reading.mentions if m.finding == POSTMENOPAUSAL and not m.modifiers
    }
    return {
        (m.finding, m.start)
        for m in reading.mentions
        if m.finding == LATE and m.sentence in menopause
    }


FIRST_SEX = "first_intercourse"
FIRST_SEX_BLEEDING = "bleeding_after_first_sex"
# "first time having sex last night and I bled a little": bleeding told of the first time
_BLED = re.compile(
    r"\b(?:i|she)\s+(?:(?:only|just|also|then|had|have)\s+)?(?P<no>didn'?t |did not |never )?"
    r"(?:bled|bleed|was bleeding|started bleeding)\b",
    re.IGNORECASE,
)


def _first_time_bleeding(reading: Reading, text: str) -> list[Assertion]:
    out: list[Assertion] = []
    for m in reading.mentions:
        if m.finding != FIRST_SEX or m.modifiers:
            continue
        _, end = reading.sentences[m.sentence]
        bled = _BLED.search(text, m.end, end)
        if bled is not None:
            state = Presence.ABSENT if bled.group("no") else Presence.PRESENT
            rule = f"first_time_bleeding:{bled.group()}"
            out.append(Assertion(FIRST_SEX_BLEEDING, state, bled.start(), bled.end(), rule))
    return out
