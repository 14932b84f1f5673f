"""What the result page shows of an assessment, in the order a woman needs it."""

from __future__ import annotations

from typing import Any

from bleedcheck.engine.explain import finding_label
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Assessment, ConditionResult, Evidence, TriageLevel

SHOWN_CAUSES = 6
MIN_SHOWN_CAUSES = 3
SHOWN_FLOOR = 0.02  # causes below 2% are listed only to reach MIN_SHOWN_CAUSES
SHOWN_TESTS = 6
SELF_CARE_CAUSES = 2
SELF_CARE_LIKELIHOODS = ("very_likely", "likely", "possible")
EMERGENCY_LEVELS = (TriageLevel.EMERGENCY, TriageLevel.EMERGENCY_AMBULANCE)


def shown_causes(conditions: list[ConditionResult]) -> list[ConditionResult]:
    """The leading causes: those above the floor (at most six), and never fewer than three."""
    causes = [c for c in conditions[:SHOWN_CAUSES] if c.probability >= SHOWN_FLOOR]
    return causes if len(causes) >= MIN_SHOWN_CAUSES else conditions[:MIN_SHOWN_CAUSES]


def result_context(ckb: CompiledKB, assessment: Assessment, evidence: Evidence) -> dict[str, Any]:
    """Template values for the result page (the interview's own values are added by the route)."""
    causes = shown_causes(assessment.conditions)
    names = {c.id: c.name for c in assessment.conditions}
    emergency = assessment.triage.level in EMERGENCY_LEVELS
    # self-care advice would distract from an emergency
    self_care = (
        []
        if emergency
        else [
            (c.name, c.self_care)
            for c in causes
            if c.self_care and c.likelihood in SELF_CARE_LIKELIHOODS
        ][:SELF_CARE_CAUSES]
    )
    known = ckb.kb.findings
    lang = assessment.lang
    return {
        "title": assessment.triage.label,
        "assessment": assessment,
        "emergency": emergency,
        "causes": causes,
        "serious": [names[c] for c in assessment.serious_not_ruled_out if c in names],
        "tests": assessment.tests[:SHOWN_TESTS],
        "self_care": self_care,
        "answered_yes": [finding_label(ckb, f, lang) for f in evidence.present() if f in known],
        "answered_no": [finding_label(ckb, f, lang) for f in evidence.absent() if f in known],
    }
