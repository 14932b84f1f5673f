"""Vignette benchmark: diagnosis accuracy and triage safety on cases with a gold answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.evidence import evidence_from_case
from bleedcheck.errors import CaseFileError
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Lang, TriageLevel

EMERGENCY_RANK = TriageLevel.EMERGENCY.rank


class Vignette(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    text: str = ""
    age: float | None = None
    evidence: dict[str, str] = Field(default_factory=dict)
    gold_condition: str
    gold_triage: TriageLevel
    source: str


@dataclass(frozen=True)
class Outcome:
    vignette: Vignette
    top: list[str]
    level: TriageLevel

    @property
    def top1(self) -> bool:
        return bool(self.top) and self.top[0] == self.vignette.gold_condition

    @property
    def top3(self) -> bool:
        return self.vignette.gold_condition in self.top[:3]


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        n = len(self.outcomes)
        emergencies = [o for o in self.outcomes if o.vignette.gold_triage.rank >= EMERGENCY_RANK]
        others = [o for o in self.outcomes if o.vignette.gold_triage.rank < EMERGENCY_RANK]
        return {
            "n": n,
            "top1": _share(sum(o.top1 for o in self.outcomes), n),
            "top3": _share(sum(o.top3 for o in self.outcomes), n),
            "triage_exact": _share(
                sum(o.level is o.vignette.gold_triage for o in self.outcomes), n
            ),
            "emergency_sensitivity": _share(
                sum(o.level.rank >= EMERGENCY_RANK for o in emergencies), len(emergencies)
            ),
            "under_triage": sum(o.level.rank < o.vignette.gold_triage.rank for o in self.outcomes),
            "over_triage": _share(sum(o.level.rank >= EMERGENCY_RANK for o in others), len(others)),
        }

    def per_condition(self) -> dict[str, tuple[int, int, int]]:
        """gold condition -> (n, top-1 hits, top-3 hits)"""
        table: dict[str, list[int]] = {}
        for o in self.outcomes:
            row = table.setdefault(o.vignette.gold_condition, [0, 0, 0])
            row[0] += 1
            row[1] += o.top1
            row[2] += o.top3
        return {k: (v[0], v[1], v[2]) for k, v in sorted(table.items())}

    def confusion(self) -> Counter[tuple[TriageLevel, TriageLevel]]:
        return Counter((o.vignette.gold_triage, o.level) for o in self.outcomes)


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def default_vignettes() -> Path:
    return Path(str(resources.files("bleedcheck") / "evaluation" / "vignettes"))


def load_vignettes(path: Path | None = None) -> list[Vignette]:
    """Read vignettes from a YAML file or every YAML file in a folder."""
    path = path or default_vignettes()
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files:
        raise CaseFileError(f"{path}: no vignette files found")
    vignettes: list[Vignette] = []
    for file in files:
        vignettes.extend(
            _vignette(item, file, i) for i, item in enumerate(_yaml_list(file, "of vignettes"))
        )
    return vignettes


def _vignette(item: Any, file: Path, i: int) -> Vignette:
    """One item as a vignette, or a one-line error naming the file, item and field."""
    try:
        return Vignette.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise CaseFileError(f"{file}: item {i} ({loc}): {first['msg']}") from None


def evaluate(ckb: CompiledKB, vignettes: list[Vignette]) -> Report:
    report = Report()
    for v in vignettes:
        case = {"age": v.age, "evidence": dict(v.evidence)}
        evidence = evidence_from_case(ckb, case, where=f"vignette {v.id}")
        result = assess_evidence(ckb, evidence)
        report.outcomes.append(
            Outcome(
                vignette=v, top=[c.id for c in result.conditions[:3]], level=result.triage.level
            )
        )
    return report


def default_text_cases(lang: Lang) -> Path:
    return Path(str(resources.files("bleedcheck") / "evaluation" / "cases" / f"{lang}.yaml"))


def _yaml_list(file: Path, what: str = "") -> list[Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseFileError(f"{file}: no such file") from None
    except yaml.YAMLError as exc:
        raise CaseFileError(f"{file}: invalid YAML ({exc})") from None
    if not isinstance(data, list):
        raise CaseFileError(f"{file}: expected a YAML list {what}".rstrip())
    return data


def load_text_cases(path: Path) -> list[Vignette]:
    """End-to-end cases: a text with a gold condition and triage level, no evidence."""
    cases: list[Vignette] = []
    for i, item in enumerate(_yaml_list(path)):
        if not isinstance(item, dict):
            raise CaseFileError(f"{path}: item {i}: expected a mapping")
        fields = {k: item.get(k) for k in ("id", "text", "gold_condition", "gold_triage")}
        cases.append(_vignette({**fields, "source": item.get("source", "")}, path, i))
    return cases


def russian_vignette_texts(vignettes: list[Vignette]) -> list[Vignette]:
    """The vignettes with their Russian renderings (vignettes_ru.yaml) as text."""
    path = Path(str(resources.files("bleedcheck") / "evaluation" / "vignettes_ru.yaml"))
    texts = {item["id"]: item["text"] for item in _yaml_list(path)}
    return [v.model_copy(update={"text": texts[v.id]}) for v in vignettes if v.id in texts]


def evaluate_text(ckb: CompiledKB, cases: list[Vignette], lang: Lang) -> Report:
    """Read each case's text with the parser, then assess what it found (the age too)."""
    from bleedcheck.language.parse import parse

    report = Report()
    for case in cases:
        evidence = parse(case.text, lang, ckb).evidence()
        result = assess_evidence(ckb, evidence)
        report.outcomes.append(
            Outcome(
                vignette=case, top=[c.id for c in result.conditions[:3]], level=result.triage.level
            )
        )
    return report
