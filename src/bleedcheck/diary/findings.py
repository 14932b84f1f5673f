"""A diary analysis → knowledge-base findings → `Evidence` the engine can assess.

A finding is set only where the diary really shows it: present when the pattern is there,
absent only when enough cycles are recorded to see that it is not (a diary that shows no
bleeding after sex says nothing about sex, so `bleeding_after_sex` is never set absent).
Everything else stays unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from bleedcheck.diary.analyse import DiaryAnalysis, analyse_diary, analyse_so_far
from bleedcheck.diary.episodes import EpisodeKind
from bleedcheck.diary.figo import recurrence
from bleedcheck.diary.model import Diary
from bleedcheck.engine.evidence import complete
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import Evidence, Presence

MIN_CYCLES_FOR_ABSENT = 2  # estimate: two full cycles without a pattern before saying "no"
LATE_AFTER_USUAL = 7  # estimate: a week past the usual cycle length (cf. S29, test if ~1 week late)
POSTCOITAL_WEEKS_DAYS = 28  # the knowledge base's band: bleeding after sex for over 4 weeks
PAINFUL_PERIOD = 7  # estimate: 7-10 on a 0-10 scale is severe pain
NO_PREGNANCY_AGE = 55  # estimate: a late period is not read as possible pregnancy from 55

# Every finding id the diary can set (a test checks each exists in the knowledge base).
DIARY_FINDINGS = (
    "bleeding_after_sex",
    "bleeding_between_periods",
    "bleeding_recurs_each_cycle",
    "frequent_periods",
    "heavy_periods",
    "infrequent_periods",
    "irregular_periods",
    "midcycle_spotting",
    "painful_periods",
    "period_late",
    "postcoital_over_4w",
    "premenstrual_spotting",
    "prolonged_periods",
)


_Put = Callable[[str, bool, str], None]  # records one finding: id, present?, because


class DiaryFinding(BaseModel):
    """One finding the diary shows, and why (in English, for the clinician and the JSON)."""

    model_config = ConfigDict(frozen=True)

    id: str
    state: Presence
    because: str


def diary_findings(analysis: DiaryAnalysis) -> list[DiaryFinding]:
    """The findings a diary analysis supports, sorted by id."""
    found: dict[str, tuple[Presence, str]] = {}

    def put(fid: str, present: bool, because: str) -> None:
        found[fid] = (Presence.PRESENT if present else Presence.ABSENT, because)

    status: dict[str, str] = {c.parameter: c.status for c in analysis.classifications}
    cycles = len(analysis.cycles)
    frequency = status["frequency"]
    if frequency != "unknown":
        put("frequent_periods", frequency == "frequent", f"frequency is {frequency}")
        put(
            "infrequent_periods", frequency in ("infrequent", "absent"), f"frequency is {frequency}"
        )
    if status["regularity"] != "unknown":
        put("irregular_periods", status["regularity"] == "irregular", "cycle variation")
    periods = len(analysis.pattern.periods)
    for fid, parameter, abnormal in (
        ("prolonged_periods", "duration", "prolonged"),
        ("heavy_periods", "volume", "heavy"),
    ):
        value = status[parameter]
        if value == abnormal or (value != "unknown" and periods >= 2):
            put(fid, value == abnormal, f"{parameter} is {value}")
    _between(analysis, cycles, put)
    _postcoital(analysis, put)
    _late(analysis, put)
    painful = [p for p in analysis.pattern.periods if (p.max_pain or 0) >= PAINFUL_PERIOD]
    if len(painful) >= 2 and 2 * len(painful) >= periods:
        put("painful_periods", True, f"pain {PAINFUL_PERIOD}/10 or more in {len(painful)} periods")
    return [DiaryFinding(id=f, state=s, because=b) for f, (s, b) in sorted(found.items())]


def _between(analysis: DiaryAnalysis, cycles: int, put: _Put) -> None:
    pattern = analysis.pattern
    between = [e for e in pattern.episodes if e.kind.between_periods]
    enough = cycles >= MIN_CYCLES_FOR_ABSENT
    if not between:
        if enough:
            for fid in ("bleeding_between_periods", "midcycle_spotting", "premenstrual_spotting"):
                put(fid, False, f"no bleeding between periods in {cycles} cycles")
        return
    random = pattern.of_kind(EpisodeKind.INTERMENSTRUAL, EpisodeKind.MIDCYCLE)
    if random:
        put("bleeding_between_periods", True, f"{len(random)} episode(s) between periods")
    midcycle = pattern.of_kind(EpisodeKind.MIDCYCLE)
    if midcycle or enough:
        put("midcycle_spotting", bool(midcycle), f"{len(midcycle)} midcycle episode(s)")
    around = recurrence(pattern.of_kind(EpisodeKind.PERIMENSTRUAL))
    if around >= 2 or enough:
        put("premenstrual_spotting", around >= 2, f"spotting next to a period in {around} cycle(s)")
    observed = len(pattern.periods)
    worst = max(recurrence(pattern.of_kind(kind)) for kind in EpisodeKind if kind.between_periods)
    if worst >= 2 and 2 * worst >= observed:
        put(
            "bleeding_recurs_each_cycle", True, f"the same bleeding in {worst} of {observed} cycles"
        )
    elif worst == 1 and observed >= 3:
        put(
            "bleeding_recurs_each_cycle",
            False,
            f"bleeding between periods in 1 of {observed} cycles",
        )


def _postcoital(analysis: DiaryAnalysis, put: _Put) -> None:
    episodes = analysis.pattern.of_kind(EpisodeKind.POSTCOITAL)
    if not episodes:
        return
    put("bleeding_after_sex", True, f"{len(episodes)} episode(s) marked after sex")
    span = (episodes[-1].start - episodes[0].start).days
    if len(episodes) >= 2 and span > POSTCOITAL_WEEKS_DAYS:
        put("postcoital_over_4w", True, f"bleeding after sex recurring over {span} days")


def _late(analysis: DiaryAnalysis, put: _Put) -> None:
    since = analysis.days_since_period_start
    if since is None or (analysis.age is not None and analysis.age >= NO_PREGNANCY_AGE):
        return
    if analysis.classification("frequency").status == "absent":
        put("period_late", True, f"no bleeding for {analysis.days_since_bleeding} days")
        return
    usual = analysis.median_cycle
    if usual is None or len(analysis.cycles) < 2:
        return
    if since > usual + LATE_AFTER_USUAL:
        put("period_late", True, f"day {since + 1} of a usual {usual:g}-day cycle")
    elif since < usual:
        put("period_late", False, f"day {since + 1} of a usual {usual:g}-day cycle")


def diary_evidence(
    ckb: CompiledKB,
    diary: Diary,
    today: dt.date | None = None,
    *,
    age: float | None = None,
) -> Evidence:
    """Evidence from a diary alone (plus age), completed like any other evidence."""
    analysis = analyse_diary(diary, today, age)
    return evidence_from_analysis(ckb, analysis)


def evidence_from_analysis(ckb: CompiledKB, analysis: DiaryAnalysis) -> Evidence:
    findings = {f.id: f.state for f in diary_findings(analysis) if f.id in ckb.finding_index}
    return complete(ckb, Evidence(findings=findings, age=analysis.age))


def evidence_so_far(ckb: CompiledKB, diary: Diary, age: float | None = None) -> Evidence | None:
    """A stored diary's evidence up to today (see `analyse_so_far`); None while it is empty."""
    analysis = analyse_so_far(diary, age)
    return evidence_from_analysis(ckb, analysis) if analysis is not None else None
