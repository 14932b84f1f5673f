"""Persistence: interviews and diaries in SQLite (default) or PostgreSQL, behind small repositories.

`repository_for(settings)` opens the database named by the settings, runs the Alembic
migrations (serialised across processes) and returns an `InterviewRepository`; a
`SqlDiaryRepository` over the same engine keeps the bleeding diaries.
"""

from bleedcheck.store.diaries import SqlDiaryRepository
from bleedcheck.store.repository import (
    DiaryRepository,
    InterviewRepository,
    StoredDiary,
    StoredInterview,
)
from bleedcheck.store.sql import SqlInterviewRepository, open_repository, repository_for

__all__ = [
    "DiaryRepository",
    "InterviewRepository",
    "SqlDiaryRepository",
    "SqlInterviewRepository",
    "StoredDiary",
    "StoredInterview",
    "open_repository",
    "repository_for",
]
