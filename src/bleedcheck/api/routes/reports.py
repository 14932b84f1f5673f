"""Clinician reports: a one-page PDF or a FHIR R4 document bundle, for a case or an interview."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from bleedcheck.api.deps import KBDep, LangDep, RepositoryDep, SettingsDep, TokenDep, evidence_of
from bleedcheck.api.routes.cases import PROBLEMS, region_of
from bleedcheck.api.routes.interviews import NO_STORE, NOT_FOUND
from bleedcheck.api.schemas import ReportIn
from bleedcheck.engine.assess import assess_evidence
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.report.fhir import fhir_bundle
from bleedcheck.report.pdf import clinician_pdf
from bleedcheck.vocab import Assessment, Lang

router = APIRouter(prefix="/v1", tags=["reports"])
PDF = "application/pdf"
FHIR_JSON = "application/fhir+json"
PDF_OK: dict[int | str, dict[str, Any]] = {
    200: {"content": {PDF: {}}, "description": "A one-page A4 PDF."}
}
FHIR_OK: dict[int | str, dict[str, Any]] = {
    200: {"content": {FHIR_JSON: {}}, "description": "A FHIR R4 Bundle of type document."}
}


def _pdf(ckb: CompiledKB, result: Assessment, text: str | None, name: str) -> Response:
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}.pdf"'}
    return Response(clinician_pdf(ckb, result, text=text), media_type=PDF, headers=headers)


def _fhir(ckb: CompiledKB, result: Assessment, text: str | None) -> Response:
    body = json.dumps(fhir_bundle(ckb, result, text=text), ensure_ascii=False)
    return Response(body, media_type=FHIR_JSON, headers=NO_STORE)


def _case(body: ReportIn, ckb: CompiledKB, settings: SettingsDep, header_lang: Lang) -> Assessment:
    lang: Lang = body.lang or header_lang
    evidence = evidence_of(ckb, body.evidence, body.age)
    return assess_evidence(ckb, evidence, lang, region_of(body, settings))


@router.post("/report/pdf", response_class=Response, responses={**PDF_OK, **PROBLEMS})
async def report_pdf(
    body: ReportIn, ckb: KBDep, settings: SettingsDep, header_lang: LangDep
) -> Response:
    """The case as a one-page PDF for the gynaecologist, in the case's language."""
    return _pdf(ckb, _case(body, ckb, settings, header_lang), body.text, "bleedcheck-report")


@router.post("/report/fhir", response_class=Response, responses={**FHIR_OK, **PROBLEMS})
async def report_fhir(
    body: ReportIn, ckb: KBDep, settings: SettingsDep, header_lang: LangDep
) -> Response:
    """The case as a FHIR R4 document bundle (Composition, Observations, RiskAssessment)."""
    return _fhir(ckb, _case(body, ckb, settings, header_lang), body.text)


def _interview(
    ckb: CompiledKB, repository: RepositoryDep, interview_id: str, token: str
) -> Assessment:
    state = repository.get(interview_id=interview_id, token=token).state
    return assess_evidence(ckb, state.evidence(ckb), state.lang, state.region)


@router.get(
    "/interviews/{interview_id}/report.pdf",
    response_class=Response,
    responses={**PDF_OK, **NOT_FOUND},
    tags=["interviews"],
)
def interview_pdf(
    interview_id: str, token: TokenDep, ckb: KBDep, repository: RepositoryDep
) -> Response:
    """The interview's answers so far as a one-page PDF for the gynaecologist."""
    result = _interview(ckb, repository, interview_id, token)
    return _pdf(ckb, result, None, f"bleedcheck-{interview_id}")


@router.get(
    "/interviews/{interview_id}/report.fhir",
    response_class=Response,
    responses={**FHIR_OK, **NOT_FOUND},
    tags=["interviews"],
)
def interview_fhir(
    interview_id: str, token: TokenDep, ckb: KBDep, repository: RepositoryDep
) -> Response:
    """The interview's answers so far as a FHIR R4 document bundle."""
    return _fhir(ckb, _interview(ckb, repository, interview_id, token), None)
