"""The repository interfaces (interviews, diaries), shared by the REST API and the web pages."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bleedcheck.diary.model import DayEntry, Diary
from bleedcheck.engine.interview import InterviewState
from bleedcheck.vocab import Lang


class StoredInterview(BaseModel):
    """One persisted interview. `version` increases by one with every save."""

    model_config = ConfigDict(frozen=True)

    id: str
    state: InterviewState
    kb_version: str
    version: int
    created_at: datetime
    updated_at: datetime


class InterviewRepository(Protocol):
    def create(self, *, state: InterviewState, kb_version: str) -> tuple[StoredInterview, str]:
        """Store a new interview; returns the record and its plain access token (shown once)."""
        ...

    def get(self, *, interview_id: str, token: str) -> StoredInterview:
        """The interview, if the token is its own; `NotFound` otherwise (missing or wrong)."""
        ...

    def save(self, *, record: StoredInterview) -> StoredInterview:
        """Write `record.state` if the stored version is still `record.version`.

        Returns the record with the new version; raises `StaleAnswer` if another writer got
        there first and `NotFound` if the interview no longer exists.
        """
        ...


class StoredDiary(BaseModel):
    """One persisted bleeding diary. `version` increases by one with every save."""

    model_config = ConfigDict(frozen=True)

    id: str
    lang: Lang
    diary: Diary
    version: int
    created_at: datetime
    updated_at: datetime


class DiaryRepository(Protocol):
    def create(self, *, diary: Diary, lang: Lang) -> tuple[StoredDiary, str]:
        """Store a new diary (it may be empty); returns it and its plain token (shown once)."""
        ...

    def get(self, *, diary_id: str, token: str) -> StoredDiary:
        """The diary, if the token is its own; `NotFound` otherwise (missing or wrong)."""
        ...

    def replace(self, *, record: StoredDiary) -> StoredDiary:
        """Write `record.diary` whole if the stored version is still `record.version`.

        Raises `StaleAnswer` if another writer got there first, `NotFound` if it is gone.
        """
        ...

    def set_day(self, *, diary_id: str, token: str, entry: DayEntry) -> StoredDiary:
        """Add the day, or change it if it is there; a concurrent change of another day is
        kept (the write is retried on the newer version)."""
        ...

    def clear_day(self, *, diary_id: str, token: str, day: dt.date) -> StoredDiary:
        """Remove the day's entry (nothing changes, and no version is spent, if it has none)."""
        ...
