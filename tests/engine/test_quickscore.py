"""Quickscore and the exact DP against brute-force enumeration on random networks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bleedcheck.engine.quickscore import (
    DENSE_MAX_POSITIVES,
    MAX_EXACT_POSITIVES,
    _exact_dense,
    _exact_dp,
    _quickscore,
    posterior_marginals,
)


def brute_force(prior, links, leak, present, absent):
    """Enumerate every combination of conditions; all terms are positive, no cancellation."""
    n = len(prior)
    configs = np.array(list(itertools.product([0, 1], repeat=n)), dtype=float)
    log_p_config = configs @ np.log(prior) + (1 - configs) @ np.log1p(-prior)
    log_lik = np.zeros(len(configs))
    for f in absent:
        log_lik += np.log1p(-leak[f]) + configs @ np.log1p(-links[:, f])
    for f in present:
        log_absent = np.log1p(-leak[f]) + configs @ np.log1p(-links[:, f])
        log_lik += np.log(-np.expm1(log_absent))
    log_joint = log_p_config + log_lik
    top = log_joint.max()
    weights = np.exp(log_joint - top)
    return (configs * weights[:, None]).sum(axis=0) / weights.sum()


def random_network(rng, n_cond, n_find, sparse=0.5):
    prior = rng.uniform(0.001, 0.4, n_cond)
    links = np.exp(rng.uniform(np.log(1e-4), np.log(0.999), (n_cond, n_find)))
    links[rng.random((n_cond, n_find)) < sparse] = 0.0
    leak = np.exp(rng.uniform(np.log(1e-4), np.log(0.2), n_find))
    return prior, links, leak


def run(prior, links, leak, present, absent):
    neg = links[:, absent].T if absent else np.zeros((0, len(prior)))
    neg_log_not = np.log1p(-neg).sum(axis=0)
    return posterior_marginals(prior, links[:, present].T, leak[present], neg_log_not)


def assert_close(got, want):
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_matches_brute_force_on_random_networks(seed):
    rng = np.random.default_rng(seed)
    n_cond, n_find = 20, 24
    prior, links, leak = random_network(rng, n_cond, n_find)
    k = int(rng.integers(0, MAX_EXACT_POSITIVES + 1)) if seed else MAX_EXACT_POSITIVES
    findings = rng.permutation(n_find)
    present = [int(f) for f in findings[:k]]
    absent = [int(f) for f in findings[k : k + int(rng.integers(0, 8))]]
    got = run(prior, links, leak, present, absent)
    assert_close(got.values, brute_force(prior, links, leak, present, absent))


@pytest.mark.parametrize("seed", range(4))
def test_exact_dp_alone_matches_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    prior, links, leak = random_network(rng, 12, 14, sparse=0.3)
    present, absent = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11]
    neg_log_not = np.log1p(-links[:, absent].T).sum(axis=0)
    got = _exact_dp(prior, links[:, present].T, leak[present], neg_log_not)
    assert_close(got, brute_force(prior, links, leak, present, absent))


@pytest.mark.parametrize("k", range(1, DENSE_MAX_POSITIVES + 1))
def test_dense_exact_programme_matches_brute_force(k):
    rng = np.random.default_rng(200 + k)
    prior, links, leak = random_network(rng, 14, 12, sparse=0.4)
    present, absent = list(range(k)), [10, 11]
    neg_log_not = np.log1p(-links[:, absent].T).sum(axis=0)
    got = _exact_dense(prior, links[:, present].T, leak[present], neg_log_not)
    assert_close(got, brute_force(prior, links, leak, present, absent))
    np.testing.assert_allclose(
        got, _exact_dp(prior, links[:, present].T, leak[present], neg_log_not), rtol=1e-12
    )


def test_quickscore_reports_large_error_bound_when_evidence_is_improbable():
    rng = np.random.default_rng(7)
    prior, links, leak = random_network(rng, 20, 16, sparse=0.2)
    leak[:] = 1e-4
    links *= 0.01
    present = list(range(16))
    _, bound = _quickscore(prior, links[:, present].T, leak[present], np.zeros(20))
    assert bound > 1e-10
    got = run(prior, links, leak, present, [])
    assert got.method == "exact-dp"
    assert_close(got.values, brute_force(prior, links, leak, present, []))


def test_no_evidence_returns_the_prior():
    prior = np.array([0.1, 0.2, 0.3])
    got = posterior_marginals(prior, np.zeros((0, 3)), np.zeros(0), np.zeros(3))
    np.testing.assert_allclose(got.values, prior)
    assert got.method == "closed-form"


def test_excluded_condition_stays_at_zero():
    rng = np.random.default_rng(3)
    prior, links, leak = random_network(rng, 6, 6, sparse=0.0)
    prior[2] = 0.0
    got = run(prior, links, leak, [0, 1], [2])
    assert got.values[2] == 0.0


def test_more_than_the_exact_bound_is_approximate_but_sane():
    rng = np.random.default_rng(11)
    prior, links, leak = random_network(rng, 8, 20, sparse=0.3)
    present = list(range(MAX_EXACT_POSITIVES + 2))
    got = run(prior, links, leak, present, [])
    assert got.method == "approximate"
    assert np.all((got.values >= 0) & (got.values <= 1))
