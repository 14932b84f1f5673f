"""The whole diary analysis: episodes, cycles, FIGO classification and notes, as one value."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics

from pydantic import BaseModel, ConfigDict

from bleedcheck.diary.episodes import Cycle, Episode, Pattern, find_pattern
from bleedcheck.diary.figo import Classification, Parameter, classify, days_since_bleeding
from bleedcheck.diary.model import Diary
from bleedcheck.errors import DiaryError
from bleedcheck.vocab import Lang

STALE_AFTER = 35  # estimate: a diary untouched for longer than a cycle may be incomplete
STRAW_AGE = 40  # estimate: STRAW markers are mentioned from 40 years
STRAW_EARLY_DIFFERENCE = 7  # S63: persistent ≥ 7-day difference in consecutive cycle lengths
STRAW_LATE_AMENORRHOEA = 60  # S63: ≥ 60 days without a period


class DiaryAnalysis(BaseModel):
    """What a diary shows up to `today`."""

    model_config = ConfigDict(frozen=True)

    first: dt.date
    last: dt.date
    today: dt.date
    age: float | None
    episodes: tuple[Episode, ...]
    cycles: tuple[Cycle, ...]
    days_since_bleeding: int
    days_since_period_start: int | None
    classifications: tuple[Classification, ...]
    notes: tuple[dict[Lang, str], ...]

    @property
    def pattern(self) -> Pattern:
        return Pattern(episodes=self.episodes, cycles=self.cycles)

    def classification(self, parameter: Parameter) -> Classification:
        return next(c for c in self.classifications if c.parameter == parameter)

    @property
    def median_cycle(self) -> float | None:
        lengths = [c.length for c in self.cycles]
        return float(statistics.median(lengths)) if lengths else None


def analyse_diary(
    diary: Diary, today: dt.date | None = None, age: float | None = None
) -> DiaryAnalysis:
    """Analyse a diary; days without an entry count as days without bleeding."""
    if diary.first is None or diary.last is None:
        raise DiaryError("the diary is empty: no day entries")
    today = today or dt.date.today()
    if diary.last > today:
        raise DiaryError(f"the diary has an entry for {diary.last.isoformat()}, after today")
    pattern = find_pattern(diary)
    periods = pattern.periods
    dry = days_since_bleeding(pattern, diary.first, today)
    return DiaryAnalysis(
        first=diary.first,
        last=diary.last,
        today=today,
        age=age,
        episodes=pattern.episodes,
        cycles=pattern.cycles,
        days_since_bleeding=dry,
        days_since_period_start=(today - periods[-1].start).days if periods else None,
        classifications=classify(pattern, diary.first, today, age),
        notes=tuple(_notes(pattern, diary.last, today, age, dry)),
    )


def analyse_so_far(diary: Diary, age: float | None = None) -> DiaryAnalysis | None:
    """A stored diary's analysis up to today, or to its last day when that is later (her
    time zone may be ahead of the server's); None while the diary has no entries."""
    if diary.last is None:
        return None
    return analyse_diary(diary, max(dt.date.today(), diary.last), age)


def _notes(
    pattern: Pattern, last: dt.date, today: dt.date, age: float | None, dry: int
) -> list[dict[Lang, str]]:
    notes: list[dict[Lang, str]] = []
    stale = (today - last).days
    if stale > STALE_AFTER:
        notes.append(
            {
                "en": f"The last entry is {stale} days old; days after it count as days without "
                "bleeding. Add any bleeding since then.",
                "ru": f"Последняя запись сделана {stale} дн. назад; дни после неё считаются днями "
                "без кровотечения. Добавьте кровотечения, если они были.",
            }
        )
    if age is None or age < STRAW_AGE:
        return notes
    lengths = [c.length for c in pattern.cycles]
    jumps = sum(abs(b - a) >= STRAW_EARLY_DIFFERENCE for a, b in itertools.pairwise(lengths))
    if jumps >= 2:
        notes.append(
            {
                "en": "Consecutive cycles differ by 7 days or more again and again: at 40 or "
                "over this can mark the early menopausal transition (STRAW).",
                "ru": "Соседние циклы раз за разом различаются на 7 дней и больше: после 40 лет это "
                "может быть признаком начала перехода к менопаузе (STRAW).",
            }
        )
    if dry >= STRAW_LATE_AMENORRHOEA and pattern.periods:
        notes.append(
            {
                "en": f"No bleeding for {dry} days: at 40 or over, 60 days or more can mark the "
                "late menopausal transition (STRAW) - but a pregnancy test comes first.",
                "ru": f"Нет кровотечений {dry} дней: после 40 лет 60 дней и больше могут быть "
                "признаком позднего перехода к менопаузе (STRAW), но сначала — тест на беременность.",
            }
        )
    return notes
