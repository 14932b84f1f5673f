"""The diary's words in English and Russian: flows, episode kinds, FIGO parameters, statuses."""

from __future__ import annotations

from bleedcheck.vocab import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # flow levels
    "none": {"en": "none", "ru": "нет"},
    "spotting": {"en": "spotting", "ru": "мажущие"},
    "light": {"en": "light", "ru": "скудные"},
    "medium": {"en": "medium", "ru": "умеренные"},
    "heavy": {"en": "heavy", "ru": "обильные"},
    "very_heavy": {"en": "very heavy", "ru": "очень обильные"},
    # episode kinds
    "period": {"en": "period", "ru": "менструация"},
    "intermenstrual": {"en": "between periods", "ru": "между месячными"},
    "midcycle": {"en": "midcycle spotting", "ru": "в середине цикла"},
    "perimenstrual": {"en": "spotting next to a period", "ru": "мажущие рядом с месячными"},
    "postcoital": {"en": "after sex", "ru": "после секса"},
    "unplaced": {"en": "before the first period", "ru": "до первой менструации"},
    # FIGO parameters
    "frequency": {"en": "frequency", "ru": "частота"},
    "regularity": {"en": "regularity", "ru": "регулярность"},
    "duration": {"en": "duration", "ru": "длительность"},
    "volume": {"en": "volume", "ru": "обильность"},
    # statuses (other than flow words and kinds above)
    "normal": {"en": "normal", "ru": "норма"},
    "frequent": {"en": "frequent", "ru": "частые"},
    "infrequent": {"en": "infrequent", "ru": "редкие"},
    "absent": {"en": "absent (90 days)", "ru": "отсутствуют (90 дней)"},
    "regular": {"en": "regular", "ru": "регулярный"},
    "irregular": {"en": "irregular", "ru": "нерегулярный"},
    "prolonged": {"en": "prolonged", "ru": "длительные"},
    "single": {"en": "once", "ru": "однократно"},
    "recurring": {"en": "recurring", "ru": "повторяются"},
    "unknown": {"en": "not enough data", "ru": "мало данных"},
    # headings
    "title": {"en": "Bleeding diary", "ru": "Дневник кровотечений"},
    "flow": {"en": "Flow", "ru": "Обильность"},
    "episodes": {"en": "Bleeding episodes", "ru": "Эпизоды кровотечений"},
    "figo": {"en": "FIGO 2018 classification", "ru": "Классификация FIGO 2018"},
    "start": {"en": "first day", "ru": "начало"},
    "end": {"en": "end", "ru": "конец"},
    "days": {"en": "days", "ru": "дней"},
    "kind": {"en": "kind", "ru": "вид"},
    "max_flow": {"en": "most flow", "ru": "макс."},
    "heavy_days": {"en": "heavy days", "ru": "обильн. дней"},
    "cycle": {"en": "cycle", "ru": "цикл"},
    "parameter": {"en": "parameter", "ru": "параметр"},
    "result": {"en": "result", "ru": "результат"},
    "why": {"en": "why", "ru": "почему"},
    "findings": {"en": "For the assessment", "ru": "Для оценки"},
    "present": {"en": "shows", "ru": "есть"},
    "absent_finding": {"en": "does not show", "ru": "нет"},
    "no_findings": {
        "en": "The diary shows no finding the assessment can use yet.",
        "ru": "В дневнике пока нет данных, которые можно использовать для оценки.",
    },
    "between": {"en": "bleeding between periods", "ru": "кровотечение между месячными"},
    "after_sex": {"en": "bleeding after sex", "ru": "кровотечение после секса"},
    "intermenstrual_parameter": {"en": "between periods", "ru": "между месячными"},
    "postcoital_parameter": {"en": "after sex", "ru": "после секса"},
}


def word(key: str, lang: Lang) -> str:
    """The word for `key`, or the key itself when there is none."""
    return WORDS.get(key, {}).get(lang, key)


def parameter_word(parameter: str, lang: Lang) -> str:
    return word(f"{parameter}_parameter" if f"{parameter}_parameter" in WORDS else parameter, lang)
