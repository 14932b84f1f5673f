"""Bleeding diaries, persisted: import, read with the analysis, change one day, chart, assess.

Like interviews, a diary is opened by its id plus the access token returned once at creation,
sent as `Authorization: Bearer` (or the diary page's HttpOnly cookie); a wrong or missing
token gets the same 404 as an unknown id. Imports are all or nothing: an entry or a file line
that does not pass gets 422 naming it, and nothing is stored.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query
from fastapi.exceptions import RequestValidationError
from starlette.responses import Response

from bleedcheck.api.deps import (
    DiaryRepositoryDep,
    DiaryTokenDep,
    KBDep,
    LangDep,
    SettingsDep,
)
from bleedcheck.api.diary_schemas import (
    DayFields,
    DiaryAssessmentIn,
    DiaryAssessmentOut,
    DiaryCreated,
    DiaryIn,
    DiaryOut,
)
from bleedcheck.api.routes.interviews import NO_STORE
from bleedcheck.api.schemas import render
from bleedcheck.diary.analyse import analyse_so_far
from bleedcheck.diary.chart import chart_svg
from bleedcheck.diary.findings import diary_findings, evidence_from_analysis
from bleedcheck.diary.importer import diary_from_objects, latest_entry_day, parse_diary
from bleedcheck.diary.model import DayEntry, Diary
from bleedcheck.engine.assess import assess_evidence
from bleedcheck.errors import DiaryError
from bleedcheck.store.repository import StoredDiary
from bleedcheck.vocab import Lang

router = APIRouter(prefix="/v1/diaries", tags=["diaries"])
SVG = "image/svg+xml"
# "entries: entry 3, flow: ..." / "file: line 4, date: ..." in the importer's messages
_WHERE = re.compile(r": (?:entry|line) (\d+)(?:, (\w+))?: ")
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown diary, or a wrong or missing token."}
}
INVALID: dict[int | str, dict[str, Any]] = {
    422: {"description": "An entry or the file is invalid (problem+json naming it)."}
}
DayPath = Annotated[
    str, Path(min_length=1, max_length=10, description="YYYY-MM-DD", examples=["2026-03-01"])
]
DiaryIdPath = Annotated[str, Path(min_length=1, max_length=64)]
AgeQuery = Annotated[
    float | None,
    Query(
        ge=0,
        le=120,
        allow_inf_nan=False,
        description="Age in years (sets FIGO's regularity limit).",
    ),
]


def invalid(exc: DiaryError, loc: tuple[str, ...], entries: bool = False) -> RequestValidationError:
    """The importer's message as a 422 naming the field: `/entries/2/flow`, `/file`..."""
    message = str(exc)
    where: tuple[str | int, ...] = loc
    found = _WHERE.search(message)
    if entries and found:
        where = (*loc, int(found[1]) - 1, *((found[2],) if found[2] else ()))
    return RequestValidationError([{"loc": where, "type": "invalid_diary", "msg": message}])


def diary_from_body(body: DiaryIn) -> Diary:
    try:
        if body.entries is not None:
            items = [e.model_dump(exclude_none=True) for e in body.entries]
            return diary_from_objects(items, source="entries", today=latest_entry_day())
        return parse_diary(body.file or "", body.format, source="file", today=latest_entry_day())
    except DiaryError as exc:
        raise (
            invalid(exc, ("body", "entries"), entries=True)
            if body.entries is not None
            else invalid(exc, ("body", "file"))
        ) from None


def day_entry(day: str, fields: DayFields | None = None) -> DayEntry:
    """One day from the path date and the body's fields, checked as a diary entry."""
    raw: dict[str, object] = {"date": day, "flow": "none"}
    if fields is not None:
        raw.update(fields.model_dump(exclude_none=True))
    source = f"day {day}"
    try:
        return diary_from_objects([raw], source=source, today=latest_entry_day()).entries[0]
    except DiaryError as exc:
        message = str(exc).replace(f"{source}: entry 1", source, 1)
        found = _WHERE.search(str(exc))
        field = found[2] if found and found[2] else "date"
        loc = ("path", "day") if field == "date" else ("body", field)
        raise RequestValidationError(
            [{"loc": loc, "type": "invalid_diary", "msg": message}]
        ) from None


def view(record: StoredDiary, age: float | None = None) -> DiaryOut:
    analysis = analyse_so_far(record.diary, age)
    return DiaryOut(
        id=record.id,
        lang=record.lang,
        version=record.version,
        created_at=record.created_at,
        updated_at=record.updated_at,
        entries=list(record.diary.entries),
        analysis=analysis,
        findings=diary_findings(analysis) if analysis is not None else [],
        chart=f"{router.prefix}/{record.id}/chart.svg",
    )


