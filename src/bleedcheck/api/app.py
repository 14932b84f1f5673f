"""The application factory. Processes keep no interview state: any of them can serve any
request, so several can run behind a load balancer with one PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from bleedcheck.api.limits import BodySizeLimit
from bleedcheck.api.problems import PROBLEM_JSON, install_problem_handler
from bleedcheck.api.routes import cases, diaries, health, interviews, reference, reports
from bleedcheck.api.schemas import Problem
from bleedcheck.knowledge.compile import compiled
from bleedcheck.settings import Settings, software_version
from bleedcheck.store.diaries import SqlDiaryRepository
from bleedcheck.store.sql import open_repository
from bleedcheck.web.routes import mount_web


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready application: knowledge base compiled, database migrated, routes mounted."""
    settings = settings or Settings.from_env()
    ckb = compiled()
    repository = open_repository(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        repository.close()

    app = FastAPI(
        title="bleedcheck",
        version=software_version(),
        summary="Triage and information for abnormal vaginal bleeding.",
        description=(
            "Not a diagnosis. Errors are `application/problem+json` (RFC 9457). "
            f"Knowledge base version {ckb.version}."
        ),
        lifespan=lifespan,
        responses={
            "4XX": {"model": Problem, "content": {PROBLEM_JSON: {}}},
            "5XX": {"model": Problem, "content": {PROBLEM_JSON: {}}},
        },
    )
    app.state.settings = settings
    app.state.repository = repository
    app.state.diaries = diary_repository = SqlDiaryRepository(repository.engine)
    install_problem_handler(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    for module in (health, cases, reference, interviews, diaries, reports):
        app.include_router(module.router)
    mount_web(app, settings, repository, diary_repository)
    return app
