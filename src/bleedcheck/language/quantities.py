"""Numbers with a meaning: age, weeks of pregnancy, how long, how long ago.

Each pattern names what its number means, so a number only becomes an age when the words
around it say so ("I'm 34", "34 years old", "мне 52"); "20 weeks pregnant", "every 2 hours",
"for 3 months", "2 pads" and "day 14" never do. Times are returned in weeks, ages in years.

kinds: `age`; `gestation`; `postpartum` (since the birth); `duration` ("for 2 months");
`ago`; `period_length`; `amenorrhoea` (since the last period); `menarche_ago`;
`menopause_age` and `menarche_age` (age at that event, compared with the age now);
`cycle` (from one period to the next: "цикл 35-40 дней", "раз в 4-5 месяцев");
`lmp` (since the first day of the last period, as notes give it: "LMP 7 weeks ago");
`age_relative` (a relative's age: "mother aged 45"; never the woman's);
`pulse` (beats a minute); `hcg` (a blood hCG level, mIU/ml); `age_other` (the age of the woman a message is written for:
"дочке 13", "пишу за жену, ей 33"; it counts only when the writer gives no age of her own).
A range ("9-10 дней") counts as its first number, except for a cycle, where the longer end
counts; an ordinal ("третью неделю": in the third week) counts as half a unit less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bleedcheck.language.numbers import number_pattern, ordinal_pattern, to_number
from bleedcheck.vocab import Lang

WEEKS_PER = {
    "hour": 1 / 168,
    "day": 1 / 7,
    "week": 1.0,
    "fortnight": 2.0,
    "month": 4.345,
    "year": 52.18,
}


@dataclass(frozen=True)
class Quantity:
    kind: str
    value: float
    start: int
    end: int
    text: str
    historical: bool = False  # said of an earlier pregnancy or event


def _unit(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    for prefix, unit in (
        ("fortnight", "fortnight"),
        ("hour", "hour"),
        ("hr", "hour"),
        ("h", "hour"),
        ("час", "hour"),
        ("ч", "hour"),
        ("d", "day"),
        ("сут", "day"),
        ("ден", "day"),
        ("дн", "day"),
        ("w", "week"),
        ("нед", "week"),
        ("mo", "month"),
        ("mn", "month"),
        ("mth", "month"),
        ("мес", "month"),
        ("y", "year"),
        ("год", "year"),
        ("лет", "year"),
        ("полгод", "halfyear"),
        ("полугод", "halfyear"),
    ):
        if w.startswith(prefix):
            return unit
    return None


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    unit: str | None = None  # fixed unit when the pattern has no unit group
    scale: float = 1.0  # multiplies the number ("more than a month" → a little more)


def _weeks(number: float, unit: str | None) -> float | None:
    if unit == "halfyear":
        return 26.0 * max(number, 1.0)
    if unit is None:
        return None
    return number * WEEKS_PER[unit]


_EN_UNIT = r"(?P<u>days?|weeks?|wks?|wk|months?|mnths?|monts?|mths?|years?|yrs?|fortnights?)"
# since a birth, hours count too ("home birth 3 hours ago")
_EN_UNIT_BIRTH = r"(?P<u>hours?|hrs?|h|days?|weeks?|wks?|months?|mths?)"
# the birth named by the baby: "after having my son", "since I had the baby"
_EN_AFTER_BABY = (
    r"(?:after|since)\s+(?:having|i had|she had|we had|giving birth to|the birth of)\s+"
    r"(?:my|a|the|our|her)\s+(?:baby|son|daughter|twins|boy|girl|little one|ds|dd|lo)\b"
)
_EN_AGE_STOP = (
    r"(?!\s*(?:-\s*\d|-\w|\+|/|%|'|\.\d|,\d)|\s*(?:weeks?|wks?|days?|months?|w\b|kg|lbs?|cm|mm|times|"
    r"hours?|hrs?|x\b|pads?|pregnant|mins?|minutes?|st\b|stone|percent|degrees?|c\b|th\b|nd\b|"
    r"rd\b|am\b|pm\b|o'?clock|tampons?|pills?))"
)
_EN_NOTE_TEMPERATURE = (  # "T 38.5", "pyrexial 38.2", "febrile at 39"
    r"\b(?:t|pyrexial|pyrexic|pyrexia|febrile)\s*(?:of|at|to|:|=)?\s*(?P<n>3[4-9](?:[.,]\d{1,2})?|4[0-2](?:[.,]\d)?)\b"
)
_EN_RELATIVE_AGE = (  # "FH of bowel cancer in mother aged 45", "her aunt at 50"
    r"\b(?:mother|mum|mom|father|dad|sister|brother|aunt|auntie|uncle|grandmother|grandfather"
    r"|gran|grandma|grandad|cousin|niece|relative)s?\b[^.;,!?]{0,30}?\b(?:aged?|at age|at)\s+(?P<n>\d{2})\b"
)
_RU_UNIT = (  # never the end of another word ("сегодня" holds no "год")
    # "нед." and "мес." are clipped in notes: the dot is the unit's ("3 нед. назад")
    r"(?<![^\W\d_])(?P<u>дн\w*|день|сут\w*|недел\w*|нед\b\.?|месяц\w*|месец\w*|мес\b\.?|год\w*|лет|полгода|полугод\w*)"
)
_RU_UNIT_GEN = r"(?P<u>дня|дней|недели|недель|месяца|месяцев|года|лет)"  # "месяца три"
_RU_GEST_UNIT = r"(?:недел\w*|нед\b\.?)"
# since a birth, hours count too ("роды 3 часа назад", "5 ч после родов")
_RU_UNIT_BIRTH = (
    r"(?<![^\W\d_])(?P<u>час\w*|ч\b\.?|дн\w*|день|сут\w*|недел\w*|нед\b\.?|месяц\w*|мес\b\.?)"
)
# an ordinal written with digits: "4-е сутки", "3-и сутки", "на 5-й день"
_RU_ORD_END = r"(?:\s*-?\s*(?:е|и|й|я|ю|ые|ие|ий|ой|ая|ья|ый)\b)?"
# the birth, as patients and notes name it: "после родов", "после КС", "после кесарева сечения"
_RU_BIRTH = r"(?:\w+\s+){0,2}?(?:родов|родоразрешения|кесарева|кесарево|кс|операции\s+кесарева)\b"
_RU_AGE_STOP = (
    r"(?!\s*(?:-|\+|/|%|,\d|\.\d)|\s*(?:недел|дн|ден|месяц|мес\b|раз|кг|см|мм|час|мин|"
    r"таблет|прокладк|тампон|шт|градус))"
)


_EN_TEMPERATURE = (
    r"\b(?:temperature|temp|temprature|fever)\s*(?:of|is|was|at|reached|up to|around|about|over|:)?"
    r"\s*(?:about\s+|around\s+|over\s+|nearly\s+)?(?P<n>\d{2,3}(?:[.,]\d{1,2})?)"
)
_EN_BMI = (
    r"\b(?:bmi|body mass index)\s*(?:is|of|was|:|around|about|over|at)?"
    r"\s*(?:about\s+|around\s+|over\s+|nearly\s+)?(?P<n>\d{2}(?:[.,]\d)?)"
)
_EN_PULSE = (
    r"\b(?:pulse|heart rate|hr)\s*(?:rate\s*)?(?:of|is|was|at|:|around|about|over|up to)?"
    r"\s*(?:about\s+|around\s+|over\s+)?(?P<n>\d{2,3})\b"
)
_RU_PULSE = (
    r"\b(?:пульс\w*|чсс)\s*(?:до|под|около|больше|выше|уже|был|была|:|-)?"
    r"\s*(?:до\s+|около\s+|под\s+)?(?P<n>\d{2,3})\b"
)
_RU_TEMPERATURE = (
    r"\b(?:температур\w*|темп\w*|градусник\w*|лихорад\w*)\s*(?:до|под|около|больше|выше|уже|была|было"
    r"|поднялась|держится)?\s*(?P<n>\d{2}(?:[.,]\d{1,2})?)"
)


@lru_cache(maxsize=2)
def patterns(lang: Lang) -> tuple[Pattern, ...]:
    """The compiled patterns of one language, most specific first."""
    n = rf"(?P<n>{number_pattern(lang)})"
    a = rf"(?P<n>{number_pattern(lang, exact=True)})"  # an age: no "a", "few", ordinals
    flags = re.IGNORECASE
    if lang == "en":
        approx = r"(?:(?:about|around|almost|nearly|over|more than|at least|roughly|approx\.?|just|like|only)\s+)?"
        rng = rf"(?:\s*[-–]\s*(?P<n2>{number_pattern(lang)}))?"  # "45-60"
        rows: list[tuple[str, str, str | None]] = [
            ("temperature", _EN_TEMPERATURE, None),
            ("temperature", r"\b(?P<n>3[5-9](?:[.,]\d)?)\s*(?:°\s*c?|degrees|c\b)", None),
            ("temperature", _EN_NOTE_TEMPERATURE, None),
            ("bmi", _EN_BMI, None),
            ("pulse", _EN_PULSE, None),
            (
                "hcg",
                r"\b(?:b-?)?hcg\s*(?:level\s*)?(?:of|is|was|at|:|=)?\s*(?P<n>\d{1,6}(?:[.,]\d+)?)",
                None,
            ),
            ("pulse", r"\b(?P<n>\d{2,3})\s*bpm\b", None),
            # notes: systolic pressure, blood loss, endometrial thickness on a scan
            (
                "bp",
                r"\b(?:bp|blood pressure)\s*(?:of|is|was|:|=)?\s*(?P<n>\d{2,3})\s*/\s*\d{2,3}\b",
                None,
            ),
            (
                "blood_loss",
                r"\b(?:ebl|blood loss|estimated blood loss|lost)\s*(?:of|is|was|now|:|=)?\s*(?:about\s+|around\s+|~\s*)?(?P<n>\d{3,4})\s*(?:ml|mls|cc)\b",
                None,
            ),
            (
                "endometrium_mm",
                r"\b(?:et|endometrial thickness|endometrium|endometrial lining|lining)\s*(?:of|is|was|measur\w*|:|=)?\s*(?P<n>\d{1,2}(?:[.,]\d)?)\s*mm\b",
                None,
            ),
            # ages: of a relative ("mother aged 45"), of the woman written about, her own
            ("age_relative", _EN_RELATIVE_AGE, None),
            (
                "age_other",
                rf"\b(?:girlfriend|wife|daughter|fianc[ée]e?)\s+(?:is|'s)\s+(?:only\s+|just\s+|now\s+)?{a}\b{_EN_AGE_STOP}",
                None,
            ),
            (
                "age",
                rf"\b(?:i'?m|i am|im)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?{a}\b(?:\s*(?:years?|yrs?)(?:\s*old)?)?{_EN_AGE_STOP}",
                None,
            ),
            (  # the girl a note or a parent is writing about: "7-year-old girl"
                "age_other",
                rf"\b{a}\s*(?:-|\s)?(?:years?|yrs?|yr)(?:-|\s)?old\s+(?:daughter|girl|child|kid)\b",
                None,
            ),
            (
                "age",
                rf"\b{a}\s*(?:-|\s)?(?:years?|yrs?|yr)(?:-|\s)?old\b(?!\s+(?:son|daughter|baby|kid|child|boy|girl))",
                None,
            ),
            ("age", rf"\b{a}\s*(?:yo|y/o|y\.o\.?)(?![a-z])", None),
            (
                "age",
                rf"(?<!at )(?<!since )(?<!from )(?<!lmp )(?<!menopause )(?<!menarche )\baged?\s*:?\s*{a}\b{_EN_AGE_STOP}",
                None,
            ),
            # "Hi, 24 and on microgynon", "hiya, 41 here", "I'm Jess, 27", "... pcos? 22."
            (
                "age",
                rf"^\W*(?:hi|hey|hiya|hello|ok|so)\b\W*{a}\s*(?:and|here|y|yrs?|yo|,|\.)(?!\d)",
                None,
            ),
            ("age", rf"\b(?:i'?m|i am|this is|my name is)\s+[a-z]+,\s*{a}\b{_EN_AGE_STOP}", None),
            ("age", rf"[.!?]\s*{a}\s*[.!]?\s*$", None),
            ("age", rf"\bnow\s+{a}\b\s*(?:[.,;]|$)", None),
            (
                "age_other",
                rf"\bshe(?:'s| is)\s+(?:only\s+|just\s+)?{a}\b{_EN_AGE_STOP}",
                None,
            ),
            ("age", rf"\b(?:just\s+)?turned\s+{a}\b{_EN_AGE_STOP}", None),
            ("age", r"\b(?P<n>\d{2})\s?f\b(?!\w)", None),
            ("age", r"\b(?P<n>\d{2})\s*(?:\(\s*f\s*\)|female\b|yr old female\b)", None),
            ("age", r"(?:[.!?]\s+)(?P<n>[1-9]\d)\s*,\s*(?=[a-z])", None),
            ("age", r"(?:^|[.!?]\s+)\(?f\)?\s*[,/-]?\s*(?P<n>\d{2})\b", None),
            ("age", r"^\W*\(?\s*(?P<n>\d{2})\s*\)?\s*(?:,|-|\band\b|\))", None),
            ("age", r"(?:^|[,(]\s*)(?P<n>[1-9]\d)\s*(?:,|\)|$)", None),
            # a post that opens with her age: "27. horrendous period pain", "34 with regular
            # cycles, but ..."
            ("age", r"^\W*(?P<n>[1-9]\d)\s*(?:\.\s+(?=[a-z])|\s+with\s+)", None),
            # weeks of pregnancy
            # (not a uterus "16/40 size": a size, see _UTERUS_SIZE for Russian)
            (
                "gestation",
                r"\b(?P<n>\d{1,2})(?:\s*\+\s*[0-6])?\s*/\s*40\b(?!\s*(?:size|sized)\b)",
                "week",
            ),
            (
                "gestation",
                r"\b(?P<n>\d{1,2})\s*\+\s*[0-6](?:\s*(?:weeks?|wks?|w)\b|\s*(?:days?|d)\b|(?=[\s,;.)]|$))(?!\s*(?:years?|yrs?|yo|kg|%))",
                "week",
            ),
            (
                "gestation",
                rf"\b{n}\s*(?:weeks?|wks?)'?\s*(?:gestation|of gestation|by dates|by lmp|by scan|pregnant)",
                "week",
            ),
            ("gestation", rf"^\W*(?:at\s+)?{n}\s*(?:weeks?|wks?)\b(?=\s*,)", "week"),
            (  # "22 weeks and 3 days": weeks and days are weeks of pregnancy
                "gestation",
                rf"(?<!for )(?<!over )(?<!past )(?<!last )(?<!been )(?<!about )\b{n}\s*(?:weeks?|wks?)"
                rf"\s+and\s+[0-6]\s*days?\b(?!\s+(?:ago|since|after|post|of|now|later|late))",
                "week",
            ),
            (  # "she's 8 weeks and bleeding", "I'm only 5 weeks": said of herself, pregnant
                "gestation_at",
                rf"\b(?:i'?m|i am|im|she'?s|she is)\s+{approx}{n}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*(?:ago|postpartum|post|pp\b|old|after|since|late|overdue|of\b|and\b\s+\d))",
                "week",
            ),
            (  # "32 wks with twins", "20 weeks with my second": carrying them now
                "gestation",
                rf"(?<!for )(?<!over )(?<!past )(?<!last )(?<!been )(?<!was )\b{n}\s*(?:\+\s*\d\s*)?"
                rf"(?:weeks?|wks?)\s+(?:pregnant\s+)?with\s+(?:twins|triplets"
                rf"|(?:my|our)\s+(?:first|second|third|fourth|\d(?:st|nd|rd|th))\b"
                rf"(?!\s+(?:period|time|cycle|pack|month|week|day)))",
                "week",
            ),
            (  # a note's bare "28-year-old, 33 weeks, ...": weeks of pregnancy (see timing)
                "gestation_bare",
                rf"(?:^|(?<=[,;(])|(?<=[,;(]\s)|(?<=[.:]\s)|\bbut\s+|\bonly\s+|\bjust\s+)\s*(?:at\s+)?{approx}{n}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?=\s*(?:[,;.)]|$|pregnant|and\b))",
                "week",
            ),
            (
                "gestation",
                rf"\b{n}\s*(?:\+\s*\d\s*)?(?:-|\s)?(?:weeks?|wks?|wk|w)\b(?:\s*(?:and\s+)?\d+\s*days?)?\s*(?:pregn\w*|preg\b|along|gestation|into (?:my|the|this) pregnancy|of pregnancy)",
                "week",
            ),
            (
                "gestation",
                rf"\bpreg\w*[^.!?\d]{{0,18}}?\b{approx}{n}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)\b(?!\s*(?:late|ago|overdue|postpartum|old|after))",
                "week",
            ),
            (
                "gestation",
                rf"\b{n}\s*months?\s*(?:pregn\w*|along|gone|into (?:my|the) pregnancy)",
                "month",
            ),
            (
                "gestation",
                r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+week\s+of\s+(?:my\s+|the\s+)?pregnancy",
                "week",
            ),
            ("gestation", r"\bweek\s+(?P<n>\d{1,2})\s+of\s+(?:my\s+|the\s+)?pregnancy", "week"),
            (
                "gestation_at",
                rf"\b(?:at|reached|i'?m|i am|im|now|currently)\s+{approx}{n}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*(?:ago|postpartum|post|pp\b|old|after|since|late|overdue|of\b|and\b\s+\d))",
                "week",
            ),
            # since the birth
            (  # "5 hours after a very fast birth", "10 days after a caesarean"
                "postpartum",
                rf"\b{approx}{n}\s*{_EN_UNIT_BIRTH}\s+(?:after|since|following|post)\s+(?:(?:a|an|the|my|her)\s+)?(?:[a-z]+\s+){{0,4}}?(?:birth|delivery|caesarean|cesarean|c-?section|section|lscs|labou?r)\b",
                None,
            ),
            (  # "home birth 3 hours ago", "delivered 2 days ago"
                "postpartum",
                rf"\b(?:birth|delivery|delivered|caesarean|cesarean|c-?section|lscs)\b[^.!?;]{{0,20}}?\b{approx}{n}\s*{_EN_UNIT_BIRTH}\s+ago",
                None,
            ),
            (  # "2 weeks after having my son", "10 days since I had the baby"
                "postpartum",
                rf"\b{approx}{n}\s*{_EN_UNIT_BIRTH}\s+{_EN_AFTER_BABY}",
                None,
            ),
            (
                "postpartum",
                rf"\bday\s*{n}\s+{_EN_AFTER_BABY}",
                "day",
            ),  # "Day 4 after having my son"
            (
                "postpartum",
                rf"\b(?:baby|son|daughter|daugther|little one|newborn|lo)\s+is\s+(?:now\s+|only\s+|just\s+)?{n}\s*{_EN_UNIT}",
                None,
            ),
            ("postpartum", rf"\b{n}[- ]{_EN_UNIT}[- ]old\b(?!\s+(?:woman|female|girl))", None),
            (
                "postpartum",
                rf"\b(?:gave b\w*rth|had (?:my|the|a|our) baby|delivered|delivery|c-?section|caesarean|cesarean|birth)\b[^.!?]{{0,20}}?\b{approx}{n}\s*{_EN_UNIT}\s+ago",
                None,
            ),
            (
                "postpartum",
                rf"\b{approx}{n}\s*{_EN_UNIT}\s+(?:postpartum|post[- ]partum|postnatal|post[- ]natal|pp\b|after (?:giving )?birth|after (?:the |my )?delivery|after (?:my|the) (?:c-?section|caesarean)|since (?:the |giving )?birth)",
                None,
            ),
            # the last menstrual period: "LMP 7 weeks ago", "LMP 6/52", "6 weeks amenorrhoea"
            (
                "lmp",
                rf"\blmp\s*(?:was\s+|:\s*|of\s+|=\s*)?{approx}{n}\s*{_EN_UNIT}(?:\s+ago)?",
                None,
            ),
            ("lmp", r"\blmp\s*(?:was\s+|:\s*|of\s+|=\s*)?(?P<n>\d{1,2})\s*/\s*52\b", "week"),
            (
                "lmp",
                rf"\blast menstrual period\s+(?:was\s+)?{approx}{n}\s*{_EN_UNIT}\s+ago",
                None,
            ),
            ("lmp", rf"\b{n}\s*{_EN_UNIT}\s+(?:of\s+|history of\s+)?amenorrh\w*", None),
            ("lmp", r"\b(?P<n>\d{1,2})\s*/\s*52\s+(?:of\s+)?amenorrh\w*", "week"),
            (  # "day 10 postpartum", "post-LSCS day 5"
                "postpartum",
                r"\b(?:day|d)\s*(?P<n>\d{1,2})\s+(?:postpartum|post[- ]?partum|postnatal|post[- ]?natal|post[- ]?(?:lscs|nvd|svd|c-?section|caesarean|delivery|birth|forceps|ventouse))\b",
                "day",
            ),
            (
                "postpartum",
                r"\b(?:postpartum|post[- ]?partum|postnatal|post[- ]?natal|pn|post[- ]?(?:lscs|nvd|c-?section|caesarean|delivery))\s*:?\s*(?:day|d)\s*(?P<n>\d{1,2})\b",
                "day",
            ),
            # amenorrhoea, menopause and menarche
            (
                "amenorrhoea",
                rf"\b(?:periods?|menses|menstruation)\s+(?:(?:had|have|has)\s+)?(?:stopped|ended|finished|ceased)\s+{approx}{n}\s*{_EN_UNIT}\s+ago",
                None,
            ),
            (  # "after 4 years with no periods"
                "amenorrhoea",
                rf"\b{approx}{n}\s*{_EN_UNIT}\s+(?:with no|without(?: a| any)?|of no)\s+(?:periods?|menses)",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:no|(?:haven'?t|hasn'?t|have not|has not|not) had an?y?|without an?y?|no)\s+periods?\s+(?:at all\s+)?(?:for|in|since)\s+{approx}{n}\s*{_EN_UNIT}",
                None,
            ),
            ("amenorrhoea", rf"\blast period\s+(?:was\s+)?{approx}{n}\s*{_EN_UNIT}\s+ago", None),
            (  # "bleeding 2 years after my last period"
                "amenorrhoea",
                rf"\b{approx}{n}\s*(?P<u>years?|yrs?)\s+after\s+(?:my|her|the)\s+(?:very\s+)?last\s+(?:menstrual\s+)?period",
                None,
            ),
            (
                "lmp",
                rf"\b{approx}{n}\s*{_EN_UNIT}\s+since\s+(?:my|the|her)\s+(?:last\s+(?:menstrual\s+)?period|lmp)",
                None,
            ),
            (  # "menopause 12 years ago", "6 years past menopause", "postmenopausal for 5 years"
                "amenorrhoea",
                rf"\b(?:menopause|the change)\s+(?:was\s+)?{approx}{n}\s*{_EN_UNIT}\s+ago",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b{approx}{n}\s*{_EN_UNIT}\s+(?:past|after|since|post|into|beyond)\s+(?:(?:the|her|my)\s+)?menopause",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:post-?\s?menopausal|menopausal|in menopause)\s+(?:for\s+){approx}{n}\s*{_EN_UNIT}",
                None,
            ),
            (
                "menopause_age",
                r"\b(?:periods?|menstruation|bleeding)\s+(?:stopped|finished|ended|disappeared)\s+(?:completely\s+)?(?:at|when i was|aged?|at age)\s+(?P<n>\d{2})",
                None,
            ),
            (
                "menopause_age",
                r"\b(?:haven'?t had a period|no periods?|not had a period)\s+since\s+i\s+was\s+(?P<n>\d{2})",
                None,
            ),
            (
                "menopause_age",
                r"\bmenopause\s+(?:at|when i was|aged?|at age)\s+(?P<n>\d{2})",
                None,
            ),
            (  # "my last natural period was at 50", "LMP at age 52"
                "menopause_age",
                r"\b(?:last\s+(?:natural\s+|real\s+|proper\s+)?(?:menstrual\s+)?period|lmp)\s+(?:was\s+)?(?:at|when i was|aged?|at age)\s+(?P<n>\d{2})\b",
                None,
            ),
            (  # "did a pregnancy test at the clinic yesterday, negative"
                "test_negative",
                r"\b(?:pregnancy|preg|urine|upt|b-?hcg|hcg)\s+tests?\b[^.;!?]{0,50}?\b(?:negative|neg|-ve)\b",
                None,
            ),
            (  # "did a test Sunday and it was negative": a home test is a pregnancy test
                "test_negative",
                r"\b(?:did|took|done|do|taken)\s+(?:a|another|two|2|3)\s+tests?\b(?!\s+for\b)"
                r"[^.;!?]{0,40}?\b(?:negative|neg|-ve)\b",
                None,
            ),
            (
                "menarche_ago",
                rf"\b(?:first period|menarche|started (?:my |having )?periods?|periods? started|got my period for the first time)\s+(?:was\s+|about\s+|only\s+)*{approx}{n}\s*{_EN_UNIT}\s+ago",
                None,
            ),
            (
                "menarche_age",
                r"\b(?:first period|started (?:my |having )?periods?|periods? started|started menstruating)\s+(?:at|when i was|aged?|at age)\s+(?P<n>\d{1,2})",
                None,
            ),
            # how long a period lasts
            ("period_length", rf"\b{n}\s*(?:-|\s)?(?P<u>days?)\s*long\b", None),
            ("period_length", rf"\b{n}\s*-\s*(?P<u>day)\s+(?:periods?|menses|bleeds?)\b", None),
            (
                "period_length",
                rf"\b(?:last|lasts|lasted|lasting|go on for|goes on for|gone on for)\s+{approx}{n}\s*(?P<u>days?|weeks?)",
                None,
            ),
            (  # a note's "bleeding 9-10 days"; "usually 5 days, this is day 9"
                "period_length",
                rf"\b(?:bleeding|bleeds|menses)\s+{approx}{n}{rng}\s*(?P<u>days?)\b(?!\s+(?:ago|before|after|late|early))",
                None,
            ),
            (
                "period_length",
                rf"\b(?:this is|it'?s|now on|i'?m on)\s+(?P<u>day)\s+{n}\b(?!\s*(?:of|post|after|since)\b(?!\s+(?:my|the|this)\s+(?:period|bleed)))",
                None,
            ),
            (
                "period_length_for",
                rf"\b(?:for|going for|been going for)\s+{approx}{n}\s*(?P<u>days?|weeks?)",
                None,
            ),
            # how long ago, how long for
            ("ago", rf"\b{approx}{n}\s*{_EN_UNIT}\s+ago\b", None),
            # notes write days, weeks and months as fractions: "inserted 5/7 ago", "started 6/52"
            *(
                (
                    "ago",
                    rf"\b(?:(?:inserted|fitted|started|placed|given|sited|commenced)\s+(?:[a-z-]+\s+){{0,2}}?"
                    rf"(?P<n>\d{{1,2}})\s*/\s*{den}\b(?:\s+ago\b)?"
                    rf"|(?P<n2>\d{{1,2}})\s*/\s*{den}\s+ago\b)",
                    unit,
                )
                for den, unit in (("7", "day"), ("52", "week"), ("12", "month"))
            ),
            ("ago", r"\blast (?P<u>week|month|year)\b", None),
            (
                "duration",
                rf"\b(?:for|over|in|since)\s+(?:the\s+)?(?:past|last|previous)\s+{approx}{n}\s*{_EN_UNIT}",
                None,
            ),
            (
                "duration",
                rf"(?<!every )(?<!each )(?<!per )\b(?:for|over)\s+{approx}{n}\s*{_EN_UNIT}",
                None,
            ),
            ("duration", rf"\b(?:the\s+)?(?:past|last)\s+{n}\s*{_EN_UNIT}", None),
            ("duration", rf"\b(?:it'?s|it has|been)\s+(?:been\s+)?{approx}{n}\s*{_EN_UNIT}", None),
            ("duration", r"\bfor\s+(?P<u>months|years|weeks|ages)\b", None),
            # how long a cycle is: "periods every 45-60 days", "28-day cycles", "cycles of 35
            # days", "sometimes 2 months apart", "I go 3 months with nothing"
            (
                "cycle",
                rf"\b(?:periods?|cycles?|menses|bleeds?)\b[^.!?\d]{{0,25}}?\bevery\s+{approx}{n}{rng}\s*(?P<u>days?|weeks?|months?)",
                None,
            ),
            (
                "cycle",
                rf"\bcycles?\s+(?:are\s+|is\s+|now\s+|of\s+|around\s+|about\s+|lasting\s+)*{n}{rng}\s*(?P<u>days?)",
                None,
            ),
            ("cycle", rf"\b{n}{rng}\s*-?\s*(?P<u>day)\s+cycles?", None),
            (
                "cycle",
                rf"(?<!weeks )(?<!days )\b{approx}{n}{rng}\s*(?P<u>weeks?|months?)\s+apart\b",
                None,
            ),
            (
                "cycle",
                rf"\bgo(?:es)?\s+{approx}{n}{rng}\s*(?P<u>months?)\s+(?:with nothing|without (?:a |any )?(?:period|bleed))",
                None,
            ),
        ]
    else:
        ordinal = ordinal_pattern()
        rng = rf"(?:\s*[-–]\s*(?P<n2>{number_pattern(lang)}))?"  # "9-10", "три-четыре"
        approx = r"(?:(?:уже|около|почти|примерно|где-то|больше|более|свыше|целых|всего|только|приблизительно|не меньше|не менее)\s+)*"
        more = r"(?P<more>больше|более|свыше|дольше|не меньше|не менее)?"
        rows = [
            ("temperature", _RU_TEMPERATURE, None),
            ("temperature", r"\b(?P<n>3[5-9](?:[.,]\d)?)\s*(?:°|градус)", None),
            (  # clinical notes: "t 38,4", "Т тела 38,5", "t°=39"
                "temperature",
                r"(?<!\w)[tт]\s*°?\s*(?:тела\s*)?[:=]?\s*(?P<n>3[4-9](?:[.,]\d{1,2})?|4[0-2](?:[.,]\d)?)\b",
                None,
            ),
            ("bmi", r"\bимт\s*(?:у меня|около|больше|выше|:|=)?\s*(?P<n>\d{2}(?:[.,]\d)?)", None),
            ("pulse", _RU_PULSE, None),
            # notes: systolic pressure, blood loss, endometrial thickness on a scan
            (
                "bp",
                r"(?<!\w)(?:ад|давление)\s*(?:у меня|было|:|=|—|-)?\s*(?P<n>\d{2,3})\s*/\s*\d{2,3}\b",
                None,
            ),
            (
                "blood_loss",
                r"(?<!\w)(?:кровопотеря|кровопотери|потеряла)\s*(?:составила\s*|около\s*|примерно\s*|до\s*|[:=~—-]\s*)*(?P<n>\d{3,4})\s*мл\b",
                None,
            ),
            (
                "endometrium_mm",
                r"(?<!\w)(?<!полип )(?<!полипа )(?<!полипы )(?:эндометри[йяюе]|м-эхо|м эхо)\s*(?:толщиной\s*|до\s*|около\s*|[:=—-]\s*)*(?P<n>\d{1,2}(?:[.,]\d)?)\s*мм\b",
                None,
            ),
            ("hcg", r"\b(?:б-?)?хгч\s*(?:был|было|уже|:|=|-)?\s*(?P<n>\d{1,6}(?:[.,]\d+)?)", None),
            # "в 50 лет месячные прекратились": an age at the menopause, not the age now
            (
                "menopause_age",
                r"\bв\s+(?P<n>\d{2})\s*(?:год|года|лет)\s+(?:месячные|менструаци\w*)\s+(?:прекратились|закончились|ушли|пропали|кончились|остановились)",
                None,
            ),
            # an age at the first period: "менархе в 13 лет", "месячные начались в 12 лет"
            (
                "menarche_age",
                r"\b(?:первые месячные|месячные начались|месячные появились|менархе|менструации с)\s*(?:были\s+|пришли\s+|[:—–-]\s*)?(?:в|с)?\s*(?P<n>\d{1,2})\s*(?:год|года|лет)?\b(?!\s*(?:(?:год\w*|лет)\s+)?(?:назад|дн|недел|нед\b|месяц|мес\b))",
                None,
            ),
            # the patient of a clinical note: "Пациентка 32 лет", "Больная 41 года", "Ж., 45 лет"
            (
                "age",
                rf"\b(?:пациентк\w*|больн(?:ая|ой|ую)|женщин[аеуы]|девушк[аеиу]|девочк[аеиу]|пострадавш(?:ая|ей|ую)|беременн(?:ая|ой|ую)|родильниц[аеыу]|рожениц[аеыу]|первородящ(?:ая|ей)|повторнородящ(?:ая|ей)|первобеременн(?:ая|ой)|она|ж\.?)\s*,?\s*(?:в возрасте\s+)?{a}\s*(?:-?\s*(?:год|года|лет|летн\w*)\b|г\.|л\.)",
                None,
            ),
            ("age", rf"\bв возрасте\s+{a}\s*(?:год|года|лет)\b", None),
            # a note that opens with the age, clipped: "71 г. Кровомазание ...", "26 л. Боли"
            ("age", r"^\W*(?P<n>[1-9]\d)\s*(?:г|л)\.(?=\s|$)", None),
            # someone else's age: the woman a message is written for
            (
                "age_other",
                rf"\b(?:дочке|дочери|доченьке|дочка|дочь)\s+(?:уже\s+|всего\s+|только\s+|почти\s+)?{a}(?:\s*(?:год|года|лет)\b)?{_RU_AGE_STOP}",
                None,
            ),
            (
                "age_other",
                rf"\b(?:ей|жене|сестре|подруге|маме)\s+(?:уже\s+|всего\s+|сейчас\s+)?{a}(?:\s*(?:год|года|лет)\b)?{_RU_AGE_STOP}",
                None,
            ),
            (
                "age",
                rf"\bмне\s+(?:уже\s+|всего\s+|только\s+|почти\s+|сейчас\s+|скоро\s+|исполнилось\s+)?{a}(?:\s*(?:год|года|лет)\b)?{_RU_AGE_STOP}",
                None,
            ),
            ("age", rf"\b{a}\s*-?\s*летн\w*", None),
            ("age", rf"\bвозраст\w*\s*:?\s*{a}\b{_RU_AGE_STOP}", None),
            (
                "age",
                rf"(?:^|[,.!?(]\s*|\bв\s+|\bя\s+)(?<!уже )(?<!через )(?<!за )(?<!последние )(?<!течение )(?<!около )(?<!более )(?<!больше )(?<!менее )(?<!меньше )(?<!протяжении )(?<!целых )(?<!почти ){a}\s*(?:год|года|лет)\b(?!\s*(?:назад|подряд|как|уже|принима|пью|стоит|жду|в менопаузе|в климаксе|не\b))",
                None,
            ),
            (  # "2 нед. после родов", "4-е сутки после КС", "5 ч после стремительных родов"
                "postpartum",
                rf"\b(?:на\s+|через\s+)?{approx}{n}{_RU_ORD_END}\s*{_RU_UNIT_BIRTH}\s+(?:после|от)\s+{_RU_BIRTH}",
                None,
            ),
            (  # "родила сегодня утром", "вчера родила", "роды были ночью": a day or less
                "postpartum",
                r"\b(?:(?:родила|роды были|рожала|родоразрешение)\s+(?:только\s+)?(?:сегодня|вчера|позавчера|этой ночью|ночью)|(?:сегодня|вчера|позавчера)\s+(?:ночью\s+|утром\s+)?родила)\b",
                "day",
            ),
            (  # "роды 3 часа назад", "кесарево было 10 дней назад", "10 дней назад было кесарево"
                "postpartum",
                rf"\b(?:родила|роды|рожала|кесарево|кесарева|кс)\b[^.!?;]{{0,20}}?\b{approx}{n}?\s*{_RU_UNIT_BIRTH}\s+назад\b",
                None,
            ),
            (
                "postpartum",
                rf"\b{approx}{n}?\s*{_RU_UNIT_BIRTH}\s+назад\s+(?:\w+\s+){{0,2}}?(?:родила|рожала|роды|родились|кесарево|кесарева|кс)\b",
                None,
            ),
            (
                "gestation",
                rf"\b{n}\s*(?:-?\s*(?:я|й|ю|ой|ая|ей)\b)?\s*(?:акушерск\w*\s+)?{_RU_GEST_UNIT}\s*(?:беременност\w*|гестац\w*)",
                "week",
            ),
            (
                "gestation",
                rf"\b(?:срок\w*|беременн\w*|на сроке|бер-?ть|б-с?ть|б-сти|бер-?сти|бер-?сть|берем\.?|бер\.|гестаци\w*)[\s,:]*(?:уже\s+|около\s+|примерно\s+|почти\s+|где-то\s+|сейчас\s+)?(?:на\s+)?{n}\s*(?:-?\s*(?:я|й|ю|ой|ая|ей)\b)?\s*(?:акушерск\w*\s+)?{_RU_GEST_UNIT}",
                "week",
            ),
            ("gestation", rf"\b{n}\s*(?:-?\s*(?:й|ом)\b)?\s*месяц\w*\s*беременност\w*", "month"),
            ("gestation", rf"\bна\s+{n}\s*(?:-?\s*(?:й|ом)\b)?\s*месяце\b", "month"),
            ("gestation_at", rf"\bна\s+{n}\s*(?:-?\s*(?:й|ой|ей)\b)?\s+неделе\b", "week"),
            # "Сейчас 8 недель, мажет", "31 неделя.": weeks standing alone are weeks pregnant
            (
                "gestation_at",
                rf"(?:^|[.!?,]\s*|\b(?:сейчас|теперь|у меня)\s+){n}\s*(?:-?\s*(?:я|ая)\b)?\s*(?:недел[ьяи]\w*|нед\b\.?)(?=\s*(?:[,.;!?—–]|\s-|и\b|$))",
                "week",
            ),
            # "6 нед по узи", "7 недель по месячным": weeks of pregnancy by a dating method
            (
                "gestation",
                rf"\b{n}\s*(?:-?\s*(?:я|ю|й)\b)?\s*{_RU_GEST_UNIT}\s*по\s+(?:узи|месячным|овуляции|зачатию|хгч|пмп|дпм|бипариетальному)\b",
                "week",
            ),
            (
                "postpartum",
                rf"\b(?:ребенку|ребёнку|малышу|малышке|сыну|дочке|дочери|доченьке|сыночку)\s+(?:уже\s+|всего\s+|только\s+)?{n}?\s*{_RU_UNIT}",
                None,
            ),
            # the last menstrual period in notes: "ПМП 7 нед. назад", "ПМП - 6 недель назад"
            (
                "lmp",
                rf"\b(?:пмп|последняя менструация|последние месячные)\s*(?:была\s+|были\s+|[:=—–-]\s*)?{approx}{n}?\s*{_RU_UNIT}\.?\s+назад",
                None,
            ),
            (
                "postpartum",
                rf"\b(?:родила|роды были|роды|рожала|после(?:\s+[^\W\d_]+)?\s+родов|после кесарева|после кс|кесарево было)\b[^.!?]{{0,25}}?{approx}{n}?\s*{_RU_UNIT}",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:нет|не было|не бывает)\s+(?:месячных|менструаци\w*)\s+(?:уже\s+)?{more}\s*{n}?\s*{_RU_UNIT}",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:месячных|менструаци\w*)\s+(?:нет|не было)\s+(?:уже\s+)?{more}\s*{n}?\s*{_RU_UNIT}",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:месячные|менструаци\w*)\s+(?:пропали|исчезли|прекратились|не приходят|не приходили|не идут|не шли)\s+(?:на\s+|уже\s+)?{more}\s*{n}?\s*{_RU_UNIT}",
                None,
            ),
            (
                "amenorrhoea",
                rf"\b(?:месячн\w*|менструаци\w*)\s+(?:уже\s+)?{n}?\s*{_RU_UNIT}\s+как\s+(?:пропали|закончились|прекратились|кончились|ушли|нет)\b",
                None,
            ),
            (
                "amenorrhoea",
                rf"\bпоследние\s+(?:месячные|менструаци\w*)\s+(?:были\s+)?{approx}{n}?\s*{_RU_UNIT}\s+назад",
                None,
            ),
            (
                "amenorrhoea",
                rf"\bаменоре\w*\s+(?:в течение\s+|уже\s+)?{more}\s*{n}?\s*{_RU_UNIT}(?!\s*назад)",
                None,
            ),
            (
                "menopause_age",
                r"\b(?:месячные|менструаци\w*)\s+(?:прекратились|закончились|ушли|пропали|кончились)\s+(?:в|с)\s+(?P<n>\d{2})",
                None,
            ),
            (
                "menopause_age",
                r"\b(?:последние\s+(?:месячные|менструаци\w*)\s+(?:были\s+)?|(?:климакс|менопауз)\w*\s+(?:с|в)\s+)(?:в\s+)?(?P<n>\d{2})\b(?!\s*(?:лет\s+назад|года?\s+назад|дн|недел|месяц|%))",
                None,
            ),
            (  # a note's "с интервалом 2–3 мес.", "интервал между менструациями 40 дней"
                "cycle",
                rf"\bинтервал\w*\s+(?:между\s+\w+\s+)?(?:в\s+|до\s+|от\s+|около\s+)?{n}{rng}\s*{_RU_UNIT}",
                None,
            ),
            (  # "месячных нет с 50": the age at the menopause
                "menopause_age",
                r"\b(?:месячных|менструаци\w*)\s+(?:нет|не было)\s+с\s+(?P<n>\d{2})\b(?!\s*(?:дн|недел|нед\b|мес|%))",
                None,
            ),
            (  # the day of the cycle: "на 14 день цикла", "на 14–15-й день цикла"
                "cycle_day",
                rf"\bна\s+(?P<n>\d{{1,2}}){rng}{_RU_ORD_END}\s*(?:день|дн\w*|сутки)\s+(?:цикла|мц)\b",
                None,
            ),
            (
                "cycle",
                rf"\bцикл\w*\s+(?:по\s+|около\s+|примерно\s+|от\s+)?{n}{rng}\s*(?:до\s+\d{{1,3}}\s*)?(?P<u>дн\w*|день)",
                None,
            ),
            (
                "cycle",
                rf"\b(?:месячн\w*|менструаци\w*)[^.!?]{{0,30}}?\bраз\s+в\s+{n}?{rng}\s*{_RU_UNIT}",
                None,
            ),
            (
                "cycle",
                rf"\b(?:месячн\w*|менструаци\w*|цикл\w*)[^\n]{{0,60}}?\bкажд\w+\s+{n}?{rng}\s*(?P<u>недел\w*|месяц\w*|дн\w*|день)",
                None,
            ),
            (
                "cycle",
                rf"\b(?:месячных|менструаци\w*)\s+(?:опять\s+|снова\s+|бывает\s+)?(?:нет|не бывает)\s+по\s+{n}?{rng}\s*{_RU_UNIT}",
                None,
            ),
            (
                "cycle",
                rf"\bпо\s+{n}?{rng}\s*(?P<u>месяц\w*|мес\b|недел\w*)\s+(?:не\s+(?:приходят|приходили|идут|шли|бывает|бывают|было)|нет)\b",
                None,
            ),
            (
                "menarche_ago",
                rf"\b(?:первые месячные|месячные начались|месячные появились|месячные пришли|менархе)\s+(?:были\s+|пришли\s+)?{approx}{n}?\s*{_RU_UNIT}\s+назад",
                None,
            ),
            (
                "period_length",
                rf"\b(?:идут|длятся|шли|длились|продолжаются|идет|длится|шла|длилась|продолжались|продолжается|идти|длиться|льют|льются)\s+(?:уже\s+)?(?:по\s+)?{approx}{n}?{rng}\s*(?P<u>дн\w*|день|недел\w*)",
                None,
            ),
            (  # "кровотечение уже 10 дней", "Кровотечение 10-й день", "длительностью 9–10 дней"
                "period_length",
                rf"(?<!задержка )(?<!задержки )(?<!задержкой )\b(?:(?:кровотечени\w*|менструаци\w*|месячн\w*)\s+(?:уже\s+|идет\s+|идут\s+)?|(?<!цикл )(?<!цикла )(?<!циклы )(?<!интервал )(?:длительност|продолжительност)ью\s+){approx}{n}{rng}{_RU_ORD_END}\s*(?<![^\W\d_])(?P<u>дн\w*|день)\b(?!\s+назад)",
                None,
            ),
            (
                "period_length",
                rf"\b(?:месячн\w*|менструаци\w*|кровотечени\w*)[^.!?]{{0,25}}?\bпо\s+{approx}{n}{rng}\s*(?P<u>дн\w*|день|недел\w*|нед\b\.?)",
                None,
            ),
            (
                "period_length",
                rf"\b(?:месячн\w*|менструаци\w*)[^.!?]{{0,30}}?\b(?:длительн\w*|продолжительн\w*)[^.!?]{{0,10}}?\bдо\s+{n}{rng}\s*(?P<u>дн\w*|день)",
                None,
            ),
            # "третью неделю", "второй месяц": in the third week, the second month
            (
                "period_length_for",
                rf"\b(?P<ord>{ordinal})\s+(?P<u>день|недел\w*|месяц|месец|год)\b(?!\s+(?:цикла|беременности|после|жизни))",
                None,
            ),
            ("ago", rf"\b{approx}{n}?\s*{_RU_UNIT}\s+назад\b", None),
            ("ago", r"\bна прошлой (?P<u>неделе)\b|\bв прошлом (?P<u2>месяце|году)\b", None),
            ("ago", rf"\b{_RU_UNIT_GEN}\s+{n}\s+назад\b", None),  # "лет пять назад"
            (
                "ago",
                r"\bв\s+(?:начале|конце|середине)\s+прошлого\s+(?P<u>месяца|года)\b",
                None,
            ),
            (
                "duration",
                rf"\b(?:уже|в течение|в течении|на протяжении|последние|последних|за последние|вот уже|целых|целый|всего)\s+{more}\s*{n}?\s*{_RU_UNIT}",
                None,
            ),
            ("duration", rf"\b{more}\s*{n}?\s*{_RU_UNIT}\s+(?:подряд|как|уже|подряд уже)\b", None),
            (
                "duration",
                rf"\b(?P<more>больше|более|свыше|дольше|не меньше|не менее)\s+{n}?\s*{_RU_UNIT}",
                None,
            ),
            ("duration", r"\bнесколько\s+(?P<u>месяц\w*|недел\w*|лет)", None),
            ("duration", rf"\b{_RU_UNIT_GEN}\s+{n}\b(?!\s*(?:назад|лет|год|недел|дн|месяц))", None),
            (
                "duration",
                rf"(?:^|[.!?]\s*){n}?\s*{_RU_UNIT}\s+(?:пью|принимаю|стоит|ношу|ставлю|колю)\b",
                None,
            ),
            (  # how long a method has been used: "имплант стоит 2 месяца", "ношу кольцо 3 недели"
                "duration",
                rf"\b(?:стоит|стоят|ношу|носит|пью|пьет|принимаю|колю|установлен\w*|вшит\w*)\s+(?:[^\W\d_]+\s+){{0,2}}?(?:уже\s+|около\s+)?{n}\s*{_RU_UNIT}(?!\s*назад)",
                None,
            ),
            (  # a note's method and how long: "КОК (Регулон) 2 мес.", "ЛНГ-ВМС 3 года"
                "duration",
                rf"\b(?:кок|ок|вмс|мирена|имплант\w*|импланон\w*|новаринг\w*|депо-провер\w*|спираль|мини-пили)\s*(?:\([^)]{{1,40}}\)\s*)?{n}\s*{_RU_UNIT}(?!\s*назад)",
                None,
            ),
            (  # a note's "ОК принимает 2 месяца"
                "duration",
                rf"\b(?:принимает|получает|использует|применяет|пьет)\s+(?:уже\s+|около\s+|в течение\s+)?{n}?\s*{_RU_UNIT}(?!\s*назад)",
                None,
            ),
            (
                "duration",
                rf"\b(?:около|примерно|почти|приблизительно)\s+{n}?\s*{_RU_UNIT}(?!\s*назад)",
                None,
            ),
        ]
    return tuple(Pattern(kind, re.compile(rx, flags), unit) for kind, rx, unit in rows)


_HISTORICAL = re.compile(
    r"\b(?:miscarr\w*|abortion|termination|(?-i:TOP)|lost|last pregnancy|previous|before"
    r"|in (?:19|20)\d\d|years ago|"
    r"выкидыш\w*|аборт\w*|замерш\w*|прошл\w+ беременност\w*|в прошлом|раньше|лет назад)",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:now|currently|again|at the moment|this time|сейчас|теперь|снова|опять)\b", re.IGNORECASE
)
# A number under 10 is an age only when said to be one ("I'm 8", "8 years old", "мне 8 лет").
_STATED_AGE = re.compile(
    r"old|yo\b|y/o|летн|мне|i'?m|i am|\bim\b|девоч|пациентк|больн", re.IGNORECASE
)
# "матка увеличена до 9 недель беременности": a size, not weeks pregnant
_UTERUS_SIZE = re.compile(
    r"(?:увеличен\w*|соответству\w*|размер\w*|величин\w*|как\s+на|как)\s+(?:до\s+)?(?:размеров\s+)?$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def find_quantities(text: str, lang: Lang) -> list[Quantity]:
    """Every quantity in the text; a span already claimed by an earlier pattern is skipped."""
    found: list[Quantity] = []
    claimed: list[tuple[int, int]] = []
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    for pattern in patterns(lang):
        for m in pattern.regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in claimed):
                continue
            quantity = _quantity(pattern, m, lang, text, sentences)
            if quantity is not None:
                found.append(quantity)
                claimed.append((m.start(), m.end()))
    return sorted(found, key=lambda q: q.start)


def _quantity(
    pattern: Pattern,
    m: re.Match[str],
    lang: Lang,
    text: str,
    sentences: list[tuple[int, int]],
) -> Quantity | None:
    groups = m.groupdict()
    raw = groups.get("n") or groups.get("ord")
    if raw is None and pattern.kind == "ago":
        raw = groups.get("n2")  # the second spelling of a note's fraction ("3/52 ago")
    number = to_number(raw, lang) if raw else 1.0
    if number is None:
        return None
    if groups.get("ord"):
        number -= 0.5  # "третью неделю": two weeks and some
    upper = to_number(groups["n2"], lang) if groups.get("n2") else None
    if pattern.kind == "cycle" and upper is not None:
        number = max(number, upper)
    unit = pattern.unit or _unit(groups.get("u") or groups.get("u2"))
    kind = pattern.kind
    if kind in ("temperature", "bmi"):
        value = number if kind == "bmi" or number < 45 else (number - 32) * 5 / 9  # °F
    elif kind == "test_negative":
        value = 1.0
    elif kind in ("pulse", "hcg", "bp", "blood_loss", "endometrium_mm", "cycle_day"):
        value = number
    elif kind in ("age", "age_other", "age_relative", "menopause_age", "menarche_age"):
        if not 1 <= number <= 110 or raw is None or "." in raw or "," in raw:
            return None
        if kind == "age_other" and number < 8 and "old" not in m.group().lower():
            return None
        if kind == "age" and number < 10 and not _STATED_AGE.search(m.group()):
            return None
        value = number
    else:
        if kind == "duration" and groups.get("u") in ("ages",):
            unit = "month"
            number = 6.0
        elif raw is None and groups.get("u", "") in ("months", "years", "weeks"):
            number = 2.0
        weeks = _weeks(number, unit)
        if weeks is None:
            return None
        if groups.get("more"):
            weeks *= 1.1
        value = weeks
    historical = False
    if (
        kind.startswith("gestation")
        and lang == "ru"
        and _UTERUS_SIZE.search(text[max(0, m.start() - 40) : m.start()])
    ):
        return None
    if kind.startswith("gestation"):
        if not 2 <= value <= 44:
            return None
        start = next((s for s, e in sentences if s <= m.start() < e), 0)
        before = _NOW.split(text[start : m.end()])[-1]  # "..., and now I'm 7 weeks"
        if lang == "en":  # "with a previous ectopic, positive test at 5 weeks": this one
            before = re.split(r"[,;]", before)[-1]
        historical = bool(_HISTORICAL.search(before))
    return Quantity(kind, value, m.start(), m.end(), m.group().strip(), historical)
