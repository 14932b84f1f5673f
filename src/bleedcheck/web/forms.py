"""HTML form fields <-> interview answer values.

Every question page posts `step`, `question_id` and its answer:
- yes_no and choice: one radio `answer` (yes/no/unknown, or an option id/unknown);
- checklist: checkboxes `answer` (option ids, or `none`, or `unknown`);
- number (age): a text field `age`, or the button `answer=unknown`.
Anything that does not fit raises `FormProblem` with a page-string key, so the question is
shown again with a friendly message instead of an error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bleedcheck.engine.interview import Question
from bleedcheck.vocab import Evidence, Presence

NONE = "none"
UNKNOWN = "unknown"
MAX_FIELD = 200  # no legitimate field value is longer than this

AnswerValue = str | float | list[str]


@dataclass(frozen=True)
class FormProblem(Exception):
    """A posted form does not answer the question.

    `key` names the page string to show; `values` fill its placeholders with other page
    strings (named by their keys, translated when the page is rendered).
    """

    key: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Posted:
    """The fields of one posted question form, already size-checked."""

    step: int
    question_id: str
    answers: tuple[str, ...]
    age: str


def read_posted(fields: Mapping[str, Sequence[str]]) -> Posted:
    """Pull the known fields out of a form; a missing or garbled step is a bad request."""

    def one(name: str) -> str:
        values = fields.get(name) or [""]
        return values[0].strip()

    answers = tuple(fields.get("answer") or ())
    if any(len(a) > MAX_FIELD for a in answers) or len(one("age")) > MAX_FIELD:
        raise FormProblem("bad_request_text")
    try:
        step = int(one("step"))
    except ValueError:
        raise FormProblem("bad_request_text") from None
    return Posted(step=step, question_id=one("question_id"), answers=answers, age=one("age"))


def answer_value(question: Question, posted: Posted) -> AnswerValue:
    """The engine's answer value for a posted form, or `FormProblem`."""
    chosen = [a for a in posted.answers if a]
    if question.kind == "number":
        if UNKNOWN in chosen:
            return UNKNOWN
        return _age(posted.age)
    if question.kind == "checklist":
        return _checklist(question, chosen)
    # yes_no and choice: exactly one radio
    allowed = (
        ["yes", "no", UNKNOWN]
        if question.kind == "yes_no"
        else [*(o.id for o in question.options), UNKNOWN]
    )
    if len(chosen) != 1 or chosen[0] not in allowed:
        raise FormProblem("error_choose")
    return chosen[0]


def _age(raw: str) -> float:
    try:
        age = float(raw.replace(",", "."))
    except ValueError:
        raise FormProblem("error_age") from None
    if not math.isfinite(age) or not 1 <= age <= 120:
        raise FormProblem("error_age")
    return age


def _checklist(question: Question, chosen: list[str]) -> AnswerValue:
    options = {o.id for o in question.options}
    if not chosen:
        raise FormProblem("error_choose")
    if any(c not in options and c not in (NONE, UNKNOWN) for c in chosen):
        raise FormProblem("error_answer")
    ticked = sorted(set(chosen) & options)
    if NONE in chosen and (ticked or UNKNOWN in chosen):
        raise FormProblem("error_conflict", {"choice": "none_of_these"})
    if UNKNOWN in chosen and ticked:
        raise FormProblem("error_conflict", {"choice": "dont_know"})
    if NONE in chosen:
        return NONE
    if UNKNOWN in chosen:
        return UNKNOWN
    return ticked


def preselected(
    question: Question, evidence: Evidence, from_text: set[str]
) -> tuple[set[str], set[str]]:
    """Field values to show checked (answers known from the description or earlier pages)
    and those of them that came from the description, to be marked for checking."""
    selected: set[str] = set()
    notes: set[str] = set()
    if question.kind == "yes_no":
        known = evidence.state(question.id)
        if known is not Presence.UNKNOWN:
            value = "yes" if known is Presence.PRESENT else "no"
            selected.add(value)
            if question.id in from_text:
                notes.add(value)
        return selected, notes
    if question.kind == "number":
        return selected, notes
    for option in question.options:
        if option.prefill is Presence.PRESENT:
            selected.add(option.id)
            if option.id in from_text:
                notes.add(option.id)
    options = question.options
    if (
        question.kind == "checklist"
        and options
        and all(o.prefill is Presence.ABSENT for o in options)
    ):
        selected.add(NONE)
    return selected, notes
