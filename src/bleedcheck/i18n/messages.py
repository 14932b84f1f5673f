"""Interface strings in English and Russian (knowledge texts live in the YAML files)."""

from __future__ import annotations

from bleedcheck.vocab import Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    "disclaimer": {
        "en": (
            "This is information, not a diagnosis. It does not replace a doctor. If you are in "
            "doubt, or feel worse, call emergency services ({number}; 112 works across Europe)."
        ),
        "ru": (
            "Это справочная информация, а не диагноз, и она не заменяет врача. Если сомневаетесь "
            "или состояние ухудшается, вызовите скорую помощь ({number}; 112 работает с любого телефона)."
        ),
    },
    "very_likely": {"en": "very likely", "ru": "очень вероятно"},
    "likely": {"en": "likely", "ru": "вероятно"},
    "possible": {"en": "possible", "ru": "возможно"},
    "less_likely": {"en": "less likely", "ru": "менее вероятно"},
    "triage": {"en": "How urgent", "ru": "Насколько срочно"},
    "what_now": {"en": "What to do now", "ru": "Что делать сейчас"},
    "when": {"en": "When", "ru": "Когда"},
    "escalate": {"en": "Get help sooner if", "ru": "Обратитесь быстрее, если"},
    "why": {"en": "Why", "ru": "Почему"},
    "causes": {"en": "Possible causes", "ru": "Возможные причины"},
    "serious": {
        "en": "Serious causes not yet ruled out",
        "ru": "Серьёзные причины, которые пока не исключены",
    },
    "tests": {"en": "What a doctor will check", "ru": "Что проверит врач"},
    "supports": {"en": "for", "ru": "за"},
    "against": {"en": "against", "ru": "против"},
    "self_care": {"en": "What you can do", "ru": "Что можно сделать самой"},
    "pregnancy_assumed": {
        "en": (
            "You did not say whether you could be pregnant, so the urgency assumes you could be "
            "(only a test can rule it out). A negative pregnancy test may lower it."
        ),
        "ru": (
            "Вы не указали, возможна ли беременность, поэтому срочность оценена так, как будто "
            "она возможна (исключить её может только тест). Отрицательный тест на беременность "
            "может снизить срочность."
        ),
    },
    "approximate": {
        "en": "Many findings were given; probabilities are approximate.",
        "ru": "Указано очень много признаков; вероятности приблизительные.",
    },
}

LIKELIHOOD_BANDS: tuple[tuple[float, str], ...] = (
    (0.6, "very_likely"),
    (0.3, "likely"),
    (0.1, "possible"),
    (0.0, "less_likely"),
)


def message(key: str, lang: Lang, **values: str) -> str:
    text = MESSAGES[key][lang]
    return text.format(**values) if values else text


def likelihood_word(p: float) -> str:
    for bound, key in LIKELIHOOD_BANDS:
        if p >= bound:
            return key
    return "less_likely"
