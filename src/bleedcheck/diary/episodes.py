"""Day entries → bleeding episodes (periods and the bleeding between them) → cycles.

Rules (estimates where no source gives one; FIGO 2018 leaves "a period" to the patient):
- A **period** is a run of days with flow light or heavier, in which one day of spotting or no
  bleeding may interrupt the run, with at least 3 such days, or 2 when one of them is medium or
  heavier. A normal period lasts 2-8 days, usually 4-6 (clinical reference §1.1, S69); a single
  day or two light days are counted as bleeding between periods instead.
- One or two days of spotting right next to a period (no dry day between) belong to it, as its
  tail: a period often starts or ends with a day of brown spotting, which is harmless (S2 and the
  knowledge base's `premenstrual_spotting`). They are not counted in its duration.
- Every other bleeding day (spotting, or a flow too short to be a period) outside a period
  belongs to a **non-period episode**: consecutive days, again with one dry day allowed inside.
- A non-period episode is **postcoital** when a day of it is marked `after_sex`; otherwise
  **perimenstrual** when it is spotting only and ends at most 2 dry days before a period or
  starts at most 2 dry days after one (FIGO's pre-/post-menstrual spotting); **midcycle** when it
  lasts at most 3 days, is no more than light, and starts 10-18 days before the next period
  (ovulation is about 14 days before a period; without a next period, on cycle days 10-18);
  otherwise **intermenstrual**. Before the first recorded period it cannot be placed in a cycle
  (**unplaced**).
- A **cycle** runs from the first day of one period to the first day of the next.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bleedcheck.diary.model import DayEntry, Diary, Flow

MAX_GAP = 2  # days between two bleeding days of one episode: one dry day allowed inside
MAX_TAIL = 2  # estimate: up to 2 spotting days right before or after a period belong to it
PERIMENSTRUAL_GAP = 3  # spotting ending ≤ 2 dry days before (or starting after) a period
MIDCYCLE_MAX_DAYS = 3
MIDCYCLE_BEFORE_NEXT = (10, 18)  # days from the spotting to the next period's first day
MIDCYCLE_CYCLE_DAYS = (10, 18)  # cycle days, when there is no next period yet


class EpisodeKind(StrEnum):
    PERIOD = "period"
    INTERMENSTRUAL = "intermenstrual"
    MIDCYCLE = "midcycle"
    PERIMENSTRUAL = "perimenstrual"
    POSTCOITAL = "postcoital"
    UNPLACED = "unplaced"

    @property
    def between_periods(self) -> bool:
        """Intermenstrual bleeding in FIGO's sense (postcoital is counted on its own)."""
        return self in _BETWEEN


_BETWEEN = {EpisodeKind.INTERMENSTRUAL, EpisodeKind.MIDCYCLE, EpisodeKind.PERIMENSTRUAL}


class Episode(BaseModel):
    """Consecutive bleeding days (one dry day allowed inside) of one kind."""

    model_config = ConfigDict(frozen=True)

    kind: EpisodeKind
    start: dt.date
    end: dt.date
    days: int  # first to last day, inclusive
    bleeding_days: int
    heavy_days: int  # heavy or very heavy
    max_flow: Flow
    max_pads: int | None
    max_pain: int | None
    clots: bool
    cycle: int | None  # index of the period it follows; None before the first period
    tail_days: int = 0  # a period's spotting days just before or after it (not in `days`)


