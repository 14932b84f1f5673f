"""Errors as RFC 9457 problem details: one handler for every exception the API can meet.

The core raises `BleedcheckError`s; this module alone decides their HTTP status. Bad input
is never a 500: validation errors name each bad field by its path.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from bleedcheck.errors import (
    AnswerError,
    BleedcheckError,
    CaseFileError,
    DiaryError,
    EvidenceError,
    NotFound,
    StaleAnswer,
    StorageError,
)

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:bleedcheck:problem:"
log = logging.getLogger("bleedcheck.api")

# exception class -> (status, problem type); the first match in this order wins
_DOMAIN: tuple[tuple[type[BleedcheckError], int, str], ...] = (
    (StaleAnswer, 409, "stale-step"),
    (AnswerError, 422, "invalid-answer"),
    (EvidenceError, 422, "invalid-evidence"),
    (CaseFileError, 400, "invalid-case"),
    (DiaryError, 422, "invalid-diary"),
    (NotFound, 404, "not-found"),
    (StorageError, 503, "storage-unavailable"),
)


class ProblemJSONResponse(JSONResponse):
    media_type = PROBLEM_JSON


def problem(
    request: Request,
    status: int,
    slug: str,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + slug,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = errors
    return ProblemJSONResponse(body, status_code=status, headers=headers)


def _pointer(loc: tuple[int | str, ...]) -> str:
    """JSON pointer (RFC 6901) into the body, or the parameter name."""
    if loc and loc[0] == "body":
        parts = [str(p).replace("~", "~0").replace("/", "~1") for p in loc[1:]]
        return "/" + "/".join(parts) if parts else ""
    return ".".join(str(p) for p in loc)


def _field_errors(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    errors: list[dict[str, Any]] = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        kind = str(error.get("type", "invalid"))
        message = str(error.get("msg", "invalid value"))
        if kind == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            where = f" at character {loc[1]}" if len(loc) > 1 else ""
            message = f"the body is not valid JSON{where}: {reason}".rstrip(": ")
            loc = ("body",)
        errors.append(
            {"loc": list(loc), "pointer": _pointer(loc), "type": kind, "message": message}
        )
    if not errors:
        return "the request is invalid", errors
    first = errors[0]
    where = first["pointer"] or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['message']}{more}", errors


def _status_slug(status: int) -> str:
    return {
        404: "not-found",
        405: "method-not-allowed",
        413: "body-too-large",
        415: "unsupported-media-type",
    }.get(status, HTTPStatus(status).phrase.lower().replace(" ", "-"))


async def handle_exception(request: Request, exc: Exception) -> Response:
    """The single exception handler of the API."""
    if isinstance(exc, RequestValidationError):
        detail, errors = _field_errors(exc)
        return problem(request, 422, "validation-error", detail, errors)
    if isinstance(exc, HTTPException):
        status = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).phrase
        headers = dict(exc.headers) if exc.headers else None
        return problem(request, status, _status_slug(status), detail, headers=headers)
    if isinstance(exc, BleedcheckError):
        for kind, status, slug in _DOMAIN:
            if isinstance(exc, kind):
                headers = {"Retry-After": "1"} if status == 503 else None
                if status == 503:
                    log.warning("storage error on %s: %s", request.url.path, exc)
                return problem(request, status, slug, str(exc), headers=headers)
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    return problem(request, 500, "internal-error", "an unexpected error occurred")


def install_problem_handler(app: FastAPI) -> None:
    for kind in (RequestValidationError, HTTPException, BleedcheckError, Exception):
        app.add_exception_handler(kind, handle_exception)
