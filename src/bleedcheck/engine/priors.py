"""Context-dependent priors: stratum, risk-factor odds ratios, definitive exclusions."""

from __future__ import annotations

import numpy as np

from bleedcheck.engine.clauses import matches
from bleedcheck.knowledge.compile import MAX_TOTAL_ODDS_RATIO, CompiledKB, FloatArray
from bleedcheck.vocab import Evidence, Presence


def context_priors(ckb: CompiledKB, evidence: Evidence) -> FloatArray:
    """P(condition) for this woman's context, before her symptoms are considered."""
    out = np.empty(ckb.n_conditions)
    state = evidence.state
    for i, prior in enumerate(ckb.priors):
        if any(state(f) is Presence.PRESENT for f in prior.excluded_by):
            out[i] = 0.0
            continue
        p = prior.base
        for when, stratum_p in prior.strata:
            if matches(when, state, evidence.age, unknown_age_matches=False):
                p = stratum_p
                break
        ratio = 1.0
        for finding, odds_ratio in prior.modifiers:
            if state(finding) is Presence.PRESENT:
                ratio *= odds_ratio
        ratio = min(max(ratio, 1.0 / MAX_TOTAL_ODDS_RATIO), MAX_TOTAL_ODDS_RATIO)
        odds = p / (1.0 - p) * ratio
        out[i] = odds / (1.0 + odds)
    return out


def prior_factors(ckb: CompiledKB, evidence: Evidence, condition_id: str) -> list[str]:
    """The context findings that set or changed this condition's prior."""
    prior = ckb.priors[ckb.condition_index[condition_id]]
    state = evidence.state
    used: list[str] = []
    for when, _ in prior.strata:
        if matches(when, state, evidence.age, unknown_age_matches=False):
            used += [f for f in when.finding_ids() if state(f) is Presence.PRESENT]
            break
    used += [f for f, _ in prior.modifiers if state(f) is Presence.PRESENT]
    used += [f for f in prior.excluded_by if state(f) is Presence.PRESENT]
    return list(dict.fromkeys(used))
