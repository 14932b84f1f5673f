"""The shared vocabulary: presence states, triage levels, evidence and the assessment."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    UNKNOWN = "unknown"


class TriageLevel(StrEnum):
    """Triage levels; `rank` orders them from the least to the most urgent."""

    SELF_CARE = "self_care"
    CONSULTATION = "consultation"
    CONSULTATION_24 = "consultation_24"
    EMERGENCY = "emergency"
    EMERGENCY_AMBULANCE = "emergency_ambulance"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {level: i for i, level in enumerate(TriageLevel)}

Lang = Literal["en", "ru"]
LANGS: tuple[Lang, ...] = ("en", "ru")


class Evidence(BaseModel):
    """What is known about one woman: finding states plus age. Nothing else."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    findings: dict[str, Presence] = Field(default_factory=dict)
    age: float | None = None

    def state(self, finding_id: str) -> Presence:
        return self.findings.get(finding_id, Presence.UNKNOWN)

    def present(self) -> list[str]:
        return sorted(f for f, s in self.findings.items() if s is Presence.PRESENT)

    def absent(self) -> list[str]:
        return sorted(f for f, s in self.findings.items() if s is Presence.ABSENT)

    def with_state(self, finding_id: str, state: Presence) -> Evidence:
        updated = dict(self.findings)
        if state is Presence.UNKNOWN:
            updated.pop(finding_id, None)
        else:
            updated[finding_id] = state
        return Evidence(findings=updated, age=self.age)


class Contribution(BaseModel):
    """How much one answered finding moved a condition (log likelihood ratio)."""

    model_config = ConfigDict(frozen=True)

    finding: str
    label: str
    state: Presence
    log_lr: float


class ConditionResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    icd10: list[str]
    category: str
    urgency: TriageLevel
    cancer: bool
    probability: float
    prior: float
    likelihood: str
    likelihood_text: str
    supporting: list[Contribution] = Field(default_factory=list)
    conflicting: list[Contribution] = Field(default_factory=list)
    prior_factors: list[str] = Field(default_factory=list)
    workup: list[str] = Field(default_factory=list)
    explanation: str = ""
    self_care: str = ""
    management: list[str] = Field(default_factory=list)


class RuleHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    level: TriageLevel
    reason: str
    advice: str
    timeframe_days: int | None = None


class Triage(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: TriageLevel
    label: str
    action: str
    timeframe: str
    timeframe_days: int | None
    safety_net: str
    reasons: list[str]
    rules: list[RuleHit]
    escalating_conditions: list[str]
    region: str
    emergency_number: str
    general_emergency_number: str


class TestRecommendation(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    description: str
    for_conditions: list[str]


class Assessment(BaseModel):
    """Everything the engine says about one case."""

    model_config = ConfigDict(frozen=True)

    lang: Lang
    age: float | None
    evidence: dict[str, Presence]
    triage: Triage
    conditions: list[ConditionResult]
    serious_not_ruled_out: list[str]
    tests: list[TestRecommendation]
    inference: str
    notes: list[str] = Field(default_factory=list)
    disclaimer: str
