from __future__ import annotations

from collections.abc import Iterator

import pytest

from bleedcheck.settings import Settings
from bleedcheck.store.sql import SqlInterviewRepository, open_repository
from tests.databases import database_url  # noqa: F401  (fixture)


@pytest.fixture
def repository(database_url: str) -> Iterator[SqlInterviewRepository]:  # noqa: F811
    repo = open_repository(Settings(database_url=database_url))
    yield repo
    repo.close()
