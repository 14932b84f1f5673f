"""Exact posterior marginals of a two-layer noisy-OR network.

Conditions are independent a priori (prior `pi`); a finding f is absent with probability
(1 - leak_f) * prod over present conditions c of (1 - link[c, f]). Absent findings factorise;
present findings are handled by Quickscore (Heckerman 1989): an alternating sum over the
2^k subsets of the k present findings.

That alternating sum can cancel badly when the evidence is improbable (many rare present
findings). Each call therefore bounds the rounding error of the fast sum and, when the bound
exceeds `TOLERANCE`, recomputes with a cancellation-free formulation: the same inclusion-
exclusion written as mixed finite differences of a product of per-condition factors, expanded
with the Leibniz rule into a dynamic programme over conditions in which every term is a
non-negative number (`_exact_dp`). Above `MAX_EXACT_POSITIVES` present findings the exact
methods are too costly and a documented approximation is used (`_approximate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

MAX_EXACT_POSITIVES = 16
TOLERANCE = 1e-10  # bound on the absolute error of a posterior before switching methods
_ROUNDING = 1e-13  # conservative relative error of one Quickscore term


@dataclass(frozen=True)
class Posterior:
    values: FloatArray
    method: str  # "closed-form" | "quickscore" | "exact-dp" | "approximate"


@lru_cache(maxsize=32)
def _subsets(k: int) -> tuple[FloatArray, FloatArray]:
    """Membership matrix [2^k, k] of all subsets and their inclusion-exclusion signs."""
    masks = np.arange(1 << k)[:, None] >> np.arange(k)[None, :] & 1
    signs = np.where(masks.sum(axis=1) % 2 == 0, 1.0, -1.0)
    return masks.astype(np.float64), signs


@lru_cache(maxsize=32)
def _bit_pairs(k: int) -> tuple[tuple[IntArray, IntArray], ...]:
    """For each bit: the subsets containing it and the same subsets without it."""
    everything = np.arange(1 << k)
    pairs = []
    for b in range(k):
        with_b = everything[(everything >> b) & 1 == 1]
        pairs.append((with_b, with_b ^ (1 << b)))
    return tuple(pairs)


def posterior_marginals(
    prior: FloatArray,
    pos_links: FloatArray,
    pos_leak: FloatArray,
    neg_log_not: FloatArray,
) -> Posterior:
    """P(condition | evidence) for every condition.

    prior: [C] prior probabilities (0 means ruled out).
    pos_links: [k, C] link strengths of the k present findings.
    pos_leak: [k] leaks of the present findings.
    neg_log_not: [C] sum over absent findings of log(1 - link).
    """
    n_cond = prior.shape[0]
    k = pos_links.shape[0]
    post = np.zeros(n_cond)
    live = prior > 0.0
    neg_factor = np.exp(neg_log_not)
    relevant = live & (pos_links > 0.0).any(axis=0) if k else np.zeros(n_cond, dtype=bool)
    # A condition unlinked to every present finding is updated by the absent ones alone.
    alone = live & ~relevant
    pa = prior[alone] * neg_factor[alone]
    post[alone] = pa / (pa + 1.0 - prior[alone])
    if not relevant.any():
        return Posterior(post, "closed-form")
    idx = np.flatnonzero(relevant)
    args = (prior[idx], pos_links[:, idx], pos_leak, neg_log_not[idx])
    if k > MAX_EXACT_POSITIVES:
        post[idx] = _approximate(*args)
        return Posterior(post, "approximate")
    values, bound = _quickscore(*args)
    method = "quickscore"
    if not np.isfinite(bound) or bound > TOLERANCE:
        values = _exact_dp(*args)
        method = "exact-dp"
    post[idx] = np.clip(values, 0.0, 1.0)
    return Posterior(post, method)


def _quickscore(
    prior: FloatArray, pos_links: FloatArray, pos_leak: FloatArray, neg_log_not: FloatArray
) -> tuple[FloatArray, float]:
    """Classic Quickscore in log space, plus a bound on its rounding error."""
    k = pos_links.shape[0]
    masks, signs = _subsets(k)
    log_u = masks @ np.log1p(-pos_links) + neg_log_not  # [2^k, C]
    log_pi = np.log(prior)
    log_w = np.logaddexp(np.log1p(-prior), log_pi + log_u)
    log_t = masks @ np.log1p(-pos_leak) + log_w.sum(axis=1)
    top = log_t.max()
    t = np.exp(log_t - top)
    den = float(signs @ t)
    t_joint = np.exp(log_t[:, None] - log_w + log_pi + log_u - top)
    num = signs @ t_joint
    if den <= 0.0:
        return num, float("inf")
    values = num / den
    bound = _ROUNDING * (t_joint.sum(axis=0) + values * t.sum()) / den
    return values, float(bound.max())


def _exact_dp(
    prior: FloatArray, pos_links: FloatArray, pos_leak: FloatArray, neg_log_not: FloatArray
) -> FloatArray:
    """Cancellation-free exact marginals.

    With g(S) = product of per-condition factors w_c(S) (S = present findings assumed
    absent), P(evidence) is the mixed difference D_T g(empty) over all k present findings,
    where D_f g(S) = g(S) - g(S + f). Writing G(A) = D_A g(T - A) and folding in one
    condition at a time, the Leibniz rule for differences gives

        G'(A) = G(A) w(T - A) + pi N q(T - A) * sum over non-empty C in A of G(A - C) prod_{f in C} p_f

    where q(S) = prod_{f in S} (1 - p_f) and N is the absent-finding factor. Every quantity is
    non-negative, so nothing cancels. Row v of the state forces condition v present (prior 1)
    to obtain the joint for its marginal; the last row is the plain evidence probability.
    """
    k, n_cond = pos_links.shape
    size = 1 << k
    full = size - 1
    masks, _ = _subsets(k)
    complement = full ^ np.arange(size)
    pairs = _bit_pairs(k)
    n_var = n_cond + 1
    state = np.zeros((n_var, size))
    state[:, 0] = 1.0

    def fold(pi_rows: FloatArray, neg: float, p: FloatArray) -> None:
        nonlocal state
        q = np.exp(masks @ np.log1p(-p))[complement]  # q(T - A) for each A
        z = np.zeros_like(state)
        for b, (with_b, without_b) in enumerate(pairs):
            if p[b] > 0.0:
                z[:, with_b] += p[b] * (state[:, without_b] + z[:, without_b])
        scale = (pi_rows * neg)[:, None] * q[None, :]
        state = state * ((1.0 - pi_rows)[:, None] + scale) + scale * z

    fold(np.ones(n_var), 1.0, pos_leak)  # the leak acts as a condition that is always present
    for c in range(n_cond):
        pi_rows = np.full(n_var, prior[c])
        pi_rows[c] = 1.0
        fold(pi_rows, float(np.exp(neg_log_not[c])), pos_links[:, c])
    evidence = state[-1, full]
    result: FloatArray = prior * state[:n_cond, full] / evidence
    return result


def _approximate(
    prior: FloatArray, pos_links: FloatArray, pos_leak: FloatArray, neg_log_not: FloatArray
) -> FloatArray:
    """More than MAX_EXACT_POSITIVES present findings: exact on the most specific ones.

    The MAX_EXACT_POSITIVES present findings with the lowest leak are handled exactly; each
    remaining one then updates every condition's odds by its likelihood ratio with the other
    conditions held at their current posterior means (a mean-field step).
    """
    order = np.argsort(pos_leak, kind="stable")
    head, tail = order[:MAX_EXACT_POSITIVES], order[MAX_EXACT_POSITIVES:]
    post = posterior_marginals(prior, pos_links[head], pos_leak[head], neg_log_not).values
    for f in tail:
        p = pos_links[f]
        log_absent_all = np.log1p(-pos_leak[f]) + np.log1p(-post * p).sum()
        log_absent_others = log_absent_all - np.log1p(-post * p)
        off = -np.expm1(log_absent_others)
        on = -np.expm1(log_absent_others + np.log1p(-p))
        odds = post / np.maximum(1.0 - post, 1e-300) * on / np.maximum(off, 1e-300)
        post = odds / (1.0 + odds)
    return post
