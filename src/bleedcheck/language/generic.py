"""Generic words that only say something when denied: "no pain", "не болит", "painless".

"I have pain" names no particular finding, but "no pain at all" rules out both severe and
crampy abdominal pain. A generic word is matched like a synonym (its id starts with "_");
a more specific phrase containing it wins ("no pain during sex" only denies pain during sex).
"""

from __future__ import annotations

from bleedcheck.vocab import Lang

DENIES: dict[str, tuple[str, ...]] = {
    "_pain": ("pain_severe_abdominal", "pain_cramping"),
    "_temperature": ("fever",),  # "температуры нет"; a figure ("температура 38") is a number
    "_clots": ("large_clots",),  # "сгустков нет", "no clots", "сгустки мелкие"
    # "не льёт": a patient's denial of heavy bleeding; said of periods ("первые дни льёт")
    # the word is no acute bleed, so it only counts when denied
    "_pouring": ("acute_heavy_bleeding",),
    # reassuring words that deny a finding by themselves
    "_regular": ("irregular_periods",),
    "_normal_weight": ("obesity",),
    "_normal_endometrium": ("ultrasound_thick_endometrium",),
    "_sexually_active": ("pregnancy_possible",),  # "not sexually active", "no sex in months"
    # no unprotected sex since the last period (DESIGN's meaning of "pregnancy possible"):
    # a vasectomy, sterilisation, a female partner, condoms used, pregnancy excluded
    "_no_pregnancy_risk": ("pregnancy_possible",),
    "_normal_cervix": ("cervix_abnormal_seen",),  # "cervix looks healthy"
    "_soft_abdomen": ("abdominal_tenderness",),  # "abdomen soft, non-tender"
    "_soft_uterus": ("abdominal_tenderness", "pain_constant_severe_uterus"),  # "non-tender bump"
    "_screening_done": ("screening_overdue",),  # "smear up to date"
    "_movements_normal": ("reduced_fetal_movements",),  # "fetal movements normal"
    # pain on both sides is no one-sided pain ("боль с обеих сторон"); a denial names it
    # after the fact too: "болей нет, в т.ч. односторонних"
    "_bilateral": ("pain_one_sided",),
    "_one_sided_too": ("pain_one_sided",),
    "_one_partner": ("new_or_multiple_partners",),  # "партнер один, постоянный"
    "_injury": ("vaginal_injury",),  # "травм не было", "травмы отрицает"
    # "гормоны не принимаю": said of hormone therapy (the pill is named as the pill)
    "_hormones": ("uses_hrt",),
    "_uterus_fits_dates": ("uterus_large_for_dates",),  # "матка соответствует сроку"
    "_no_family_cancer": ("family_history_lynch",),  # "онкоанамнез не отягощён"
    "_feeling_well": ("feeling_very_unwell",),  # "самочувствие нормальное"
    "_dryness": ("vaginal_dryness",),
    "_painless_periods": ("painful_periods",),  # "месячные безболезненные"
    "_painless_uterus": (
        "pain_constant_severe_uterus",
    ),  # "матка безболезненная"  # "сухости нет" (dryness of what is not said)
    "_weight_change": ("weight_gain", "weight_loss"),  # "изменение массы тела отрицает"
}
WORDS: dict[Lang, dict[str, tuple[str, ...]]] = {
    "en": {
        "_pain": ("pain", "pains", "any pain", "hurt", "hurts", "hurting", "aches", "pain at all"),
        "_clots": ("clots", "clot", "clotting"),
        "_dryness": ("dryness",),  # "no itching and no dryness"
        "_weight_change": ("weight loss or gain", "weight gain or loss", "weight change"),
        # "had sex" would swallow the cue of "not had sex": the noun alone is the target
        "_sexually_active": (
            "sexually active",
            "sex",
            "intercourse",
            "sexual contact",
            "sexual intercourse",
            "sexual partner",
        ),
    },
    "ru": {
        "_pain": ("боль", "боли", "болит", "болело", "болеть", "болезненность", "побаливает"),
        "_temperature": ("температура", "температуры", "температурка"),
        "_clots": ("сгустки", "сгустков", "сгусток", "сгусточки"),
        "_pouring": ("льет", "льется"),
        "_injury": ("травма", "травмы", "травм", "травмирование"),
        "_dryness": ("сухость",),
        "_weight_change": ("изменение массы тела", "колебания веса", "колебания массы тела"),
        "_hormones": (
            "принимаю гормоны",
            "гормоны принимаю",
            "пью гормоны",
            "гормоны пью",
            "гормональные препараты",
            "гормональные таблетки",
            "гормонотерапия",
        ),
        "_one_sided_too": (
            "в т.ч. односторонних",
            "в т.ч. односторонней",
            "в том числе односторонних",
            "в том числе односторонней",
            "включая односторонние",
        ),
        "_sexually_active": (
            "половая жизнь",
            "половой жизнью",
            "половой контакт",
            "половые контакты",
            "половой акт",
            "секс",
            "сексуальная жизнь",
            "интимная жизнь",
            "живет половой жизнью",
        ),
    },
}
# Words that deny by themselves, without a negation cue.
NEGATIVE: dict[Lang, dict[str, tuple[str, ...]]] = {
    "en": {
        "_pain": ("painless", "pain-free", "pain free"),
        "_temperature": ("afebrile", "apyrexial", "apyrexic", "temperature normal"),
        "_soft_abdomen": (
            "non-tender",
            "nontender",
            "soft non-tender",
            "snt",
            "non-tender abdomen",
            "non-tender tummy",
        ),
        "_soft_uterus": ("non-tender bump", "non-tender uterus", "non-tender womb", "soft bump"),
        "_screening_done": (
            "smear up to date",
            "smears up to date",
            "screening up to date",
            "up to date with smears",
            "up to date with screening",
            "smear is up to date",
        ),
        "_movements_normal": (
            "fetal movements normal",
            "normal fetal movements",
            "good fetal movements",
            "fetal movements present",
            "fms normal",
            "baby moving normally",
            "baby moving well",
        ),
        "_clots": ("small clots", "tiny clots", "clots are small"),
        "_feeling_well": (
            "otherwise well",
            "systemically well",
            "clinically well",
            "feels well",
            "feeling well",
        ),
        "_uterus_fits_dates": (
            "appropriate for dates",
            "consistent with dates",
            "size equals dates",
            "measuring on track",
        ),
        "_regular": ("regular periods", "periods are regular", "cycle is regular", "regular cycle"),
        "_no_pregnancy_risk": (
            "vasectomy",
            "vasectomised",
            "vasectomized",
            "sterilised",
            "sterilized",
            "sterilisation",
            "sterilization",
            "tubal ligation",
            "tubes tied",
            "female partner",
            "partner is a woman",
            "sleep with women",
            "same-sex partner",
            "same sex partner",
            "lesbian",
            "condoms",
            "condom",
            "uses condoms",
            "condoms every time",
            "always use condoms",
            "condoms reliably",
            "pregnancy excluded",
            "pregnancy ruled out",
            "ruled out pregnancy",
            "excluded pregnancy",
            "celibate",
            "had the snip",
            "haven't been with anyone",
            "not been with anyone",
            "haven't slept with anyone",
            "not slept with anyone",
            "no sexual partners",
            "the snip",
        ),
        "_normal_cervix": (
            "cervix healthy",
            "cervix looks healthy",
            "cervix looked healthy",
            "healthy cervix",
            "cervix normal",
            "normal cervix",
            "cervix looked normal",
            "cervix looks normal",
            "cervix was normal",
        ),
    },
    "ru": {
        "_pain": ("безболезненно", "безболезненный", "безболезненные"),
        "_temperature": (
            "температура нормальная",
            "нормальная температура",
            "температура в норме",
            "температура норм",
            # clinical notes: "Т норм.", "Т тела в норме", "афебрильна"
            "т норм",
            "т тела норм",
            "т в норме",
            "т тела в норме",
            "т тела нормальная",
            "афебрильна",
            "афебрильная",
            "нормотермия",
        ),
        "_clots": (
            "мелкие сгустки",
            "сгустки мелкие",
            "маленькие сгустки",
            "сгустки маленькие",
            "небольшие сгустки",
            "сгустки небольшие",
            # none bigger than a pea
            "сгустки с горошину",
            "сгустки размером с горошину",
            "сгустки не больше горошины",
            "сгусточки мелкие",
        ),
        "_regular": (
            "месячные регулярные",
            "регулярные месячные",
            "цикл регулярный",
            "регулярный цикл",
            "месячные как часы",
            "цикл как часы",
            "цикл стабильный",
            "стабильный цикл",
        ),
        "_normal_weight": ("вес нормальный", "нормальный вес", "вес в норме", "худая"),
        "_no_pregnancy_risk": (
            "вазэктомия",
            "вазектомия",
            "стерилизация",
            "перевязка труб",
            "трубы перевязаны",
            "перевязаны трубы",
            "презерватив",
            "презервативы",
            "с презервативом",
            "барьерная контрацепция",
            "беременность исключена",
            "исключена беременность",
            "беременность исключили",
            "залет исключен",
            "партнер женщина",
            "партнерша",
        ),
        "_normal_endometrium": ("эндометрий в норме", "эндометрий нормальный", "эндометрий тонкий"),
        # clinical notes: "живот мягкий", "матка безболезненна при пальпации"
        "_soft_abdomen": (
            "живот мягкий",
            "мягкий живот",
            "живот мягкий безболезненный",
            "живот безболезненный",
            "безболезненный при пальпации",
            "при пальпации безболезненный",
            "пальпация безболезненна",
        ),
        "_bilateral": (
            "с обеих сторон",
            "с двух сторон",
            "двусторонняя боль",
            "двусторонние боли",
        ),
        "_one_partner": (
            # (not "один партнер": "раз" reads as one, in "первый раз с партнером")
            "партнер один",
            "постоянный партнер",
            "партнер постоянный",
            "парень один",
            "единственный партнер",
            "с одним партнером",
            "один постоянный партнер",
            "один половой партнер",
        ),
        "_painless_uterus": (
            "матка безболезненная",
            "безболезненная матка",
            "матка безболезненна",
            "матка мягкая безболезненная",
        ),
        "_painless_periods": (
            "безболезненные месячные",
            "месячные безболезненные",
            "месячные без боли",
            "безболезненная менструация",
        ),
        "_feeling_well": (
            "самочувствие нормальное",
            "самочувствие норм",
            "самочувствие хорошее",
            "самочувствие в норме",
            "чувствую себя нормально",
            "чувствую себя хорошо",
        ),
        "_uterus_fits_dates": (
            "матка соответствует сроку",
            "размеры матки соответствуют сроку",
            "размер матки соответствует сроку",
            "матка соответствует сроку беременности",
            "размеры матки соответствуют сроку беременности",
        ),
        "_no_family_cancer": (
            "онкоанамнез не отягощен",
            "семейный онкоанамнез не отягощен",
            "онкологический анамнез не отягощен",
            "онкологию у родственников отрицает",
        ),
        "_movements_normal": (
            "шевелится как обычно",
            "шевелится хорошо",
            "шевелится нормально",
            "шевелится активно",
            "шевеления чувствую",
            "шевеления ощущаю",
            "шевеления хорошие",
            "шевеления как обычно",
            "шевеления плода хорошие",
            "шевеления плода в норме",
            "шевеления плода активные",
            "шевеления ощущает хорошо",
        ),
    },
}


def is_generic(finding: str) -> bool:
    return finding.startswith("_")


def generic_synonyms(lang: Lang) -> list[tuple[str, str]]:
    """(generic id, phrase) pairs for the matcher."""
    return [
        (gid, w) for table in (WORDS, NEGATIVE) for gid, words in table[lang].items() for w in words
    ]


def denies_by_itself(finding: str, synonym: str) -> bool:
    return any(synonym in table.get(finding, ()) for table in NEGATIVE.values())
