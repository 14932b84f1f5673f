"""The database tables. Changing one needs a new migration in `store/migrations/versions`."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", String(36), primary_key=True),
    # SHA-256 (hex) of the access token; the token itself is never stored
    Column("token_hash", String(64), nullable=False),
    # InterviewState as JSON (model_dump_json), so the engine owns its shape
    Column("state", Text, nullable=False),
    Column("kb_version", String(64), nullable=False),
    # optimistic lock: every save needs the version it read and bumps it
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

diaries = Table(
    "diaries",
    metadata,
    Column("id", String(36), primary_key=True),
    # SHA-256 (hex) of the access token; the token itself is never stored
    Column("token_hash", String(64), nullable=False),
    Column("lang", String(8), nullable=False),
    # the day entries as a JSON list (DayEntry.model_dump, defaults left out), sorted by date
    Column("entries", Text, nullable=False),
    # optimistic lock, as for interviews
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
