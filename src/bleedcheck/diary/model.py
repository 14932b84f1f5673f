"""A bleeding diary: one entry per day, the flow that day and a few optional flags."""

from __future__ import annotations

import datetime as dt
import itertools
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_PAIN = 10
MAX_PADS = 48  # estimate: more than two an hour around the clock is not a credible count


class Flow(StrEnum):
    """How much she bled that day, lightest first; `level` orders them (0-5)."""

    NONE = "none"
    SPOTTING = "spotting"
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    VERY_HEAVY = "very_heavy"

    @property
    def level(self) -> int:
        return _LEVEL[self]

    @property
    def bleeding(self) -> bool:
        """Any blood at all, spotting included."""
        return self is not Flow.NONE

    @property
    def is_flow(self) -> bool:
        """Light or heavier: more than spotting (what makes a period)."""
        return self.level >= 2

    @property
    def is_heavy(self) -> bool:
        return self.level >= 4


_LEVEL = {flow: i for i, flow in enumerate(Flow)}


class DayEntry(BaseModel):
    """One day of the diary."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    flow: Flow
    after_sex: bool = False  # the bleeding came during or after intercourse
    pain: int | None = Field(default=None, ge=0, le=MAX_PAIN)
    clots: bool = False
    pads_changed: int | None = Field(default=None, ge=0, le=MAX_PADS)
    note: str | None = None

    @field_validator("note")
    @classmethod
    def _blank_note_is_none(cls, note: str | None) -> str | None:
        return note.strip() or None if note is not None else None


class Diary(BaseModel):
    """Day entries, sorted by date, at most one a day.

    The diary is taken as complete: a day that has no entry is a day without bleeding.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    entries: tuple[DayEntry, ...] = ()

    @field_validator("entries")
    @classmethod
    def _sorted_and_unique(cls, entries: tuple[DayEntry, ...]) -> tuple[DayEntry, ...]:
        ordered = tuple(sorted(entries, key=lambda e: e.date))
        for before, after in itertools.pairwise(ordered):
            if before.date == after.date:
                raise ValueError(f"two entries for {after.date.isoformat()}")
        return ordered

    @property
    def first(self) -> dt.date | None:
        return self.entries[0].date if self.entries else None

    @property
    def last(self) -> dt.date | None:
        return self.entries[-1].date if self.entries else None

    def by_date(self) -> dict[dt.date, DayEntry]:
        return {e.date: e for e in self.entries}

    def bleeding_days(self) -> list[DayEntry]:
        return [e for e in self.entries if e.flow.bleeding]
