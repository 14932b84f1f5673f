"""Context-dependent priors: stratum, risk-factor odds ratios, definitive exclusions."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from bleedcheck.engine.clauses import matches, matches_sets
from bleedcheck.knowledge.compile import MAX_TOTAL_ODDS_RATIO, CompiledKB, FloatArray
from bleedcheck.vocab import Evidence, Presence


@lru_cache(maxsize=8)
def _prior_findings(ckb: CompiledKB) -> frozenset[str]:
    """Every finding any prior looks at: only these (and age) can change `context_priors`."""
    used: set[str] = set()
    for prior in ckb.priors:
        used.update(prior.excluded_by)
        used.update(f for f, _ in prior.modifiers)
        for when, _ in prior.strata:
            used.update(when.finding_ids())
    return frozenset(used)


def context_priors(ckb: CompiledKB, evidence: Evidence) -> FloatArray:
    """P(condition) for this woman's context, before her symptoms are considered."""
    used = _prior_findings(ckb)
    present = frozenset(
        f for f, s in evidence.findings.items() if s is Presence.PRESENT and f in used
    )
    absent = frozenset(
        f for f, s in evidence.findings.items() if s is Presence.ABSENT and f in used
    )
    out: FloatArray = _context_priors(ckb, present, absent, evidence.age).copy()
    return out


@lru_cache(maxsize=4096)
def _context_priors(
    ckb: CompiledKB, present: frozenset[str], absent: frozenset[str], age: float | None
) -> FloatArray:
    """`context_priors` for the context alone (pure, so remembered: contexts repeat a lot)."""
    out = np.empty(ckb.n_conditions)
    for i, prior in enumerate(ckb.priors):
        if any(f in present for f in prior.excluded_by):
            out[i] = 0.0
            continue
        p = prior.base
        for when, stratum_p in prior.strata:
            if matches_sets(when, present, absent, age, unknown_age_matches=False):
                p = stratum_p
                break
        ratio = 1.0
        for finding, odds_ratio in prior.modifiers:
            if finding in present:
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