class Cycle(BaseModel):
    """From the first day of one period to the first day of the next."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    length: int
    period_days: int


class Pattern(BaseModel):
    """Episodes in date order, the periods among them and the cycles they make."""

    model_config = ConfigDict(frozen=True)

    episodes: tuple[Episode, ...]
    cycles: tuple[Cycle, ...]

    @property
    def periods(self) -> list[Episode]:
        return [e for e in self.episodes if e.kind is EpisodeKind.PERIOD]

    def of_kind(self, *kinds: EpisodeKind) -> list[Episode]:
        return [e for e in self.episodes if e.kind in kinds]


def _runs(days: Sequence[DayEntry]) -> list[list[DayEntry]]:
    """Split date-ordered days into runs in which neighbours are at most MAX_GAP days apart."""
    runs: list[list[DayEntry]] = []
    for day in days:
        if runs and (day.date - runs[-1][-1].date).days <= MAX_GAP:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _is_period(run: Sequence[DayEntry]) -> bool:
    flow_days = [d for d in run if d.flow.is_flow]
    strong = any(d.flow.level >= Flow.MEDIUM.level for d in flow_days)
    return len(flow_days) >= 3 or (len(flow_days) >= 2 and strong)


def _episode(
    kind: EpisodeKind, cycle: int | None, days: Sequence[DayEntry], tail_days: int = 0
) -> Episode:
    pads = [d.pads_changed for d in days if d.pads_changed is not None]
    pain = [d.pain for d in days if d.pain is not None]
    bleeding = [d for d in days if d.flow.bleeding]
    return Episode(
        kind=kind,
        start=days[0].date,
        end=days[-1].date,
        days=(days[-1].date - days[0].date).days + 1,
        bleeding_days=len(bleeding),
        heavy_days=sum(d.flow.is_heavy for d in days),
        max_flow=max((d.flow for d in days), key=lambda f: f.level),
        max_pads=max(pads) if pads else None,
        max_pain=max(pain) if pain else None,
        clots=any(d.clots for d in days),
        cycle=cycle,
        tail_days=tail_days,
    )


def _kind(days: Sequence[DayEntry], periods: Sequence[Episode]) -> tuple[EpisodeKind, int | None]:
    start, end = days[0].date, days[-1].date
    before = [i for i, p in enumerate(periods) if p.end < start]
    after = [p for p in periods if p.start > end]
    cycle = before[-1] if before else None
    if any(d.after_sex for d in days):
        return EpisodeKind.POSTCOITAL, cycle
    if cycle is None:
        return EpisodeKind.UNPLACED, None
    previous, following = periods[cycle], after[0] if after else None
    spotting_only = all(d.flow is Flow.SPOTTING for d in days if d.flow.bleeding)
    near_next = following is not None and (following.start - end).days <= PERIMENSTRUAL_GAP
    near_previous = (start - previous.end).days <= PERIMENSTRUAL_GAP
    if spotting_only and (near_next or near_previous):
        return EpisodeKind.PERIMENSTRUAL, cycle
    short_and_light = (end - start).days < MIDCYCLE_MAX_DAYS and all(
        d.flow.level <= Flow.LIGHT.level for d in days
    )
    if following is not None:
        low, high = MIDCYCLE_BEFORE_NEXT
        in_window = low <= (following.start - start).days <= high
    else:
        low, high = MIDCYCLE_CYCLE_DAYS
        in_window = low <= (start - previous.start).days + 1 <= high
    if short_and_light and in_window:
        return EpisodeKind.MIDCYCLE, cycle
    return EpisodeKind.INTERMENSTRUAL, cycle


def _tail_of(run: Sequence[DayEntry], spans: Sequence[tuple[dt.date, dt.date]]) -> int | None:
    """The period a short run of spotting directly before or after belongs to, if any."""
    if len(run) > MAX_TAIL or any(d.flow is not Flow.SPOTTING for d in run):
        return None
    if (run[-1].date - run[0].date).days + 1 != len(run):
        return None
    for i, (first, last) in enumerate(spans):
        if (first - run[-1].date).days == 1 or (run[0].date - last).days == 1:
            return i
    return None


def find_pattern(diary: Diary) -> Pattern:
    """Group the diary's bleeding days into episodes and the periods into cycles."""
    bleeding = diary.bleeding_days()
    flow_runs = _runs([d for d in bleeding if d.flow.is_flow])
    spans = [(run[0].date, run[-1].date) for run in flow_runs if _is_period(run)]
    rest = [d for d in bleeding if not any(a <= d.date <= b for a, b in spans)]
    tails = [0] * len(spans)
    kept: list[list[DayEntry]] = []
    for run in _runs(rest):  # two rest days ≤ 2 days apart cannot have a period between them
        owner = _tail_of(run, spans)
        if owner is None:
            kept.append(run)
        else:
            tails[owner] += len(run)
    periods = [
        _episode(EpisodeKind.PERIOD, i, [d for d in bleeding if a <= d.date <= b], tails[i])
        for i, (a, b) in enumerate(spans)
    ]
    others = [_episode(*_kind(run, periods), days=run) for run in kept]
    episodes = tuple(sorted([*periods, *others], key=lambda e: e.start))
    cycles = tuple(
        Cycle(start=a.start, length=(b.start - a.start).days, period_days=a.days)
        for a, b in itertools.pairwise(periods)
    )
    return Pattern(episodes=episodes, cycles=cycles)
