"""Migrations at start-up: idempotent, serialised across processes; SQLite set-up."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from bleedcheck.errors import StorageError
from bleedcheck.settings import Settings
from bleedcheck.store.migrate import current_revision, migrate
from bleedcheck.store.sql import SqlInterviewRepository, make_engine, open_repository
from bleedcheck.store.sql import database_url as parse_url
from tests.databases import fresh_sqlite

NEWEST = "0002"


def _open(url: str) -> str | None:
    repo = open_repository(Settings(database_url=url))
    try:
        return current_revision(repo.engine)
    finally:
        repo.close()


def test_schema_is_at_the_newest_revision(repository: SqlInterviewRepository) -> None:
    assert current_revision(repository.engine) == NEWEST
    columns = {c["name"] for c in inspect(repository.engine).get_columns("interviews")}
    assert {"id", "token_hash", "state", "kb_version", "version"} <= columns
    diary_columns = {c["name"] for c in inspect(repository.engine).get_columns("diaries")}
    assert {"id", "token_hash", "lang", "entries", "version", "created_at"} <= diary_columns


def test_an_interviews_only_database_gains_the_diaries_table(database_url: str) -> None:
    engine = make_engine(parse_url(database_url))
    try:
        migrate(engine, "0001")
        assert "diaries" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert _open(database_url) == NEWEST


def test_migrating_twice_is_harmless(database_url: str) -> None:
    assert _open(database_url) == _open(database_url) == NEWEST


def test_processes_starting_at_once_migrate_once(database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        revisions = pool.map(_open, [database_url] * 4)
    assert revisions == [NEWEST] * 4


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    repo = open_repository(Settings(database_url=fresh_sqlite(tmp_path)))
    try:
        with repo.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        repo.close()


def test_sqlite_file_and_its_folder_are_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'bleedcheck.db'}"
    assert _open(url) == NEWEST
    assert (tmp_path / "deep" / "er" / "bleedcheck.db").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u@localhost/x", "not supported"),
        ("postgresql+psycopg://nobody:pw@127.0.0.1:1/none", "cannot prepare database"),
    ],
)
def test_bad_database_urls_are_storage_errors(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message) as caught:
        open_repository(Settings(database_url=url))
    assert ":pw@" not in str(caught.value)
