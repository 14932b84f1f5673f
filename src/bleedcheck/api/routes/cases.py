"""Stateless assessment of one case: /v1/triage, /v1/diagnosis, /v1/explain, /v1/parse."""

from __future__ import annotations

import importlib
from typing import Any

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from bleedcheck.api.deps import KBDep, LangDep, SettingsDep, evidence_of
from bleedcheck.api.schemas import (
    CaseIn,
    DiagnosisIn,
    DiagnosisOut,
    ExplainIn,
    ExplainOut,
    Explanation,
    ParsedFindingOut,
    ParseIn,
    ParseOut,
    TriageOut,
    render,
)
from bleedcheck.engine.assess import assess_evidence, infer
from bleedcheck.engine.explain import contributions, split
from bleedcheck.engine.interview import next_question
from bleedcheck.engine.priors import prior_factors
from bleedcheck.engine.triage import triage as triage_of
from bleedcheck.errors import did_you_mean
from bleedcheck.i18n.messages import likelihood_word, message
from bleedcheck.vocab import Lang, Presence

router = APIRouter(prefix="/v1", tags=["assessment"])
PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"description": "Invalid case (problem+json naming the field)."}
}


def region_of(body: CaseIn, settings: SettingsDep) -> str:
    return body.region or settings.default_region


@router.post("/triage", response_model=TriageOut, responses=PROBLEMS)
async def triage(body: CaseIn, ckb: KBDep, settings: SettingsDep, header_lang: LangDep) -> Response:
    """How urgent: the triage level, what to do now, and when to get help sooner."""
    lang: Lang = body.lang or header_lang
    evidence = evidence_of(ckb, body.evidence, body.age)
    posterior = infer(ckb, evidence).posterior.values
    result = triage_of(ckb, evidence, posterior, lang, region_of(body, settings))
    return render(TriageOut(kb_version=ckb.version, triage=result), lang=lang)


@router.post("/diagnosis", response_model=DiagnosisOut, responses=PROBLEMS)
async def diagnosis(
    body: DiagnosisIn, ckb: KBDep, settings: SettingsDep, header_lang: LangDep
) -> Response:
    """Ranked causes, triage, recommended tests and the next question worth asking."""
    lang: Lang = body.lang or header_lang
    evidence = evidence_of(ckb, body.evidence, body.age)
    assessment = assess_evidence(ckb, evidence, lang, region_of(body, settings))
    step = next_question(ckb, evidence, lang, set(body.asked))
    out = DiagnosisOut(
        kb_version=ckb.version,
        triage=assessment.triage,
        conditions=assessment.conditions[: body.limit],
        serious_not_ruled_out=assessment.serious_not_ruled_out,
        tests=assessment.tests,
        next=step,
        should_stop=step.should_stop,
        inference=assessment.inference,
        notes=assessment.notes,
        disclaimer=assessment.disclaimer,
    )
    return render(out, lang=lang)


@router.post("/explain", response_model=ExplainOut, responses=PROBLEMS)
async def explain(
    body: ExplainIn, ckb: KBDep, settings: SettingsDep, header_lang: LangDep
) -> Response:
    """Why: how each answer moved each cause, and what set its prior."""
    lang: Lang = body.lang or header_lang
    evidence = evidence_of(ckb, body.evidence, body.age)
    unknown = [(i, c) for i, c in enumerate(body.conditions) if c not in ckb.condition_index]
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", "conditions", i),
                    "type": "unknown_condition",
                    "msg": f"unknown condition '{c}'{did_you_mean(c, ckb.condition_ids)}",
                }
                for i, c in unknown
            ]
        )
    inference = infer(ckb, evidence)
    post = inference.posterior.values
    if body.conditions:
        wanted = list(dict.fromkeys(body.conditions))
    else:
        order = sorted(range(ckb.n_conditions), key=lambda i: (-post[i], ckb.condition_ids[i]))
        wanted = [ckb.condition_ids[i] for i in order[: body.limit]]
    answered, llr = contributions(ckb, evidence, inference.prior, lang)
    items: list[Explanation] = []
    for cid in wanted:
        i = ckb.condition_index[cid]
        supporting, conflicting = split(ckb, evidence, answered, llr[:, i], lang)
        p = float(post[i])
        word = likelihood_word(p)
        cond = ckb.kb.conditions[cid]
        items.append(
            Explanation(
                id=cid,
                name=cond.name.get(lang),
                probability=round(p, 6),
                prior=round(float(inference.prior[i]), 6),
                likelihood=word,
                likelihood_text=message(word, lang),
                supporting=supporting,
                conflicting=conflicting,
                prior_factors=prior_factors(ckb, evidence, cid),
                explanation=cond.explanation.get(lang),
            )
        )
    level = triage_of(ckb, evidence, post, lang, region_of(body, settings))
    out = ExplainOut(
        kb_version=ckb.version, level=level.level, reasons=level.reasons, conditions=items
    )
    return render(out, lang=lang)


@router.post(
    "/parse",
    response_model=ParseOut,
    responses={**PROBLEMS, 503: {"description": "Text understanding is not installed."}},
)
async def parse(body: ParseIn, ckb: KBDep, header_lang: LangDep) -> Response:
    """Findings, negations and age found in a free-text description (en or ru)."""
    result = parse_text(body.text, body.lang or header_lang)
    known = set(ckb.finding_index)
    out = ParseOut(
        findings=[
            ParsedFindingOut(
                id=f.id,
                state=Presence(str(f.state)),
                span=f.span,
                start=f.start,
                end=f.end,
                rule=str(f.rule),
            )
            for f in result.findings
            if f.id in known
        ],
        age=result.age,
        detected_lang=str(result.detected_lang),
        evidence=dict(result.evidence().findings),
    )
    return render(out)


def parse_text(text: str, lang: Lang) -> Any:
    """Run the text parser, imported on first use (its language models load slowly)."""
    try:
        module = importlib.import_module("bleedcheck.language.parse")
    except ImportError:
        raise HTTPException(
            503, "text understanding is not available in this installation"
        ) from None
    return module.parse(text, lang)
