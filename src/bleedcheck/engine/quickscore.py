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
# Work bound of the exact programme (conditions x findings x 2^k); above it the approximation
# is used so that no single request can run for long.
MAX_EXACT_WORK = 1e8
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
        post[idx] = _approximate(*args, head=_feasible_head(len(idx), MAX_EXACT_POSITIVES))
        return Posterior(post, "approximate")
    values, bound = _quickscore(*args)
    method = "quickscore"
    if not np.isfinite(bound) or bound > TOLERANCE:
        head = _feasible_head(len(idx), k)
        if head < k:
            post[idx] = _approximate(*args, head=head)
            return Posterior(post, "approximate")
        values = _exact_dp(*args)
        method = "exact-dp"
    post[idx] = np.clip(values, 0.0, 1.0)
    return Posterior(post, method)


def _feasible_head(n_relevant: int, k: int) -> int:
    """The most present findings the exact programme handles within its work bound."""
    head = k
    while head > 1 and 3 * n_relevant * head * 2**head > MAX_EXACT_WORK:
        head -= 1
    return head


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
    condition at a time, the Leibniz rule for differences gives a linear step

        G'(A) = G(A) w(T - A) + pi N q(T - A) * sum_{non-empty C in A} G(A - C) prod_{f in C} p_f

    where q(S) = prod_{f in S} (1 - p_f) and N is the absent-finding factor. Every quantity is
    non-negative, so nothing cancels. P(evidence) is the full-set entry after all steps. The
    joint with condition j present replaces step j by the same step with prior 1; a forward
    pass and a backward pass of transposed steps give every such joint with one extra step.
    """
    k, n_cond = pos_links.shape
    size = 1 << k
    full = size - 1
    masks, _ = _subsets(k)
    complement = full ^ np.arange(size)

    def factors(p: FloatArray) -> FloatArray:
        q: FloatArray = np.exp(masks @ np.log1p(-p))[complement]  # q(T - A) for each A
        return q

    def step(g: FloatArray, pi: float, neg: float, p: FloatArray, q: FloatArray) -> FloatArray:
        z = np.zeros_like(g)
        for b in range(k):
            if p[b] > 0.0:
                zb, gb = z.reshape(-1, 2, 1 << b), g.reshape(-1, 2, 1 << b)
                zb[:, 1, :] += p[b] * (gb[:, 0, :] + zb[:, 0, :])
        scale = pi * neg * q
        result: FloatArray = g * ((1.0 - pi) + scale) + scale * z
        return result

    def step_t(y: FloatArray, pi: float, neg: float, p: FloatArray, q: FloatArray) -> FloatArray:
        scale = pi * neg * q
        u = scale * y
        z = np.zeros_like(y)
        for b in range(k):
            if p[b] > 0.0:
                zb, ub = z.reshape(-1, 2, 1 << b), u.reshape(-1, 2, 1 << b)
                zb[:, 0, :] += p[b] * (ub[:, 1, :] + zb[:, 1, :])
        result: FloatArray = y * ((1.0 - pi) + scale) + z
        return result

    start = np.zeros(size)
    start[0] = 1.0
    leak_q = factors(pos_leak)
    forward = [step(start, 1.0, 1.0, pos_leak, leak_q)]  # the leak: a condition always present
    qs = [factors(pos_links[:, c]) for c in range(n_cond)]
    negs = np.exp(neg_log_not)
    for c in range(n_cond):
        forward.append(step(forward[-1], prior[c], negs[c], pos_links[:, c], qs[c]))
    backward = [np.zeros(size)]
    backward[0][full] = 1.0
    for c in reversed(range(n_cond)):
        backward.append(step_t(backward[-1], prior[c], negs[c], pos_links[:, c], qs[c]))
    backward.reverse()  # backward[c] = transposed steps c..n-1 applied to the full-set indicator
    evidence = forward[-1][full]
    joint = np.array(
        [
            backward[c + 1] @ step(forward[c], 1.0, negs[c], pos_links[:, c], qs[c])
            for c in range(n_cond)
        ]
    )
    result: FloatArray = prior * joint / evidence
    return result


def _approximate(
    prior: FloatArray,
    pos_links: FloatArray,
    pos_leak: FloatArray,
    neg_log_not: FloatArray,
    head: int,
) -> FloatArray:
    """Too many present findings for the exact methods: exact on the most specific ones.

    The `head` present findings with the lowest leak are handled exactly; each
    remaining one then updates every condition's odds by its likelihood ratio with the other
    conditions held at their current posterior means (a mean-field step).
    """
    order = np.argsort(pos_leak, kind="stable")
    first, rest = order[:head], order[head:]
    post = posterior_marginals(prior, pos_links[first], pos_leak[first], neg_log_not).values
    for f in rest:
        p = pos_links[f]
        log_absent_all = np.log1p(-pos_leak[f]) + np.log1p(-post * p).sum()
        log_absent_others = log_absent_all - np.log1p(-post * p)
        off = -np.expm1(log_absent_others)
        on = -np.expm1(log_absent_others + np.log1p(-p))
        odds = post / np.maximum(1.0 - post, 1e-300) * on / np.maximum(off, 1e-300)
        post = odds / (1.0 + odds)
    return post
