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
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

MAX_EXACT_POSITIVES = 16
# Work bound of the exact programme (conditions x findings x 2^k); above it the approximation
# is used so that no single request can run for long.
MAX_EXACT_WORK = 1e8
# Up to this many present findings the exact programme's steps are built as dense 2^k x 2^k
# matrices for all conditions at once (a few numpy calls per condition instead of ~k).
DENSE_MAX_POSITIVES = 6
TOLERANCE = 1e-10  # bound on the absolute error of a posterior before switching methods
# When the double-precision sum is not precise enough, it is redone in the platform's extended
# precision (80-bit on x86-64; no BLAS there, so only for up to this many present findings).
_WIDE = np.longdouble
WIDE_MAX_POSITIVES = 10
# Conservative relative error of one Quickscore term, in units of the precision's epsilon: a
# few hundred roundings in the logs, sums and exponentials (1.1e-13 in double precision).
_ROUNDINGS = 500


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
    if not bound <= TOLERANCE and k <= WIDE_MAX_POSITIVES:
        values, bound = _quickscore(*args, dtype=_WIDE)
    method = "quickscore"
    if not bound <= TOLERANCE:
        head = _feasible_head(len(idx), k)
        if head < k:
            post[idx] = _approximate(*args, head=head)
            return Posterior(post, "approximate")
        values = _exact_dense(*args) if k <= DENSE_MAX_POSITIVES else _exact_dp(*args)
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
    prior: FloatArray,
    pos_links: FloatArray,
    pos_leak: FloatArray,
    neg_log_not: FloatArray,
    dtype: type[np.floating[Any]] = np.float64,
) -> tuple[FloatArray, float]:
    """Classic Quickscore in log space, plus a bound on its rounding error.

    `dtype` is the precision of the alternating sums; the bound uses its epsilon.
    """
    k = pos_links.shape[0]
    masks_d, signs_d = _subsets(k)
    masks, signs = masks_d.astype(dtype), signs_d.astype(dtype)
    log_u = masks @ np.log1p(-pos_links.astype(dtype)) + neg_log_not.astype(dtype)  # [2^k, C]
    wide_prior = prior.astype(dtype)
    log_pi = np.log(wide_prior)
    log_w = np.logaddexp(np.log1p(-wide_prior), log_pi + log_u)
    log_t = masks @ np.log1p(-pos_leak.astype(dtype)) + log_w.sum(axis=1)
    top = log_t.max()
    t = np.exp(log_t - top)
    den = signs @ t
    t_joint = np.exp(log_t[:, None] - log_w + log_pi + log_u - top)
    num = signs @ t_joint
    if den <= 0.0:
        return num.astype(np.float64), float("inf")
    values = num / den
    rounding = _ROUNDINGS * float(np.finfo(dtype).eps)
    bound = rounding * (t_joint.sum(axis=0) + values * t.sum()) / den
    return values.astype(np.float64), float(bound.max())


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


def _subset_products(p: FloatArray) -> FloatArray:
    """K[..., A, B] = product of p_f over f in A - B when B is a subset of A, else 0.

    p: [..., k]. K is the Kronecker product over bits of [[1, 0], [p_f, 1]], the map that
    adds to each entry the entries of its subsets weighted by the missing findings' links.
    """
    k = p.shape[-1]
    lead = p.shape[:-1]
    out = np.ones((*lead, 1, 1))
    for b in range(k):
        m = np.zeros((*lead, 2, 2))
        m[..., 0, 0] = 1.0
        m[..., 1, 1] = 1.0
        m[..., 1, 0] = p[..., b]
        n = out.shape[-1]
        # bit b becomes the most significant bit so far: index = bit * n + rest
        out = np.einsum("...ij,...kl->...ikjl", m, out).reshape(*lead, 2 * n, 2 * n)
    return out


def _exact_dense(
    prior: FloatArray, pos_links: FloatArray, pos_leak: FloatArray, neg_log_not: FloatArray
) -> FloatArray:
    """`_exact_dp` with each condition's step written as a matrix (small k only).

    The step G' = (1 - pi) G + diag(pi N q) K G (K from `_subset_products`) is the same
    non-negative recurrence; building every condition's matrix at once leaves one matrix-
    vector product per condition in each pass.
    """
    k, n_cond = pos_links.shape
    size = 1 << k
    full = size - 1
    masks, _ = _subsets(k)
    complement = full ^ np.arange(size)
    q = np.exp(masks @ np.log1p(-pos_links))[complement].T  # [C, 2^k]: q_c(T - A)
    kmat = _subset_products(pos_links.T)  # [C, 2^k, 2^k]
    negs = np.exp(neg_log_not)
    scale = prior[:, None] * negs[:, None] * q  # [C, 2^k]
    steps = scale[:, :, None] * kmat
    steps[:, np.arange(size), np.arange(size)] += (1.0 - prior)[:, None]
    leak_q = np.exp(masks @ np.log1p(-pos_leak))[complement]
    g = leak_q * _subset_products(pos_leak)[:, 0]  # the leak step applied to the empty set
    forward = np.empty((n_cond + 1, size))
    forward[0] = g
    for c in range(n_cond):
        forward[c + 1] = steps[c] @ forward[c]
    backward = np.empty((n_cond + 1, size))
    backward[n_cond] = 0.0
    backward[n_cond, full] = 1.0
    for c in range(n_cond - 1, -1, -1):
        backward[c] = backward[c + 1] @ steps[c]
    evidence = forward[n_cond, full]
    present = (negs[:, None] * q) * np.einsum("cab,cb->ca", kmat, forward[:-1])
    joint = np.einsum("ca,ca->c", backward[1:], present)
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
