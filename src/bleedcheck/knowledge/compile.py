"""Compile the validated knowledge base once into arrays the engine computes with."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bleedcheck.knowledge.load import KnowledgeBase, load_knowledge
from bleedcheck.knowledge.schema import When

FloatArray = npt.NDArray[np.float64]

# Risk-factor odds ratios multiply within a stratum, capped at x10 in total (DESIGN.md).
MAX_TOTAL_ODDS_RATIO = 10.0


@dataclass(frozen=True)
class CompiledPrior:
    """One condition's prior: strata in order, then modifiers, then exclusions."""

    base: float
    strata: tuple[tuple[When, float], ...]
    modifiers: tuple[tuple[str, float], ...]
    excluded_by: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity hash: compiled once, used as a cache key
class CompiledKB:
    kb: KnowledgeBase
    condition_ids: tuple[str, ...]
    finding_ids: tuple[str, ...]
    condition_index: dict[str, int]
    finding_index: dict[str, int]
    links: FloatArray  # [C, F] noisy-OR strengths, 0 where unlinked
    log_not_link: FloatArray  # [C, F] log(1 - links)
    leak: FloatArray  # [F]
    priors: tuple[CompiledPrior, ...]
    child: npt.NDArray[np.bool_]  # [F] True for findings that conditions can cause
    bands: dict[str, tuple[str, ...]]
    version: str  # content hash of the YAML files: which knowledge an assessment used

    @property
    def n_conditions(self) -> int:
        return len(self.condition_ids)


def compile_knowledge(kb: KnowledgeBase) -> CompiledKB:
    condition_ids = tuple(sorted(kb.conditions))
    finding_ids = tuple(kb.findings)
    c_index = {c: i for i, c in enumerate(condition_ids)}
    f_index = {f: i for i, f in enumerate(finding_ids)}
    links = np.zeros((len(condition_ids), len(finding_ids)))
    for cid, cond in kb.conditions.items():
        for link in cond.links:
            if link.finding in f_index:
                links[c_index[cid], f_index[link.finding]] = link.p
    leak = np.array([kb.findings[f].leak.p for f in finding_ids])
    priors = tuple(
        CompiledPrior(
            base=kb.conditions[c].prior.base.p,
            strata=tuple((s.when, s.p) for s in kb.conditions[c].prior.strata),
            modifiers=tuple((m.finding, m.odds_ratio) for m in kb.conditions[c].prior.modifiers),
            excluded_by=tuple(kb.conditions[c].prior.excluded_by),
        )
        for c in condition_ids
    )
    bands: dict[str, list[str]] = {}
    for fid, finding in kb.findings.items():
        if finding.band:
            bands.setdefault(finding.band, []).append(fid)
    child = np.array([not kb.findings[f].is_context for f in finding_ids])
    with np.errstate(divide="ignore"):
        log_not_link = np.log1p(-links)
    return CompiledKB(
        kb=kb,
        condition_ids=condition_ids,
        finding_ids=finding_ids,
        condition_index=c_index,
        finding_index=f_index,
        links=links,
        log_not_link=log_not_link,
        leak=leak,
        priors=priors,
        child=child,
        bands={k: tuple(v) for k, v in bands.items()},
        version=content_hash(kb.root),
    )


def content_hash(root: Path) -> str:
    """A short SHA-256 over every YAML file of the knowledge base, in path order."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def compiled(root: Path | None = None) -> CompiledKB:
    """Load and compile a knowledge base once per process (default: the packaged one)."""
    return compile_knowledge(load_knowledge(root))


def logit(p: float) -> float:
    return math.log(p) - math.log1p(-p)
