"""Persistence: interviews in SQLite (default) or PostgreSQL, behind a small repository.

`repository_for(settings)` opens the database named by the settings, runs the Alembic
migrations (serialised across processes) and returns an `InterviewRepository`.
"""

from bleedcheck.store.repository import InterviewRepository, StoredInterview
from bleedcheck.store.sql import SqlInterviewRepository, open_repository, repository_for

__all__ = [
    "InterviewRepository",
    "SqlInterviewRepository",
    "StoredInterview",
    "open_repository",
    "repository_for",
]
