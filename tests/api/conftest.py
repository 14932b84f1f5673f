from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from bleedcheck.api import create_app
from bleedcheck.settings import Settings
from tests.databases import database_url  # noqa: F401  (fixture)

with warnings.catch_warnings():
    # Starlette >= 1.x prefers the httpx2 package for its test client; until it is a dev
    # dependency, this one import-time notice is expected (nothing else is silenced).
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient` is deprecated",
    )
    from starlette.testclient import TestClient


@pytest.fixture
def settings(database_url: str) -> Settings:  # noqa: F811
    return Settings(database_url=database_url)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client
