"""Typed dependencies of the routes: settings, repository, knowledge base, language, token.

They are `async def` although they never await: FastAPI runs plain `def` dependencies in a
worker thread, a hop that would cost more than the dependency itself.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from bleedcheck.engine.evidence import complete
from bleedcheck.errors import did_you_mean
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.settings import Settings
from bleedcheck.store.repository import DiaryRepository, InterviewRepository
from bleedcheck.vocab import LANGS, Evidence, Lang, Presence
from bleedcheck.web.render import DIARY_COOKIE, split_diary_cookie

TOKEN_COOKIE = "bleedcheck_token"

_bearer = HTTPBearer(
    auto_error=False,
    description="The access token of an interview or a diary, from POST /v1/interviews or "
    "POST /v1/diaries.",
)
_cookie = APIKeyCookie(
    name=TOKEN_COOKIE,
    auto_error=False,
    description="The same token in an HttpOnly SameSite cookie (set by the web pages).",
)
_diary_cookie = APIKeyCookie(
    name=DIARY_COOKIE,
    auto_error=False,
    description="A diary's id and token in an HttpOnly SameSite cookie (set by the diary page).",
)


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_repository(request: Request) -> InterviewRepository:
    repository: InterviewRepository = request.app.state.repository
    return repository


async def get_diaries(request: Request) -> DiaryRepository:
    diaries: DiaryRepository = request.app.state.diaries
    return diaries


async def get_kb() -> CompiledKB:
    return compiled()


def negotiate_lang(header: str | None, default: Lang = "en") -> Lang:
    """The supported language the `Accept-Language` header prefers most."""
    if not header:
        return default
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0 or not 0 <= quality <= 1:
            continue
        if primary == "*":
            primary = default
        if primary in LANGS:
            lang: Lang = "ru" if primary == "ru" else "en"
            candidate = (-quality, position, lang)
            if best is None or candidate < best:
                best = candidate
    return best[2] if best else default


async def get_lang(
    settings: Annotated[Settings, Depends(get_settings)],
    accept_language: Annotated[
        str | None,
        Header(description="en or ru; a `lang` field in the body wins.", max_length=500),
    ] = None,
) -> Lang:
    return negotiate_lang(accept_language, settings.default_lang)


async def get_token(
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> str:
    """The access token from `Authorization: Bearer` (or the web cookie); '' if none."""
    return _bearer_token(bearer) or cookie or ""


def _bearer_token(bearer: HTTPAuthorizationCredentials | None) -> str:
    return bearer.credentials if bearer is not None and bearer.scheme.lower() == "bearer" else ""


async def get_diary_token(
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_diary_cookie)],
) -> str:
    """A diary's token from `Authorization: Bearer` (or the diary cookie); '' if none."""
    return _bearer_token(bearer) or split_diary_cookie(cookie or "")[1]


def evidence_of(
    ckb: CompiledKB,
    findings: dict[str, Presence],
    age: float | None,
    field: str = "evidence",
) -> Evidence:
    """Validated, completed evidence; unknown finding ids are named by their body path."""
    unknown = [f for f in findings if f not in ckb.finding_index]
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", field, f),
                    "type": "unknown_finding",
                    "msg": f"unknown finding '{f}'{did_you_mean(f, ckb.finding_ids)}",
                }
                for f in unknown
            ]
        )
    known = {f: s for f, s in findings.items() if s is not Presence.UNKNOWN}
    return complete(ckb, Evidence(findings=known, age=age))


SettingsDep = Annotated[Settings, Depends(get_settings)]
RepositoryDep = Annotated[InterviewRepository, Depends(get_repository)]
KBDep = Annotated[CompiledKB, Depends(get_kb)]
LangDep = Annotated[Lang, Depends(get_lang)]
TokenDep = Annotated[str, Depends(get_token)]
DiaryRepositoryDep = Annotated[DiaryRepository, Depends(get_diaries)]
DiaryTokenDep = Annotated[str, Depends(get_diary_token)]
