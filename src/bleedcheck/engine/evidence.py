"""Turn a case (dict or file) into validated `Evidence`, and apply fixed implications."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bleedcheck.errors import CaseFileError, EvidenceError, did_you_mean
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Evidence, Presence

MIN_AGE, MAX_AGE = 0, 120
# estimate: periods have stopped for good in nearly every woman by 60 (the menopause comes at
# about 51, and "perimenopause" is a diagnosis of the 40s and early 50s, clinical reference §2);
# bleeding then is handled as postmenopausal bleeding unless she says her periods go on
POSTMENOPAUSAL_AGE = 60

# Facts that follow from other facts. A late period keeps pregnancy possible whatever she
# believes, until a test is negative (DESIGN.md: never ruled out by belief).
_IMPLIES: tuple[tuple[str, str], ...] = (
    ("gestation_under_6w", "pregnancy_confirmed"),
    ("gestation_6_13w", "pregnancy_confirmed"),
    ("gestation_13_20w", "pregnancy_confirmed"),
    ("gestation_20w_plus", "pregnancy_confirmed"),
    ("pregnancy_confirmed", "pregnancy_possible"),
    ("postcoital_over_4w", "bleeding_after_sex"),
    ("bleeding_after_first_sex", "bleeding_after_sex"),
)


def _presence(value: Any, where: str) -> Presence:
    if isinstance(value, str) and value.lower() in Presence._value2member_map_:
        return Presence(value.lower())
    if value is True:
        return Presence.PRESENT
    if value is False:
        return Presence.ABSENT
    raise EvidenceError(f"{where}: {value!r} is not one of present, absent, unknown")


def _age(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise EvidenceError(f"{where}: age must be a number of years, got {value!r}")
    if not MIN_AGE <= value <= MAX_AGE:
        raise EvidenceError(f"{where}: age {value} is out of range ({MIN_AGE}-{MAX_AGE})")
    return float(value)


def evidence_from_case(ckb: CompiledKB, case: Mapping[str, Any], where: str = "case") -> Evidence:
    """Validate a case `{"age": 34, "evidence": {"finding_id": "present"}}`."""
    if not isinstance(case, Mapping):
        raise EvidenceError(f"{where}: expected an object with 'age' and 'evidence'")
    unknown_keys = set(case) - {"age", "evidence", "id", "note", "region", "lang"}
    if unknown_keys:
        raise EvidenceError(
            f"{where}: unknown key {sorted(unknown_keys)[0]!r}; allowed: age, evidence"
        )
    raw = case.get("evidence", {})
    if not isinstance(raw, Mapping):
        raise EvidenceError(f"{where}: 'evidence' must map finding ids to present/absent/unknown")
    findings: dict[str, Presence] = {}
    for fid, value in raw.items():
        if fid not in ckb.finding_index:
            raise EvidenceError(
                f"{where}: unknown finding '{fid}'{did_you_mean(str(fid), ckb.finding_ids)}"
            )
        state = _presence(value, f"{where}: evidence.{fid}")
        if state is not Presence.UNKNOWN:  # unknown is the same as not mentioned
            findings[fid] = state
    return complete(ckb, Evidence(findings=findings, age=_age(case.get("age"), f"{where}")))


def complete(ckb: CompiledKB, evidence: Evidence) -> Evidence:
    """Check band groups and add the implied findings."""
    for band, members in ckb.bands.items():
        on = [m for m in members if evidence.state(m) is Presence.PRESENT]
        if len(on) > 1:
            raise EvidenceError(
                f"findings {', '.join(on)} are in the same band '{band}'; only one can be present"
            )
    findings = dict(evidence.findings)
    for cause, effect in _IMPLIES:
        if findings.get(cause) is Presence.PRESENT and effect in ckb.finding_index:
            findings[effect] = Presence.PRESENT
    old = evidence.age is not None and evidence.age >= POSTMENOPAUSAL_AGE
    if old and "postmenopausal" in ckb.finding_index and "postmenopausal" not in findings:
        findings["postmenopausal"] = Presence.PRESENT
    late = findings.get("period_late") is Presence.PRESENT
    if late and findings.get("pregnancy_test_negative") is not Presence.PRESENT:
        findings["pregnancy_possible"] = Presence.PRESENT
    return Evidence(findings=findings, age=evidence.age)


def read_case_file(path: str | Path) -> dict[str, Any]:
    """Read a JSON case file (`-` for stdin); syntax errors name line and column."""
    display = "<stdin>" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            import sys

            text = sys.stdin.read()
        else:
            text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{display}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{display}: cannot be read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(
            f"{display}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"
        ) from None
    if not isinstance(data, dict):
        raise CaseFileError(f"{display}: expected a JSON object with 'age' and 'evidence'")
    return data
