"""Per-finding explanations: how much each answer moved each condition.

The contribution of a finding to condition j is its log likelihood ratio
log P(answer | j present) / P(answer | j absent), with the other conditions at their
context priors. Positive contributions support j; negative ones argue against it.
"""

from __future__ import annotations

import numpy as np

from bleedcheck.knowledge.compile import CompiledKB, FloatArray
from bleedcheck.vocab import Contribution, Evidence, Lang, Presence

MIN_CONTRIBUTION = 0.05  # |log LR| below this is not worth showing


def finding_label(ckb: CompiledKB, finding_id: str, lang: Lang) -> str:
    finding = ckb.kb.findings[finding_id]
    words = finding.synonyms.ru if lang == "ru" else finding.synonyms.en
    return words[0] if words else finding_id.replace("_", " ")


def contributions(
    ckb: CompiledKB, evidence: Evidence, prior: FloatArray, lang: Lang
) -> tuple[list[str], FloatArray]:
    """Answered child findings and a [F_answered, C] matrix of log likelihood ratios."""
    answered = sorted(
        f
        for f, s in evidence.findings.items()
        if s is not Presence.UNKNOWN and ckb.child[ckb.finding_index[f]]
    )
    if not answered:
        return [], np.zeros((0, ckb.n_conditions))
    cols = [ckb.finding_index[f] for f in answered]
    links = ckb.links[:, cols].T  # [A, C]
    leak = ckb.leak[cols]
    log_not = np.log1p(-prior[None, :] * links)  # other conditions at their priors
    log_absent_all = np.log1p(-leak)[:, None] + log_not.sum(axis=1, keepdims=True)
    log_absent_off = log_absent_all - log_not  # P(f absent | j absent)
    present = np.array([evidence.state(f) is Presence.PRESENT for f in answered])
    on = -np.expm1(log_absent_off + np.log1p(-links))
    off = -np.expm1(log_absent_off)
    with np.errstate(divide="ignore"):
        llr_present = np.log(on) - np.log(off)
        llr_absent = np.log1p(-links)
    llr = np.where(present[:, None], llr_present, llr_absent)
    return answered, np.where(links > 0, llr, 0.0)


def split(
    ckb: CompiledKB,
    evidence: Evidence,
    answered: list[str],
    llr_column: FloatArray,
    lang: Lang,
) -> tuple[list[Contribution], list[Contribution]]:
    items = [
        Contribution(
            finding=f,
            label=finding_label(ckb, f, lang),
            state=evidence.state(f),
            log_lr=round(float(v), 4) if np.isfinite(v) else -50.0,
        )
        for f, v in zip(answered, llr_column, strict=True)
        if abs(v) >= MIN_CONTRIBUTION
    ]
    supporting = sorted((c for c in items if c.log_lr > 0), key=lambda c: (-c.log_lr, c.finding))
    conflicting = sorted((c for c in items if c.log_lr < 0), key=lambda c: (c.log_lr, c.finding))
    return supporting, conflicting
