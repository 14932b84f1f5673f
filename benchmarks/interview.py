"""Interview simulation: a simulated patient answers from each vignette.

    python benchmarks/interview.py [--json]

The patient answers what her vignette states and "don't know" to everything else. Reports
questions asked (median, 90th percentile), top-3 accuracy and triage accuracy at the stop,
the question number at which each emergency was recognised, and next-question timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.interview import (
    InterviewState,
    Question,
    answer,
    current_step,
    start,
)
from bleedcheck.engine.questions import AGE_QUESTION, safety_screen
from bleedcheck.evaluation.metrics import Vignette, load_vignettes
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.vocab import TriageLevel

EMERGENCY = TriageLevel.EMERGENCY.rank


def patient_answer(question: Question, v: Vignette) -> Any:
    """What a woman with this vignette would answer."""
    if question.kind == "number":
        return v.age if v.age is not None else "unknown"
    if question.kind == "yes_no":
        return v.evidence.get(question.id, "unknown")
    states = {o.id: v.evidence.get(o.id, "unknown") for o in question.options}
    if question.kind == "choice":
        chosen = [f for f, s in states.items() if s == "present"]
        if chosen:
            return chosen[0]
        return "none" if any(s == "absent" for s in states.values()) else "unknown"
    return states


def simulate(ckb: CompiledKB, v: Vignette, timings: list[float] | None = None) -> dict[str, Any]:
    state: InterviewState = start()
    recognised: int | None = None
    screen_ids = {AGE_QUESTION, *(spec.id for spec in safety_screen(ckb))}
    in_screen = False
    while True:
        t0 = time.perf_counter()
        step = current_step(ckb, state)
        if timings is not None:
            timings.append((time.perf_counter() - t0) * 1e3)
        if step.level.rank >= EMERGENCY and recognised is None:
            recognised = len(state.history)
            # recognised during the screen: every question so far was a screen question
            in_screen = all(r.question_id in screen_ids for r in state.history)
        if step.should_stop or step.question is None:
            break
        state = answer(ckb, state, state.step, step.question.id, patient_answer(step.question, v))
    result = assess_evidence(ckb, state.evidence(ckb))
    return {
        "id": v.id,
        "questions": len(state.history),
        "top3": v.gold_condition in [c.id for c in result.conditions[:3]],
        "triage_exact": result.triage.level is v.gold_triage,
        "emergency": v.gold_triage.rank >= EMERGENCY,
        "recognised_at": recognised if result.triage.level.rank >= EMERGENCY else None,
        "recognised_in_screen": in_screen and result.triage.level.rank >= EMERGENCY,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="interview simulation over the vignettes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ckb = compiled()
    vignettes = load_vignettes()
    timings: list[float] = []
    runs = [simulate(ckb, v, timings) for v in vignettes]
    counts = sorted(r["questions"] for r in runs)
    emergencies = [r for r in runs if r["emergency"]]
    others = [r for r in runs if not r["emergency"]]
    summary = {
        "n": len(runs),
        "questions_median": statistics.median(counts),
        "questions_p90": counts[int(0.9 * (len(counts) - 1))],
        "top3_at_stop": round(sum(r["top3"] for r in runs) / len(runs), 4),
        "top3_at_stop_emergency": round(sum(r["top3"] for r in emergencies) / len(emergencies), 4),
        "top3_at_stop_non_emergency": round(sum(r["top3"] for r in others) / len(others), 4),
        "triage_exact": round(sum(r["triage_exact"] for r in runs) / len(runs), 4),
        "emergencies": len(emergencies),
        "emergencies_recognised": sum(r["recognised_at"] is not None for r in emergencies),
        "emergencies_recognised_in_screen": sum(r["recognised_in_screen"] for r in emergencies),
        "emergency_recognised_at_question": sorted(
            r["recognised_at"] for r in emergencies if r["recognised_at"] is not None
        ),
        "next_question_median_ms": round(statistics.median(timings), 3),
        "next_question_p90_ms": round(sorted(timings)[int(0.9 * (len(timings) - 1))], 3),
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    for key, value in summary.items():
        print(f"{key}: {value}")
    missed = [r["id"] for r in emergencies if r["recognised_at"] is None]
    if missed:
        print("emergencies not recognised:", ", ".join(missed))


if __name__ == "__main__":
    main()
