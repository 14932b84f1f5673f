"""Report headings in English and Russian (knowledge texts come from the assessment itself)."""

from __future__ import annotations

from bleedcheck.vocab import Lang

REPORT: dict[str, dict[Lang, str]] = {
    "title": {
        "en": "Abnormal vaginal bleeding: pre-visit summary for the clinician",
        "ru": "Аномальное маточное кровотечение: сводка для врача перед приёмом",
    },
    "generated": {
        "en": "Generated {when} by bleedcheck {version}",
        "ru": "Создано {when}, bleedcheck {version}",
    },
    "patient": {"en": "Patient", "ru": "Пациентка"},
    "age": {"en": "Age", "ru": "Возраст"},
    "age_unknown": {"en": "not given", "ru": "не указан"},
    "years": {"en": "years", "ru": "лет"},
    "her_words": {"en": "In her words", "ru": "Её словами"},
    "triage": {"en": "Triage", "ru": "Срочность (триаж)"},
    "timeframe": {"en": "Timeframe", "ru": "Срок"},
    "red_flags": {"en": "Rules that fired", "ru": "Сработавшие правила"},
    "safety_net": {"en": "Safety-netting given", "ru": "Сказано, когда обращаться срочнее"},
    "present": {"en": "Reported present", "ru": "Отмечено: есть"},
    "absent": {"en": "Reported absent", "ru": "Отмечено: нет"},
    "none": {"en": "none", "ru": "нет"},
    "differential": {
        "en": "Differential (posterior probability, noisy-OR model)",
        "ru": "Дифференциальный ряд (апостериорная вероятность, модель noisy-OR)",
    },
    "condition": {"en": "Condition", "ru": "Состояние"},
    "icd10": {"en": "ICD-10", "ru": "МКБ-10"},
    "probability": {"en": "P", "ru": "P"},
    "supported_by": {"en": "Supported by", "ru": "За"},
    "serious": {
        "en": "Serious causes not ruled out",
        "ru": "Серьёзные причины не исключены",
    },
    "workup": {"en": "Suggested work-up", "ru": "Предлагаемое обследование"},
    "diary": {"en": "Bleeding diary", "ru": "Дневник кровотечений"},
    "footer": {
        "en": (
            "Decision support from patient-reported answers, not a diagnosis; probabilities rank "
            "causes and are not calibrated risks. Knowledge base {kb}."
        ),
        "ru": (
            "Поддержка решений по ответам пациентки, не диагноз; вероятности ранжируют причины "
            "и не являются откалиброванными рисками. База знаний {kb}."
        ),
    },
}


def report_text(key: str, lang: Lang, **values: str) -> str:
    text = REPORT[key][lang]
    return text.format(**values) if values else text
