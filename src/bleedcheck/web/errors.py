"""Friendly error pages for browsers; the REST API keeps its problem+json answers.

The web routes catch the errors they expect and render a page themselves. What is left
(an unknown path, a wrong method, an unexpected exception) reaches the app's exception
handlers: for a browser asking for HTML on a web path this module answers with a page, and
hands everything else to the handler that was there before (the API's).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.exception_handlers import http_exception_handler
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bleedcheck.errors import (
    AnswerError,
    BleedcheckError,
    EvidenceError,
    NotFound,
    StaleAnswer,
    StorageError,
)

API_PREFIXES = ("/v1/", "/docs", "/redoc", "/openapi.json", "/healthz")
DOMAIN_STATUS: tuple[tuple[type[BleedcheckError], int], ...] = (
    (NotFound, 404),
    (StaleAnswer, 409),
    (AnswerError, 422),
    (EvidenceError, 422),
    (StorageError, 503),
)

Handler = Callable[[Request, Any], Any]
ErrorPage = Callable[[Request, int], Response]


def wants_html(request: Request) -> bool:
    """A browser on a web path (API clients and API paths keep problem+json)."""
    if request.url.path.startswith(API_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")


def status_of(exc: BleedcheckError) -> int:
    return next((status for kind, status in DOMAIN_STATUS if isinstance(exc, kind)), 500)


async def _delegate(
    handler: Handler | None, request: Request, exc: Any, error_page: ErrorPage
) -> Response:
    if handler is None:
        if isinstance(exc, HTTPException):
            return await http_exception_handler(request, exc)
        return error_page(request, 500)
    result = handler(request, exc)
    if inspect.isawaitable(result):
        result = await result
    if not isinstance(result, Response):
        raise TypeError("an exception handler must return a Response")
    return result


def chain_error_pages(app: FastAPI, error_page: ErrorPage) -> None:
    """Put page-rendering handlers in front of the app's existing exception handlers."""
    previous_http: Handler | None = app.exception_handlers.get(HTTPException)
    previous_domain: Handler | None = app.exception_handlers.get(BleedcheckError)
    previous_500: Handler | None = app.exception_handlers.get(Exception) or (
        app.exception_handlers.get(500)
    )

    async def http_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException) and wants_html(request):
            return await run_in_threadpool(error_page, request, exc.status_code)
        return await _delegate(previous_http, request, exc, error_page)

    async def domain_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, BleedcheckError) and wants_html(request):
            return await run_in_threadpool(error_page, request, status_of(exc))
        return await _delegate(previous_domain or previous_500, request, exc, error_page)

    async def server_error(request: Request, exc: Exception) -> Response:
        if wants_html(request):
            return error_page(request, 500)
        return await _delegate(previous_500, request, exc, error_page)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(BleedcheckError, domain_error)
    app.add_exception_handler(Exception, server_error)
