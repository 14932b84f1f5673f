"""Read the YAML knowledge base into validated, frozen models.

Every problem is reported as a `KnowledgeError` naming the file, the key path and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bleedcheck.errors import KnowledgeError
from bleedcheck.knowledge.schema import (
    Condition,
    Correction,
    Finding,
    Region,
    RuleBook,
    Source,
    WorkupTest,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class KnowledgeBase:
    """The whole knowledge base as validated models, keyed by id."""

    root: Path
    conditions: dict[str, Condition]
    findings: dict[str, Finding]
    rulebook: RuleBook
    tests: dict[str, WorkupTest]
    corrections: list[Correction]
    sources: dict[str, Source]
    regions: dict[str, Region]
    origin: dict[str, str] = field(default_factory=dict)  # id -> file it came from


def default_root() -> Path:
    """The knowledge base shipped inside the package."""
    return Path(str(resources.files("bleedcheck") / "knowledge"))


def read_yaml(path: Path, display: str) -> Any:
    """Parse one YAML file; syntax errors name the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(display, "", "file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(display, "", f"cannot be read ({exc})") from None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        raise KnowledgeError(display, where, f"invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(display, "", f"invalid YAML: {exc}") from None


def _key_path(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a pydantic location into a readable key path, naming list items by their id."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            item = node[step]
            ident = item.get("id") or item.get("finding") if isinstance(item, dict) else None
            parts.append(f"[{step}]" + (f"({ident})" if ident else ""))
            node = item
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


def validate(model: type[M], data: Any, display: str, prefix: tuple[int | str, ...] = ()) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = prefix + tuple(err["loc"])
        more = f" (and {len(exc.errors()) - 1} more problems)" if len(exc.errors()) > 1 else ""
        raise KnowledgeError(display, _key_path(loc, data), err["msg"] + more) from None


def _validate_list(model: type[M], data: Any, display: str) -> list[M]:
    if not isinstance(data, list):
        raise KnowledgeError(display, "", "expected a YAML list at the top level")
    return [validate(model, item, display, (i,)) for i, item in enumerate(data)]


def _index(items: list[M], display: str, origin: dict[str, str]) -> dict[str, M]:
    out: dict[str, M] = {}
    for item in items:
        ident = str(getattr(item, "id", None) or getattr(item, "code", ""))
        if ident in out:
            raise KnowledgeError(display, ident, "duplicate id")
        if ident in origin and origin[ident] != display and not display.startswith("conditions"):
            raise KnowledgeError(display, ident, f"duplicate id (also in {origin[ident]})")
        out[ident] = item
        origin.setdefault(ident, display)
    return out


def load_knowledge(root: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base in `root` (default: the packaged one)."""
    root = root or default_root()
    origin: dict[str, str] = {}

    findings_list = _validate_list(
        Finding, read_yaml(root / "findings.yaml", "findings.yaml"), "findings.yaml"
    )
    extra_dir = root / "findings_extra"
    if extra_dir.is_dir():
        for path in sorted(extra_dir.glob("*.yaml")):
            display = f"findings_extra/{path.name}"
            findings_list += _validate_list(Finding, read_yaml(path, display), display)
    findings: dict[str, Finding] = {}
    for f in findings_list:
        if f.id in findings:
            raise KnowledgeError("findings", f.id, "duplicate finding id")
        findings[f.id] = f

    conditions: dict[str, Condition] = {}
    cond_dir = root / "conditions"
    if not cond_dir.is_dir():
        raise KnowledgeError("conditions/", "", "directory is missing")
    for path in sorted(cond_dir.glob("*.yaml")):
        display = f"conditions/{path.name}"
        cond = validate(Condition, read_yaml(path, display), display)
        if cond.id != path.stem:
            raise KnowledgeError(display, "id", f"'{cond.id}' does not match the file name")
        conditions[cond.id] = cond
        origin[cond.id] = display

    rulebook = validate(RuleBook, read_yaml(root / "rules.yaml", "rules.yaml"), "rules.yaml")
    tests = _index(
        _validate_list(WorkupTest, read_yaml(root / "tests.yaml", "tests.yaml"), "tests.yaml"),
        "tests.yaml",
        {},
    )
    corrections = _validate_list(
        Correction, read_yaml(root / "corrections.yaml", "corrections.yaml"), "corrections.yaml"
    )
    sources = _index(
        _validate_list(Source, read_yaml(root / "sources.yaml", "sources.yaml"), "sources.yaml"),
        "sources.yaml",
        {},
    )
    regions_list = _validate_list(
        Region, read_yaml(root / "regions.yaml", "regions.yaml"), "regions.yaml"
    )
    regions = {r.code.upper(): r for r in regions_list}
    return KnowledgeBase(
        root=root,
        conditions=conditions,
        findings=findings,
        rulebook=rulebook,
        tests=tests,
        corrections=corrections,
        sources=sources,
        regions=regions,
        origin=origin,
    )
