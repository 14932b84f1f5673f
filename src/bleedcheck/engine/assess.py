"""The whole assessment: priors, posterior, triage, explanations and recommended tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from bleedcheck.engine.evidence import complete, evidence_from_case
from bleedcheck.engine.explain import contributions, split
from bleedcheck.engine.priors import context_priors, prior_factors
from bleedcheck.engine.quickscore import Posterior, posterior_marginals
from bleedcheck.engine.triage import DEFAULT_REGION, rule_state, triage
from bleedcheck.errors import EvidenceError
from bleedcheck.i18n.messages import likelihood_word, message
from bleedcheck.knowledge.compile import CompiledKB, FloatArray, compiled
from bleedcheck.vocab import (
    LANGS,
    Assessment,
    ConditionResult,
    Evidence,
    Lang,
    Presence,
    TestRecommendation,
    Triage,
)

EXPLAINED_CONDITIONS = 10  # conditions that get per-finding explanations
SERIOUS_FLOOR = 0.01  # estimate: a serious cause above 1% is "not yet ruled out"
TEST_FLOOR = 0.05  # estimate: tests of conditions above 5% are recommended


@dataclass(frozen=True)
class Inference:
    prior: FloatArray
    posterior: Posterior


def infer(ckb: CompiledKB, evidence: Evidence) -> Inference:
    """Context priors, then exact posteriors given the symptom findings."""
    prior = context_priors(ckb, evidence)
    present = [ckb.finding_index[f] for f in evidence.present() if ckb.child[ckb.finding_index[f]]]
    absent = [ckb.finding_index[f] for f in evidence.absent() if ckb.child[ckb.finding_index[f]]]
    neg_log_not = ckb.log_not_link[:, absent].sum(axis=1)
    post = posterior_marginals(prior, ckb.links[:, present].T, ckb.leak[present], neg_log_not)
    return Inference(prior=prior, posterior=post)


def assess_evidence(
    ckb: CompiledKB,
    evidence: Evidence,
    lang: Lang = "en",
    region: str = DEFAULT_REGION,
) -> Assessment:
    if lang not in LANGS:
        raise EvidenceError(f"language '{lang}' is not supported; use one of {', '.join(LANGS)}")
    evidence = complete(ckb, evidence)
    inference = infer(ckb, evidence)
    post = inference.posterior.values
    tri = triage(ckb, evidence, post, lang, region)
    order = np.argsort(-post, kind="stable")
    answered, llr = contributions(ckb, evidence, inference.prior, lang)
    kb = ckb.kb
    results: list[ConditionResult] = []
    for rank, i in enumerate(order):
        p = float(post[i])
        if p <= 0.0:
            continue
        cid = ckb.condition_ids[i]
        cond = kb.conditions[cid]
        explained = rank < EXPLAINED_CONDITIONS
        supporting, conflicting = (
            split(ckb, evidence, answered, llr[:, i], lang) if explained else ([], [])
        )
        word = likelihood_word(p)
        results.append(
            ConditionResult(
                id=cid,
                name=cond.name.get(lang),
                icd10=list(cond.icd10),
                category=cond.category,
                urgency=cond.level,
                cancer=cond.cancer,
                probability=round(p, 6),
                prior=round(float(inference.prior[i]), 6),
                likelihood=word,
                likelihood_text=message(word, lang),
                supporting=supporting,
                conflicting=conflicting,
                prior_factors=prior_factors(ckb, evidence, cid) if explained else [],
                workup=list(cond.workup),
                explanation=cond.explanation.get(lang) if explained else "",
                self_care=cond.self_care.get(lang) if explained else "",
                management=[m.text.get(lang) for m in cond.management] if explained else [],
            )
        )
    serious = [
        r.id
        for r in results
        if (r.cancer or r.urgency == "consultation_24") and r.probability >= SERIOUS_FLOOR
    ]
    notes = [message("approximate", lang)] if inference.posterior.method == "approximate" else []
    if pregnancy_assumed(ckb, evidence, tri):
        notes.append(message("pregnancy_assumed", lang))
    return Assessment(
        lang=lang,
        age=evidence.age,
        evidence=dict(evidence.findings),
        triage=tri,
        conditions=results,
        serious_not_ruled_out=serious,
        tests=recommended_tests(ckb, results, lang),
        inference=inference.posterior.method,
        notes=notes,
        disclaimer=message("disclaimer", lang, number=tri.emergency_number),
    )


def recommended_tests(
    ckb: CompiledKB, results: list[ConditionResult], lang: Lang
) -> list[TestRecommendation]:
    """Work-up of the likely and the serious conditions, in the order a doctor does them."""
    weight: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for rank, r in enumerate(results):
        serious = r.cancer or r.urgency == "consultation_24"
        if not (
            r.probability >= TEST_FLOOR or rank < 3 or (serious and r.probability >= SERIOUS_FLOOR)
        ):
            continue
        for position, test_id in enumerate(r.workup):
            weight[test_id] = weight.get(test_id, 0.0) + r.probability / (1 + position)
            reasons.setdefault(test_id, []).append(r.id)
    tests = ckb.kb.tests
    ordered = sorted(
        (t for t in weight if t in tests), key=lambda t: (tests[t].priority, -weight[t], t)
    )
    return [
        TestRecommendation(
            id=t,
            name=tests[t].name.get(lang),
            description=tests[t].description.get(lang),
            for_conditions=reasons[t],
        )
        for t in ordered
    ]


def assess(
    case: Mapping[str, Any] | Evidence,
    lang: Lang = "en",
    region: str = DEFAULT_REGION,
    ckb: CompiledKB | None = None,
) -> Assessment:
    """Assess one case `{"age": 34, "evidence": {"finding_id": "present"|"absent"|"unknown"}}`.

    The packaged knowledge base is loaded and compiled once per process and cached.
    """
    ckb = ckb or compiled()
    evidence = case if isinstance(case, Evidence) else evidence_from_case(ckb, case)
    return assess_evidence(ckb, evidence, lang, region)


__all__ = ["Inference", "assess", "assess_evidence", "infer", "recommended_tests"]


def pregnancy_assumed(ckb: CompiledKB, evidence: Evidence, tri: Triage) -> bool:
    """Whether a rule that set the level fired only because pregnancy was assumed possible."""
    if evidence.state("pregnancy_possible") is not Presence.UNKNOWN:
        return False
    if rule_state(evidence, "pregnancy_possible") is not Presence.PRESENT:
        return False
    by_id = {r.id: r for r in ckb.kb.rulebook.rules}
    return any(
        hit.level is tri.level and "pregnancy_possible" in by_id[hit.id].when.finding_ids()
        for hit in tri.rules
    )
