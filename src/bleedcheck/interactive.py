"""The interview in a terminal: one question at a time, back, don't know, progress.

An adapter only: the questions, their order and the stopping rule come from
`bleedcheck.engine.interview`; this module reads keys and prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.interview import (
    InterviewState,
    Question,
    answer,
    current_step,
    start,
    undo,
)
from bleedcheck.errors import AnswerError
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Assessment, Evidence, Lang, TriageLevel

BACK = object()

_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "bleedcheck interview", "ru": "bleedcheck: опрос"},
    "intro": {
        "en": "Answer one question at a time. Type b to go back, ? if you don't know. If you feel faint or bleed heavily, stop and call {number}.",
        "ru": "Отвечайте по одному вопросу. Введите b, чтобы вернуться назад, ? — если не знаете. Если вам плохо или кровотечение сильное, прервите опрос и вызовите {number}.",
    },
    "question": {"en": "Question", "ru": "Вопрос"},
    "yes_no": {
        "en": "y = yes, n = no, ? = don't know, b = back",
        "ru": "д = да, н = нет, ? = не знаю, b = назад",
    },
    "checklist": {
        "en": "Numbers of all that apply, separated by commas; 0 = none of these; ? = don't know; b = back",
        "ru": "Номера всех подходящих вариантов через запятую; 0 = ничего из этого; ? = не знаю; b = назад",
    },
    "choice": {
        "en": "One number; 0 = none of these; ? = don't know; b = back",
        "ru": "Один номер; 0 = ничего из этого; ? = не знаю; b = назад",
    },
    "number": {
        "en": "Age in years; ? = don't know; b = back",
        "ru": "Возраст в годах; ? = не знаю; b = назад",
    },
    "invalid": {"en": "Sorry, I did not understand that.", "ru": "Извините, я не поняла ответ."},
    "start_of": {"en": "This is the first question.", "ru": "Это первый вопрос."},
    "stopped": {"en": "Interview stopped", "ru": "Опрос остановлен"},
    "understood": {
        "en": "From your description I understood:",
        "ru": "Из вашего описания я поняла:",
    },
    "nothing": {
        "en": "I could not recognise anything specific in the description, so let's start with the questions.",
        "ru": "Я не смогла распознать в описании ничего конкретного, поэтому начнём с вопросов.",
    },
    "other_lang": {
        "en": "The description looks like Russian; use --lang ru for a Russian interview. Continuing in English.",
        "ru": "Описание похоже на английский текст; для опроса на английском используйте --lang en. Продолжаю на русском.",
    },
    "empty": {"en": "The description is empty.", "ru": "Описание пустое."},
    "present": {"en": "yes", "ru": "да"},
    "absent": {"en": "no", "ru": "нет"},
}

_YES = {"y", "yes", "д", "да", "1"}
_NO = {"n", "no", "н", "нет", "2"}
_UNKNOWN = {"?", "d", "dk", "don't know", "dont know", "не знаю", "нз", "3"}
_BACK = {"b", "back", "назад", "<"}


def w(key: str, lang: Lang, **values: str) -> str:
    text = _WORDS[key][lang]
    return text.format(**values) if values else text


def parse_reply(question: Question, reply: str) -> Any:
    """Turn what she typed into an answer value; raise AnswerError when it does not fit."""
    text = reply.strip().lower()
    if text in _BACK:
        return BACK
    if question.kind == "yes_no":
        if text in _YES:
            return "yes"
        if text in _NO:
            return "no"
        if text in _UNKNOWN:
            return "unknown"
        raise AnswerError("expected y, n or ?")
    if text in _UNKNOWN:
        return "unknown"
    if question.kind == "number":
        try:
            return float(text)
        except ValueError:
            raise AnswerError("expected a number of years") from None
    if text in {"0", "none", "ничего"}:
        return "none"
    ids = [o.id for o in question.options]
    try:
        numbers = [int(part) for part in text.replace(" ", ",").split(",") if part]
    except ValueError:
        raise AnswerError("expected option numbers") from None
    if not numbers or any(not 1 <= n <= len(ids) for n in numbers):
        raise AnswerError(f"expected numbers from 1 to {len(ids)}")
    if question.kind == "choice":
        if len(numbers) != 1:
            raise AnswerError("expected one number")
        return ids[numbers[0] - 1]
    return [ids[n - 1] for n in numbers]


def run_interview(
    ckb: CompiledKB,
    console: Console,
    read: Callable[[str], str],
    lang: Lang,
    region: str,
    prefilled: Evidence | None = None,
) -> Assessment:
    """Ask until the engine says stop; return the final assessment."""
    from bleedcheck.engine.triage import region_numbers

    number, _ = region_numbers(ckb, region)
    console.print(f"[bold]{w('title', lang)}[/]", highlight=False)
    console.print(w("intro", lang, number=number), highlight=False)
    state: InterviewState = start(lang=lang, region=region, prefilled=prefilled)
    warned = False
    while True:
        step = current_step(ckb, state)
        if step.level.rank >= TriageLevel.EMERGENCY.rank and not warned:
            texts = ckb.kb.rulebook.levels[step.level]
            action = texts.action.get(lang).replace("{emergency_number}", number)
            console.print(
                f"\n[bold white on red] {texts.label.get(lang)} [/] {action.replace('{general_number}', '112')}",
                highlight=False,
            )
            warned = True
        if step.should_stop or step.question is None:
            console.print(f"\n[bold]{w('stopped', lang)}:[/] {step.reason}", highlight=False)
            break
        question = step.question
        bar = "█" * round(step.progress * 20) + "░" * (20 - round(step.progress * 20))
        console.print(
            f"\n[bold cyan]{w('question', lang)} {state.step}[/] {bar} {step.progress:.0%}",
            highlight=False,
        )
        console.print(f"[bold]{question.text}[/]", highlight=False)
        if question.rationale:
            console.print(f"[dim]({question.rationale})[/]", highlight=False)
        for i, option in enumerate(question.options, start=1):
            mark = ""
            if option.prefill.value != "unknown":
                mark = f"  [dim][{w(option.prefill.value, lang)}][/]"
            console.print(f"  {i}. {option.text}{mark}", highlight=False)
        hint = w(question.kind if question.kind in _WORDS else "yes_no", lang)
        while True:
            reply = read(f"{hint}\n> ")
            try:
                value = parse_reply(question, reply)
                if value is BACK:
                    if not state.history:
                        console.print(w("start_of", lang), highlight=False)
                        break
                    state = undo(state)
                    break
                state = answer(ckb, state, state.step, question.id, value)
                break
            except AnswerError as exc:
                console.print(f"[yellow]{w('invalid', lang)}[/] {exc}. {hint}", highlight=False)
    return assess_evidence(ckb, state.evidence(ckb), lang=lang, region=region)