@router.post("", status_code=201, response_model=DiaryCreated, responses=INVALID)
def create(body: DiaryIn, diaries: DiaryRepositoryDep, header_lang: LangDep) -> Response:
    """Store a new diary from its entries or a file's text; returns its id and token (once)."""
    diary = diary_from_body(body)  # fails before anything is stored
    record, token = diaries.create(diary=diary, lang=body.lang or header_lang)
    out = DiaryCreated(**view(record).model_dump(), token=token)
    headers = {**NO_STORE, "Location": f"{router.prefix}/{record.id}"}
    return render(out, status=201, headers=headers)


@router.get("/{diary_id}", response_model=DiaryOut, responses=NOT_FOUND)
def get(
    diary_id: DiaryIdPath, token: DiaryTokenDep, diaries: DiaryRepositoryDep, age: AgeQuery = None
) -> Response:
    """The entries, periods and cycles, the FIGO classification and the findings it shows."""
    return render(view(diaries.get(diary_id=diary_id, token=token), age), headers=NO_STORE)


@router.put("/{diary_id}", response_model=DiaryOut, responses={**NOT_FOUND, **INVALID})
def replace(
    diary_id: DiaryIdPath, body: DiaryIn, token: DiaryTokenDep, diaries: DiaryRepositoryDep
) -> Response:
    """Replace every entry (a new import); an invalid import leaves the diary as it was."""
    record = diaries.get(diary_id=diary_id, token=token)
    diary = diary_from_body(body)
    saved = diaries.replace(
        record=record.model_copy(update={"diary": diary, "lang": body.lang or record.lang})
    )
    return render(view(saved), headers=NO_STORE)


@router.put("/{diary_id}/days/{day}", response_model=DiaryOut, responses={**NOT_FOUND, **INVALID})
def set_day(
    diary_id: DiaryIdPath,
    day: DayPath,
    body: DayFields,
    token: DiaryTokenDep,
    diaries: DiaryRepositoryDep,
) -> Response:
    """Add the day, or change it if it is there."""
    entry = day_entry(day, body)
    saved = diaries.set_day(diary_id=diary_id, token=token, entry=entry)
    return render(view(saved), headers=NO_STORE)


@router.delete(
    "/{diary_id}/days/{day}", response_model=DiaryOut, responses={**NOT_FOUND, **INVALID}
)
def clear_day(
    diary_id: DiaryIdPath, day: DayPath, token: DiaryTokenDep, diaries: DiaryRepositoryDep
) -> Response:
    """Remove the day's entry (a day without one counts as a day without bleeding)."""
    saved = diaries.clear_day(diary_id=diary_id, token=token, day=day_entry(day).date)
    return render(view(saved), headers=NO_STORE)


@router.get(
    "/{diary_id}/chart.svg",
    response_class=Response,
    responses={
        200: {"content": {SVG: {}}, "description": "The chart, with a <title> and <desc>."},
        **NOT_FOUND,
        **INVALID,
    },
)
def chart(
    diary_id: DiaryIdPath,
    token: DiaryTokenDep,
    diaries: DiaryRepositoryDep,
    lang: Annotated[Lang | None, Query(description="Default: the diary's language.")] = None,
) -> Response:
    """The diary drawn: flow a day, periods shaded, bleeding between periods and after sex."""
    record = diaries.get(diary_id=diary_id, token=token)
    analysis = analyse_so_far(record.diary)
    if analysis is None:
        raise DiaryError("the diary is empty: no day entries to draw")
    svg = chart_svg(record.diary, lang or record.lang, analysis=analysis)
    headers = {
        **NO_STORE,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff",
    }
    return Response(svg, media_type=SVG, headers=headers)


@router.post(
    "/{diary_id}/assessment",
    response_model=DiaryAssessmentOut,
    responses={**NOT_FOUND, **INVALID},
)
def assessment(
    diary_id: DiaryIdPath,
    token: DiaryTokenDep,
    diaries: DiaryRepositoryDep,
    ckb: KBDep,
    settings: SettingsDep,
    body: Annotated[DiaryAssessmentIn | None, Body()] = None,
) -> Response:
    """The engine's assessment of what the diary shows (urgency, likely causes, tests)."""
    body = body or DiaryAssessmentIn()
    record = diaries.get(diary_id=diary_id, token=token)
    analysis = analyse_so_far(record.diary, body.age)
    if analysis is None:
        raise DiaryError("the diary is empty: add days before asking for an assessment")
    lang: Lang = body.lang or record.lang
    result = assess_evidence(
        ckb,
        evidence_from_analysis(ckb, analysis),
        lang,
        body.region or settings.default_region,
    )
    out = DiaryAssessmentOut(
        kb_version=ckb.version, findings=diary_findings(analysis), assessment=result
    )
    return render(out, headers=NO_STORE, lang=lang)
