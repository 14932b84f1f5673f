"""Build small diaries for the analytics tests: periods at given cycle lengths plus extra days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from bleedcheck.diary import DayEntry, Diary, Flow
from tests.conftest import EXAMPLES

DIARY_EXAMPLES = EXAMPLES / "diary"
REGULAR = DIARY_EXAMPLES / "regular_cycles.csv"
BETWEEN_RU = DIARY_EXAMPLES / "between_periods_ru.json"
EXAMPLE_TODAY = dt.date(2026, 7, 1)  # the examples end in late June 2026

START = dt.date(2025, 1, 6)
PERIOD = (Flow.MEDIUM, Flow.HEAVY, Flow.MEDIUM, Flow.LIGHT, Flow.LIGHT)


def starts(lengths: Sequence[int], first: dt.date = START) -> list[dt.date]:
    """Period start dates separated by the given cycle lengths."""
    days = [first]
    for length in lengths:
        days.append(days[-1] + dt.timedelta(days=length))
    return days


def days_after(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def make_diary(
    period_starts: Iterable[dt.date],
    period: Sequence[Flow] = PERIOD,
    extra: Mapping[dt.date, Flow | tuple[Flow, bool]] | None = None,
    **fields: object,
) -> Diary:
    """Periods with the given daily flows, plus extra days (flow, or (flow, after_sex))."""
    entries: dict[dt.date, DayEntry] = {}
    for first in period_starts:
        for i, flow in enumerate(period):
            day = days_after(first, i)
            entries[day] = DayEntry.model_validate({"date": day, "flow": flow, **fields})
    for day, value in (extra or {}).items():
        flow, after_sex = value if isinstance(value, tuple) else (value, False)
        entries[day] = DayEntry(date=day, flow=flow, after_sex=after_sex)
    return Diary(entries=tuple(entries.values()))


def after(diary: Diary, days: int) -> dt.date:
    """`days` after the diary's last entry: a `today` for the analysis."""
    assert diary.last is not None
    return days_after(diary.last, days)
