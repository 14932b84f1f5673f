"""A simulated patient who answers interview questions from a fixed set of facts."""

from __future__ import annotations

from typing import Any

Facts = dict[str, str]  # finding id -> present | absent (everything else: don't know)

EARLY_PREGNANCY_PAIN: Facts = {
    "period_late": "present",
    "pregnancy_possible": "present",
    "pain_one_sided": "present",
    "fainting_or_collapse": "absent",
}
POSTCOITAL: Facts = {
    "bleeding_after_sex": "present",
    "pain_severe_abdominal": "absent",
    "pain_one_sided": "absent",
    "pregnancy_test_negative": "present",
}


def answer_for(question: dict[str, Any], facts: Facts, age: float | None = 30) -> Any:
    kind = question["kind"]
    if kind == "number":
        return age if age is not None else "unknown"
    if kind == "yes_no":
        return {"present": "yes", "absent": "no"}.get(facts.get(question["id"], ""), "unknown")
    states = {o["id"]: facts.get(o["id"], "unknown") for o in question["options"]}
    if kind == "choice":
        chosen = [f for f, s in states.items() if s == "present"]
        if chosen:
            return chosen[0]
        return "none" if any(s == "absent" for s in states.values()) else "unknown"
    return states
