"""Consistency checks behind `bleedcheck kb check`.

Schema problems are caught on load; this module checks what spans files: ids that must exist,
coverage of the seed inventory and of the reference tables, link counts, translations and
the rule invariants the triage proofs rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bleedcheck.errors import did_you_mean
from bleedcheck.knowledge.inventory import SharedDocs
from bleedcheck.knowledge.load import KnowledgeBase
from bleedcheck.knowledge.schema import Text
from bleedcheck.vocab import TriageLevel

MIN_LINKS = 3
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.reason}"


@dataclass(frozen=True)
class CheckReport:
    problems: list[Problem]
    numbers: int
    estimates: int
    seed_coverage: str

    @property
    def estimate_share(self) -> float:
        return self.estimates / self.numbers if self.numbers else 0.0


def _texts(obj: object, path: str = "") -> list[tuple[str, Text]]:
    """Every bilingual text inside a model, with its key path."""
    from pydantic import BaseModel

    found: list[tuple[str, Text]] = []
    if isinstance(obj, Text):
        return [(path, obj)]
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            found += _texts(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            found += _texts(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k, v in obj.items():
            found += _texts(v, f"{path}.{k}")
    return found


def check_knowledge(kb: KnowledgeBase, shared: SharedDocs | None = None) -> CheckReport:
    problems: list[Problem] = []
    add = problems.append
    findings = kb.findings
    numbers = estimates = 0

    def count(source: str) -> None:
        nonlocal numbers, estimates
        numbers += 1
        estimates += source == "estimate"

    def known_source(file: str, key: str, source: str) -> None:
        if source != "estimate" and source not in kb.sources:
            add(Problem(file, key, f"unknown source '{source}'{did_you_mean(source, kb.sources)}"))

    def known_finding(file: str, key: str, fid: str) -> None:
        if fid not in findings:
            add(Problem(file, key, f"unknown finding '{fid}'{did_you_mean(fid, findings)}"))

    seed_refs: set[str] = set()

    for fid, finding in findings.items():
        file = kb.origin.get(fid, "findings.yaml")
        count(finding.leak.source)
        known_source(file, f"{fid}.leak", finding.leak.source)
        seed_refs.update(finding.seed_refs)
        if not finding.is_context and not (finding.synonyms.en and finding.synonyms.ru):
            add(Problem(file, f"{fid}.synonyms", "needs synonyms in both en and ru"))

    bands: dict[str, list[str]] = {}
    for fid, finding in findings.items():
        if finding.band:
            bands.setdefault(finding.band, []).append(fid)
    for band, members in bands.items():
        if len(members) < 2 and band not in {"postcoital_duration", "contraception_duration"}:
            add(Problem("findings.yaml", band, "a band group needs at least two findings"))

    for cid, cond in kb.conditions.items():
        file = kb.origin.get(cid, f"conditions/{cid}.yaml")
        seed_refs.update(cond.seed_refs)
        for item in cond.management:
            seed_refs.update(item.seed_refs)
        linked = [link.finding for link in cond.links]
        if len(set(linked)) < MIN_LINKS:
            add(Problem(file, "links", f"has {len(set(linked))} findings; at least {MIN_LINKS}"))
        if len(set(linked)) != len(linked):
            add(Problem(file, "links", "a finding is linked twice"))
        for i, link in enumerate(cond.links):
            key = f"links[{i}]({link.finding})"
            count(link.source)
            known_source(file, key, link.source)
            known_finding(file, key, link.finding)
            if link.finding in findings and findings[link.finding].is_context:
                add(Problem(file, key, "context findings shape priors; they cannot be linked"))
        prior = cond.prior
        count(prior.base.source)
        known_source(file, "prior.base", prior.base.source)
        for i, stratum in enumerate(prior.strata):
            count(stratum.source)
            known_source(file, f"prior.strata[{i}]", stratum.source)
            for fid in stratum.when.finding_ids():
                known_finding(file, f"prior.strata[{i}].when", fid)
        for i, mod in enumerate(prior.modifiers):
            count(mod.source)
            known_source(file, f"prior.modifiers[{i}]", mod.source)
            known_finding(file, f"prior.modifiers[{i}]", mod.finding)
        for fid in prior.excluded_by:
            known_finding(file, "prior.excluded_by", fid)
        for test_id in cond.workup:
            if test_id not in kb.tests:
                add(
                    Problem(
                        file, "workup", f"unknown test '{test_id}'{did_you_mean(test_id, kb.tests)}"
                    )
                )
        for src in cond.sources:
            known_source(file, "sources", src)

    rulebook = kb.rulebook
    for name in ("consultation_24", "consultation", "cancer", "cancer_timeframe_days"):
        setting = getattr(rulebook.thresholds, name)
        count(setting.source)
        known_source("rules.yaml", f"thresholds.{name}", setting.source)
    rule_ids: set[str] = set()
    covered_rows: set[int] = set()
    for rule in rulebook.rules:
        key = f"rules.{rule.id}"
        if rule.id in rule_ids:
            add(Problem("rules.yaml", key, "duplicate rule id"))
        rule_ids.add(rule.id)
        seed_refs.update(rule.seed_refs)
        covered_rows.update(rule.reference_rows)
        for fid in rule.when.finding_ids():
            known_finding("rules.yaml", f"{key}.when", fid)
        for src in rule.sources:
            known_source("rules.yaml", f"{key}.sources", src)
        if rule.when.none and rule.level is not TriageLevel.SELF_CARE:
            # an unknown answer must never triage lower than an absent one
            add(Problem("rules.yaml", f"{key}.when.none", "only self_care rules may use `none`"))
        if rule.level is TriageLevel.SELF_CARE and not rule.when.none:
            add(Problem("rules.yaml", key, "a self_care rule must name the alarms it excludes"))
        if not rule.reference_rows:
            add(Problem("rules.yaml", key, "cites no row of clinical-reference section 3"))

    for test in kb.tests.values():
        seed_refs.update(test.seed_refs)
    correction_rows: set[int] = set()
    for corr in kb.corrections:
        seed_refs.update(corr.seed_refs)
        correction_rows.update(corr.reference_rows)
        for lang in ("en", "ru"):
            for pattern in getattr(corr.forbidden, lang):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    add(
                        Problem(
                            "corrections.yaml", f"{corr.id}.forbidden.{lang}", f"bad regex: {exc}"
                        )
                    )

    for owner, model in [
        *((kb.origin.get(c, c), m) for c, m in kb.conditions.items()),
        *(("findings.yaml", f) for f in findings.values()),
        *(("rules.yaml", r) for r in rulebook.rules),
        *(("tests.yaml", t) for t in kb.tests.values()),
    ]:
        ident = getattr(model, "id", "")
        for path, text in _texts(model):
            if not _CYRILLIC.search(text.ru):
                add(Problem(owner, f"{ident}.{path}.ru", "missing Russian translation"))

    coverage = "seed inventory not found (set BLEEDCHECK_SHARED)"
    if shared is not None:
        missing = sorted(shared.seed_ids - seed_refs)
        for sid in missing:
            add(
                Problem("seed-inventory.md", sid, "seed id is not referenced by the knowledge base")
            )
        unknown = sorted(seed_refs - shared.seed_ids)
        for sid in unknown:
            add(Problem("knowledge", sid, "seed id does not exist in seed-inventory.md"))
        for row in range(1, shared.triage_rows + 1):
            if row not in covered_rows:
                add(
                    Problem(
                        "rules.yaml", f"row {row}", "clinical-reference section 3 row not covered"
                    )
                )
        for row in range(1, shared.correction_rows + 1):
            if row not in correction_rows:
                add(Problem("corrections.yaml", f"row {row}", "section 6 row not covered"))
        coverage = (
            f"{len(shared.seed_ids) - len(missing)}/{len(shared.seed_ids)} seed ids referenced"
        )
    return CheckReport(
        problems=problems, numbers=numbers, estimates=estimates, seed_coverage=coverage
    )
