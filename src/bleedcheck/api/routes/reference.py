"""The knowledge base as reference data: conditions and findings, localised (en, ru)."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter
from pydantic import TypeAdapter
from starlette.responses import Response

from bleedcheck.api.deps import KBDep, LangDep
from bleedcheck.api.schemas import (
    ConditionDetail,
    ConditionSummary,
    FindingOut,
    LinkedFinding,
    WorkupItem,
    render,
)
from bleedcheck.engine.explain import finding_label
from bleedcheck.errors import NotFound, did_you_mean
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Lang

router = APIRouter(prefix="/v1", tags=["reference"])
_conditions_json = TypeAdapter(list[ConditionSummary])
_findings_json = TypeAdapter(list[FindingOut])


def _json(body: bytes, lang: Lang) -> Response:
    headers = {"Content-Language": lang, "Vary": "Accept-Language"}
    return Response(body, media_type="application/json", headers=headers)


def summary(ckb: CompiledKB, condition_id: str, lang: Lang) -> ConditionSummary:
    cond = ckb.kb.conditions[condition_id]
    return ConditionSummary(
        id=condition_id,
        name=cond.name.get(lang),
        icd10=list(cond.icd10),
        category=cond.category,
        urgency=cond.level,
        cancer=cond.cancer,
    )


@lru_cache(maxsize=8)
def _condition_list(ckb: CompiledKB, lang: Lang) -> bytes:
    return _conditions_json.dump_json([summary(ckb, c, lang) for c in ckb.condition_ids])


@lru_cache(maxsize=8)
def _finding_list(ckb: CompiledKB, lang: Lang) -> bytes:
    findings = ckb.kb.findings
    return _findings_json.dump_json(
        [
            FindingOut(
                id=fid,
                kind=findings[fid].kind,
                group=findings[fid].group,
                label=finding_label(ckb, fid, lang),
                question=findings[fid].question.get(lang),
                band=findings[fid].band,
                safety_order=findings[fid].safety_order,
            )
            for fid in ckb.finding_ids
        ]
    )


@router.get("/conditions", response_model=list[ConditionSummary])
async def conditions(ckb: KBDep, lang: LangDep) -> Response:
    """Every condition the engine knows, by id."""
    return _json(_condition_list(ckb, lang), lang)


@router.get(
    "/conditions/{condition_id}",
    response_model=ConditionDetail,
    responses={404: {"description": "No such condition (problem+json)."}},
)
async def condition(condition_id: str, ckb: KBDep, lang: LangDep) -> Response:
    """One condition: what it is, what to do, what a doctor checks, its linked findings."""
    cond = ckb.kb.conditions.get(condition_id)
    if cond is None:
        raise NotFound(
            f"no condition '{condition_id}'{did_you_mean(condition_id, ckb.condition_ids)}"
        )
    tests = ckb.kb.tests
    detail = ConditionDetail(
        **summary(ckb, condition_id, lang).model_dump(),
        snomed=None if cond.snomed is None else str(cond.snomed),
        prior=cond.prior.base.p,
        explanation=cond.explanation.get(lang),
        self_care=cond.self_care.get(lang),
        management=[m.text.get(lang) for m in cond.management],
        workup=[
            WorkupItem(
                id=t, name=tests[t].name.get(lang), description=tests[t].description.get(lang)
            )
            for t in cond.workup
            if t in tests
        ],
        findings=[
            LinkedFinding(
                id=link.finding, label=finding_label(ckb, link.finding, lang), probability=link.p
            )
            for link in sorted(cond.links, key=lambda link: -link.p)
            if link.finding in ckb.finding_index
        ],
        sources=list(cond.sources),
    )
    return render(detail, lang=lang)


@router.get("/findings", response_model=list[FindingOut])
async def findings(ckb: KBDep, lang: LangDep) -> Response:
    """Every finding: its question, its group, and the band it belongs to."""
    return _json(_finding_list(ckb, lang), lang)
