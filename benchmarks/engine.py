"""Engine benchmark: accuracy on the vignettes and timing on the real knowledge base.

python benchmarks/engine.py          # tables
python benchmarks/engine.py --json   # {"assess_median_ms", "assess_p99_ms", "posterior_median_ms", ...}
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np

from bleedcheck.engine.assess import assess_evidence, infer
from bleedcheck.engine.evidence import complete
from bleedcheck.engine.triage import triage
from bleedcheck.evaluation.metrics import evaluate, load_vignettes
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.vocab import Evidence, Presence

RUNS = 1000
GROWTH_RUNS = 15


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1e3, ordered[int(0.99 * (len(ordered) - 1))] * 1e3


def realistic_cases(ckb: CompiledKB) -> list[Evidence]:
    """The vignettes' evidence: what a real interview yields."""
    cases = []
    for v in load_vignettes():
        findings = {f: Presence(s) for f, s in v.evidence.items()}
        cases.append(complete(ckb, Evidence(findings=findings, age=v.age)))
    return cases


def random_case(ckb: CompiledKB, rng: np.random.Generator, n_present: int) -> Evidence:
    children = [f for f in ckb.finding_ids if ckb.child[ckb.finding_index[f]]]
    chosen = rng.choice(len(children), size=n_present + 6, replace=False)
    findings = {children[i]: Presence.PRESENT for i in chosen[:n_present]}
    findings |= {children[i]: Presence.ABSENT for i in chosen[n_present:]}
    return Evidence(findings=findings, age=float(rng.integers(15, 80)))


def time_posterior(ckb: CompiledKB, evidence: Evidence) -> float:
    start = time.perf_counter()
    inference = infer(ckb, evidence)
    triage(ckb, evidence, inference.posterior.values)
    return time.perf_counter() - start


def time_assess(ckb: CompiledKB, evidence: Evidence) -> float:
    start = time.perf_counter()
    assess_evidence(ckb, evidence)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    ckb = compiled()
    cases = realistic_cases(ckb)
    posterior_times = [time_posterior(ckb, cases[i % len(cases)]) for i in range(RUNS)]
    assess_times = [time_assess(ckb, cases[i % len(cases)]) for i in range(RUNS)]
    post_median, _ = _ms(posterior_times)
    assess_median, assess_p99 = _ms(assess_times)
    rng = np.random.default_rng(0)
    growth = {}
    for k in range(1, 17):
        samples = [time_posterior(ckb, random_case(ckb, rng, k)) for _ in range(GROWTH_RUNS)]
        growth[k] = round(_ms(samples)[0], 3)
    accuracy = evaluate(ckb, load_vignettes()).summary()
    result = {
        "assess_median_ms": round(assess_median, 3),
        "assess_p99_ms": round(assess_p99, 3),
        "posterior_median_ms": round(post_median, 3),
        "growth_median_ms_by_present_findings": growth,
        "vignettes": accuracy,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"posterior + triage, median over {RUNS} runs: {post_median:.3f} ms")
    print(
        f"full assessment,    median over {RUNS} runs: {assess_median:.3f} ms (p99 {assess_p99:.3f} ms)"
    )
    print("\npresent findings | posterior + triage median (ms)")
    for k, value in growth.items():
        print(f"{k:>16} | {value:.3f}")
    print("\nvignettes:", json.dumps(accuracy))


if __name__ == "__main__":
    main()
