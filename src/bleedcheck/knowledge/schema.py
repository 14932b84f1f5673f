"""Pydantic models of the knowledge-base files; validated on load and frozen."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bleedcheck.vocab import TriageLevel

Probability = Annotated[float, Field(gt=0.0, lt=1.0)]
SeedId = Annotated[str, Field(pattern=r"^S-[A-Z]\d{2}$")]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """Patient-facing text in both languages."""

    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en


class Sourced(Frozen):
    """A number with its source; estimates must say why."""

    source: str = Field(min_length=1)
    reason: str | None = None

    @model_validator(mode="after")
    def _estimate_needs_reason(self) -> Sourced:
        if self.source == "estimate" and not (self.reason and self.reason.strip()):
            raise ValueError("an estimate needs a `reason`")
        return self


class SourcedProbability(Sourced):
    p: Probability


class When(Frozen):
    """A clause: all (items may be any-of lists), any, none (explicitly absent), age bounds."""

    all: list[str | list[str]] = Field(default_factory=list)
    any: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    age_min: float | None = None
    age_max: float | None = None

    def finding_ids(self) -> list[str]:
        ids: list[str] = []
        for item in self.all:
            ids.extend([item] if isinstance(item, str) else item)
        return ids + list(self.any) + list(self.none)


class Stratum(SourcedProbability):
    when: When


class Modifier(Sourced):
    finding: str
    odds_ratio: float = Field(gt=0.0, le=100.0)


class Prior(Frozen):
    base: SourcedProbability
    strata: list[Stratum] = Field(default_factory=list)
    modifiers: list[Modifier] = Field(default_factory=list)
    excluded_by: list[str] = Field(default_factory=list)


class Link(SourcedProbability):
    finding: str


class ManagementItem(Frozen):
    text: Text
    seed_refs: list[SeedId] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


Category = Literal[
    "lower_tract",
    "infection",
    "uterine",
    "ovarian",
    "endocrine",
    "physiological",
    "contraceptive",
    "iatrogenic",
    "coagulation",
    "pregnancy_early",
    "pregnancy_late",
    "postpartum",
    "trauma",
    "non_genital",
    "cancer",
]

ConditionUrgency = Literal["self_care", "consultation", "consultation_24"]


class Condition(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    icd10: list[str] = Field(min_length=1)
    snomed: str | int | None = None
    category: Category
    urgency: ConditionUrgency
    cancer: bool = False
    prior: Prior
    links: list[Link] = Field(min_length=1)
    workup: list[str] = Field(default_factory=list)
    management: list[ManagementItem] = Field(default_factory=list)
    self_care: Text
    explanation: Text
    sources: list[str] = Field(default_factory=list)
    seed_refs: list[SeedId] = Field(default_factory=list)

    @field_validator("icd10")
    @classmethod
    def _icd10_shape(cls, codes: list[str]) -> list[str]:
        import re

        for code in codes:
            if not re.fullmatch(r"[A-Z]\d{2}(\.\d{1,2})?", code):
                raise ValueError(f"'{code}' is not an ICD-10 code like N86 or O00.1")
        return codes

    @property
    def level(self) -> TriageLevel:
        return TriageLevel(self.urgency)


FindingKind = Literal["symptom", "sign", "context", "risk", "test"]
CONTEXT_KINDS = frozenset({"context", "risk"})


class Synonyms(Frozen):
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)


class Finding(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: FindingKind
    group: str
    question: Text
    synonyms: Synonyms = Field(default_factory=Synonyms)
    leak: SourcedProbability
    band: str | None = None
    safety_order: int | None = Field(default=None, ge=1, le=9)
    seed_refs: list[SeedId] = Field(default_factory=list)

    @property
    def is_context(self) -> bool:
        return self.kind in CONTEXT_KINDS


class Rule(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    level: TriageLevel
    when: When
    timeframe_days: int | None = Field(default=None, ge=0, le=365)
    reason: Text
    advice: Text
    reference_rows: list[int] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    seed_refs: list[SeedId] = Field(default_factory=list)


class LevelText(Frozen):
    label: Text
    action: Text
    timeframe: Text
    safety_net: Text


class Threshold(Sourced):
    p: Probability


class DaysSetting(Sourced):
    value: int = Field(ge=1, le=365)


class Thresholds(Frozen):
    consultation_24: Threshold
    consultation: Threshold
    cancer: Threshold
    cancer_timeframe_days: DaysSetting


class RuleBook(Frozen):
    levels: dict[TriageLevel, LevelText]
    thresholds: Thresholds
    rules: list[Rule]

    @field_validator("levels")
    @classmethod
    def _all_levels(cls, levels: dict[TriageLevel, LevelText]) -> dict[TriageLevel, LevelText]:
        missing = [lv.value for lv in TriageLevel if lv not in levels]
        if missing:
            raise ValueError(f"missing level texts for {', '.join(missing)}")
        return levels


class WorkupTest(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    description: Text
    priority: int = 50
    sources: list[str] = Field(default_factory=list)
    seed_refs: list[SeedId] = Field(default_factory=list)


class ForbiddenPatterns(Frozen):
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)


class Correction(Frozen):
    id: str
    seed_refs: list[SeedId] = Field(default_factory=list)
    reference_rows: list[int] = Field(default_factory=list)
    claim: Text
    correction: Text
    sources: list[str] = Field(default_factory=list)
    forbidden: ForbiddenPatterns = Field(default_factory=ForbiddenPatterns)
    note: str | None = None


class Source(Frozen):
    id: str
    title: str
    url: str | None = None
    note: str | None = None


class Region(Frozen):
    code: str
    name: Text
    emergency_number: str
    ambulance_number: str | None = None
    note: str | None = None
