"""Liveness and readiness for load balancers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bleedcheck.api.deps import KBDep
from bleedcheck.api.schemas import Health, render

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    response_model=Health,
    responses={503: {"description": "The database does not answer (problem+json)."}},
)
def healthz(request: Request, ckb: KBDep) -> Response:
    """`ok` when the knowledge base is loaded and the database answers."""
    ping = getattr(request.app.state.repository, "ping", None)
    if ping is not None:
        ping()
    return render(Health(status="ok", kb_version=ckb.version, database="ok"))
