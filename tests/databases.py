"""Test databases: a fresh SQLite file, or a fresh schema in a real PostgreSQL server.

PostgreSQL comes from BLEEDCHECK_TEST_POSTGRES_URL (scripts/test-services.sh sets it up when
run as root). Without it the PostgreSQL half is skipped, except under CI=true, where a
missing server is a failure: CI must run every test on both databases.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "BLEEDCHECK_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if url:
        return url
    reason = f"{POSTGRES_ENV} is not set (run the tests through scripts/test-services.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    return postgres_base_url()


def _schema_url(base: str, schema: str) -> str:
    url = make_url(base)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    url = url.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def fresh_postgres(base: str) -> Iterator[str]:
    """A URL whose connections see only a new, empty schema; dropped afterwards."""
    schema = "test_" + uuid.uuid4().hex[:12]
    engine = create_engine(_schema_url(base, "public"))
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield _schema_url(base, schema)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def fresh_sqlite(directory: Path) -> str:
    return f"sqlite:///{directory / 'bleedcheck.db'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind, by URL."""
    if request.param == "sqlite":
        yield fresh_sqlite(tmp_path)
    else:
        yield from fresh_postgres(postgres_base_url())
