"""Request and response bodies of the REST API.

Requests forbid unknown fields and name every bad value by its path; responses reuse the
engine's models (`Assessment`, `Triage`, `InterviewStep`) so the API says exactly what the
engine says.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StrictStr
from starlette.responses import Response as HTTPResponse

from bleedcheck.engine.interview import AnswerRecord, InterviewStep
from bleedcheck.vocab import (
    Assessment,
    ConditionResult,
    Contribution,
    Lang,
    Presence,
    TestRecommendation,
    Triage,
    TriageLevel,
)

MAX_TEXT = 5000  # characters of free text to parse
MAX_IDS = 200  # ids in one list (there are fewer than 200 findings)

FindingId = Annotated[str, Field(min_length=1, max_length=64, examples=["bleeding_after_sex"])]
ConditionId = Annotated[str, Field(min_length=1, max_length=64, examples=["cervical_polyp"])]
Region = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z_]{1,16}$",
        description="Region code that chooses the emergency number (GB, RU, DEFAULT...).",
        examples=["GB"],
    ),
]
Age = Annotated[
    float, Strict(), Field(ge=0, le=120, allow_inf_nan=False, description="Age in years.")
]
# strict numbers: JSON true/false or "3" are not numbers
Count = Annotated[int, Strict()]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseIn(Request):
    """What is known: finding states and age. Unknown findings may be left out."""

    age: Age | None = None
    evidence: dict[FindingId, Presence] = Field(
        default_factory=dict,
        max_length=MAX_IDS,
        examples=[{"bleeding_after_sex": "present", "pain_severe_abdominal": "absent"}],
    )
    lang: Lang | None = Field(default=None, description="Default: from Accept-Language.")
    region: Region | None = None


class ReportIn(CaseIn):
    """A case to report on, and optionally her own words to print on the report as given."""

    text: str | None = Field(
        default=None,
        max_length=MAX_TEXT,
        description="Her own words; printed on the report, not parsed (use /v1/parse for that).",
    )


class DiagnosisIn(CaseIn):
    asked: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list,
        max_length=MAX_IDS,
        description="Question ids already put to her (so they are not asked again).",
    )
    limit: Count = Field(default=10, ge=1, le=100, description="Conditions to return, best first.")


class ExplainIn(CaseIn):
    conditions: list[ConditionId] = Field(
        default_factory=list,
        max_length=MAX_IDS,
        description="Condition ids to explain; default: the most probable ones.",
    )
    limit: Count = Field(default=5, ge=1, le=100)


class ParseIn(Request):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    lang: Lang | None = Field(default=None, description="Default: from Accept-Language.")


class InterviewIn(Request):
    """Start an interview, optionally pre-filled from free text, a diary and/or known evidence."""

    lang: Lang | None = None
    region: Region | None = None
    text: str | None = Field(default=None, max_length=MAX_TEXT)
    age: Age | None = None
    evidence: dict[FindingId, Presence] = Field(default_factory=dict, max_length=MAX_IDS)
    diary_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description=(
            "A stored diary whose findings pre-fill the interview (text < diary < evidence); "
            "send the diary's token as the Bearer token."
        ),
    )


AnswerValue = (
    StrictStr
    | Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)]
    | Annotated[float, Strict(), Field(allow_inf_nan=False)]
    | list[Annotated[str, Field(max_length=64)]]
    | dict[FindingId, Presence]
    | None
)


class AnswerIn(Request):
    """An answer to the question of step `step`: see `InterviewStep.question.kind`.

    yes_no: "yes" | "no" | "unknown"; checklist: the ticked option ids (others absent),
    "none", "unknown" or {option id: present|absent|unknown}; choice: an option id, "none" or
    "unknown"; number: a number or "unknown".
    """

    step: Count = Field(ge=1, le=10_000)
    question_id: str = Field(min_length=1, max_length=200)
    answer: AnswerValue = Field(examples=["yes", ["pain_one_sided"], 34])


class UndoIn(Request):
    step: Count | None = Field(
        default=None, ge=1, le=10_000, description="The step shown; a different one gets 409."
    )


# ---- responses ---------------------------------------------------------------------------


class Response(BaseModel):
    model_config = ConfigDict(frozen=True)


class TriageOut(Response):
    kb_version: str
    triage: Triage


class DiagnosisOut(Response):
    kb_version: str
    triage: Triage
    conditions: list[ConditionResult]
    serious_not_ruled_out: list[str]
    tests: list[TestRecommendation]
    next: InterviewStep
    should_stop: bool
    inference: str
    notes: list[str]
    disclaimer: str


class Explanation(Response):
    id: str
    name: str
    probability: float
    prior: float
    likelihood: str
    likelihood_text: str
    supporting: list[Contribution]
    conflicting: list[Contribution]
    prior_factors: list[str]
    explanation: str


class ExplainOut(Response):
    kb_version: str
    level: TriageLevel
    reasons: list[str]
    conditions: list[Explanation]


class ParsedFindingOut(Response):
    id: str
    state: Presence
    span: str
    start: int
    end: int
    rule: str


class ParseOut(Response):
    findings: list[ParsedFindingOut]
    age: float | None
    detected_lang: str
    evidence: dict[str, Presence]


class ConditionSummary(Response):
    id: str
    name: str
    icd10: list[str]
    category: str
    urgency: TriageLevel
    cancer: bool


class LinkedFinding(Response):
    id: str
    label: str
    probability: float


class WorkupItem(Response):
    id: str
    name: str
    description: str


class ConditionDetail(ConditionSummary):
    snomed: str | None
    prior: float
    explanation: str
    self_care: str
    management: list[str]
    workup: list[WorkupItem]
    findings: list[LinkedFinding]
    sources: list[str]


class FindingOut(Response):
    id: str
    kind: str
    group: str
    label: str
    question: str
    band: str | None
    safety_order: int | None


class InterviewOut(Response):
    id: str
    kb_version: str
    version: int = Field(description="Increases with every stored change.")
    lang: Lang
    region: str
    created_at: datetime
    updated_at: datetime
    prefilled: dict[str, Presence]
    prefilled_age: float | None
    history: list[AnswerRecord]
    step: InterviewStep
    assessment: Assessment | None = Field(description="Present once the interview has stopped.")


class InterviewCreated(InterviewOut):
    token: str = Field(
        description="Access token: send it as `Authorization: Bearer <token>`. Shown only once."
    )


class Health(Response):
    status: Literal["ok"]
    kb_version: str
    database: str


class Problem(Response):
    """An error, as RFC 9457 problem details (media type application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, Any]] = Field(default_factory=list)


def render(
    model: BaseModel,
    status: int = 200,
    headers: dict[str, str] | None = None,
    lang: Lang | None = None,
) -> HTTPResponse:
    """Serialise a response model once (routes declare `response_model` for the docs)."""
    out = dict(headers or {})
    if lang:
        out["Content-Language"] = lang
        out["Vary"] = "Accept-Language"
    return HTTPResponse(
        model.model_dump_json(), status_code=status, media_type="application/json", headers=out
    )
