"""The interview repository interface, shared by the REST API and the web pages."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bleedcheck.engine.interview import InterviewState


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
