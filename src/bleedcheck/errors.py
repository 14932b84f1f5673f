"""One exception tree for the whole package.

::

    BleedcheckError
     ├── KnowledgeError      a knowledge-base file is missing, malformed or inconsistent
     ├── EvidenceError       a case or evidence is invalid (unknown finding, bad age, two bands)
     ├── CaseFileError       a case file cannot be read or parsed (line and column given)
     ├── DiaryError          a bleeding diary cannot be imported (file, row and field given)
     ├── AnswerError         an interview answer does not fit the question that was asked
     ├── StaleAnswer         an interview answer refers to an old step, or a stored record
     │                       changed since it was read (HTTP 409)
     ├── StorageError        the database cannot store or load a record
     └── NotFound            a requested id does not exist

The core raises these; adapters (CLI, API, web) translate them into a one-line message,
an exit status or a problem+json response.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class BleedcheckError(Exception):
    """Base class of every error bleedcheck raises on purpose."""


class KnowledgeError(BleedcheckError):
    """The knowledge base is malformed: names the file, the key path and the reason."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {reason}")


class EvidenceError(BleedcheckError):
    """Evidence or a case is invalid."""


class CaseFileError(BleedcheckError):
    """A case file could not be read or parsed."""


class DiaryError(BleedcheckError):
    """A bleeding diary could not be imported: names the file, the row or entry and the field."""


class AnswerError(BleedcheckError):
    """An interview answer does not fit the question that was asked."""


class StaleAnswer(BleedcheckError):
    """An interview answer carries a step number that is no longer current, or a stored
    record (interview, diary) changed between reading and writing it."""


class StorageError(BleedcheckError):
    """The database could not store or load a record."""


class NotFound(BleedcheckError):
    """A requested id (condition, finding, test) does not exist."""


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The nearest valid ids to a mistyped one, for 'did you mean' hints."""
    pool = list(candidates)
    found = difflib.get_close_matches(word, pool, n=n, cutoff=0.5)
    if not found:
        parts = [p for p in word.lower().split("_") if len(p) > 2]
        found = [c for c in pool if any(p in c for p in parts)][:n]
    return found


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' did you mean ...?' suffix, or '' when nothing is close."""
    near = closest(word, candidates)
    if not near:
        return ""
    return "; did you mean " + " or ".join(f"'{c}'" for c in near) + "?"
