"""Classify a bleeding pattern against the FIGO 2018 normal limits (System 1).

Limits (clinical reference §1.1, sources S1, S2): frequency 24-38 days start to start
(< 24 frequent, > 38 infrequent, no bleeding in 90 days absent); regularity: shortest vs longest
cycle differ by at most 7-9 days; duration at most 8 days. FIGO gives the 7-9 day band an age
split (9 days at 18-25 and 42-45 years, 7 days at 26-41) that the reference marks unverified, so
this module uses 7 days only when the age is known to be 26-41 and 9 days otherwise. Volume is
defined by the patient in FIGO; the diary rule below is an estimate built on S1 (soaking a pad in
3 hours or less suggests heavy flow).

Every classification carries the numbers behind it and a short explanation in English and
Russian. Too little data gives the status `unknown`, never a guess.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bleedcheck.diary.episodes import Episode, EpisodeKind, Pattern
from bleedcheck.vocab import Lang

FREQUENT_BELOW = 24  # S1: normal frequency 24-38 days
INFREQUENT_ABOVE = 38
ABSENT_AFTER = 90  # S1: no bleeding in 90 days
REGULAR_LIMIT = 9  # S1: variation ≤ 7-9 days; 9 unless the age is known to be 26-41
REGULAR_LIMIT_26_41 = 7  # FIGO age split [unverified in the clinical reference]
PROLONGED_ABOVE = 8  # S1: duration ≤ 8 days
HEAVY_DAYS_PER_PERIOD = 2.0  # estimate: on average 2 or more heavy/very heavy days a period
HEAVY_PADS_A_DAY = 8  # estimate from S1: a pad soaked every 3 hours, around the clock
MIN_CYCLES_FREQUENCY = 2  # estimate: a single short or long cycle can happen by chance
MIN_CYCLES_REGULARITY = 3  # estimate: a spread needs at least three cycles

Parameter = Literal["frequency", "regularity", "duration", "volume", "intermenstrual", "postcoital"]
Number = int | float | str | None


class Classification(BaseModel):
    """One FIGO parameter: a status, whether it is abnormal, the numbers and a short reason."""

    model_config = ConfigDict(frozen=True)

    parameter: Parameter
    status: str
    abnormal: bool
    numbers: dict[str, Number]
    explanation: dict[Lang, str]


def _make(
    parameter: Parameter, status: str, abnormal: bool, numbers: dict[str, Number], en: str, ru: str
) -> Classification:
    return Classification(
        parameter=parameter,
        status=status,
        abnormal=abnormal,
        numbers=numbers,
        explanation={"en": en, "ru": ru},
    )


def days_since_bleeding(pattern: Pattern, first_entry: dt.date, today: dt.date) -> int:
    """Days from the last bleeding day (or, if none, from the first entry) to today."""
    last = max((e.end for e in pattern.episodes), default=None)
    return (today - (last or first_entry)).days


def frequency(pattern: Pattern, first_entry: dt.date, today: dt.date) -> Classification:
    lengths = [c.length for c in pattern.cycles]
    dry = days_since_bleeding(pattern, first_entry, today)
    periods = pattern.periods
    since_period = (today - periods[-1].start).days if periods else None
    numbers: dict[str, Number] = {
        "cycles": len(lengths),
        "median_cycle_days": statistics.median(lengths) if lengths else None,
        "days_without_bleeding": dry,
        "days_since_last_period_started": since_period,
    }
    if dry >= ABSENT_AFTER:
        return _make(
            "frequency",
            "absent",
            True,
            numbers,
            f"No bleeding recorded for {dry} days (FIGO: none in 90 days is absent menstruation).",
            f"Нет кровотечений {dry} дней (по FIGO отсутствие 90 дней — аменорея).",
        )
    if len(lengths) >= MIN_CYCLES_FREQUENCY:
        median = statistics.median(lengths)
        if median < FREQUENT_BELOW:
            status, en, ru = (
                "frequent",
                f"Cycles are {median:g} days (median of {len(lengths)}): shorter than 24 days is frequent.",
                f"Цикл {median:g} дней (медиана {len(lengths)}): короче 24 дней — частые месячные.",
            )
        elif median > INFREQUENT_ABOVE:
            status, en, ru = (
                "infrequent",
                f"Cycles are {median:g} days (median of {len(lengths)}): longer than 38 days is infrequent.",
                f"Цикл {median:g} дней (медиана {len(lengths)}): длиннее 38 дней — редкие месячные.",
            )
        else:
            status, en, ru = (
                "normal",
                f"Cycles are {median:g} days (median of {len(lengths)}), within 24-38 days.",
                f"Цикл {median:g} дней (медиана {len(lengths)}), в пределах нормы 24–38 дней.",
            )
        return _make("frequency", status, status != "normal", numbers, en, ru)
    if since_period is not None and since_period > INFREQUENT_ABOVE:
        return _make(
            "frequency",
            "infrequent",
            True,
            numbers,
            f"No period has started for {since_period} days: longer than 38 days is infrequent.",
            f"Месячные не начинались {since_period} дней: дольше 38 дней — редкие месячные.",
        )
    return _make(
        "frequency",
        "unknown",
        False,
        numbers,
        f"Too few cycles to judge ({len(lengths)}; at least {MIN_CYCLES_FREQUENCY} are needed).",
        f"Слишком мало циклов для оценки ({len(lengths)}; нужно не меньше {MIN_CYCLES_FREQUENCY}).",
    )


def regularity_limit(age: float | None) -> int:
    """FIGO's 7-9 day band: 7 days only at a known age of 26-41, otherwise 9."""
    return REGULAR_LIMIT_26_41 if age is not None and 26 <= age < 42 else REGULAR_LIMIT


def regularity(pattern: Pattern, age: float | None) -> Classification:
    lengths = [c.length for c in pattern.cycles]
    limit = regularity_limit(age)
    numbers: dict[str, Number] = {
        "cycles": len(lengths),
        "shortest_cycle_days": min(lengths, default=None),
        "longest_cycle_days": max(lengths, default=None),
        "variation_days": max(lengths) - min(lengths) if lengths else None,
        "limit_days": limit,
    }
    if len(lengths) < MIN_CYCLES_REGULARITY:
        return _make(
            "regularity",
            "unknown",
            False,
            numbers,
            f"Too few cycles to judge ({len(lengths)}; at least {MIN_CYCLES_REGULARITY} are needed).",
            f"Слишком мало циклов для оценки ({len(lengths)}; нужно не меньше {MIN_CYCLES_REGULARITY}).",
        )
    low, high = min(lengths), max(lengths)
    if high - low > limit:
        return _make(
            "regularity",
            "irregular",
            True,
            numbers,
            f"Cycles range from {low} to {high} days: {high - low} days apart, more than {limit}.",
            f"Циклы от {low} до {high} дней: разница {high - low} дн., больше {limit}.",
        )
    return _make(
        "regularity",
        "regular",
        False,
        numbers,
        f"Cycles range from {low} to {high} days: {high - low} days apart, at most {limit}.",
        f"Циклы от {low} до {high} дней: разница {high - low} дн., не больше {limit}.",
    )


def duration(pattern: Pattern) -> Classification:
    periods = pattern.periods
    long = [p for p in periods if p.days > PROLONGED_ABOVE]
    numbers: dict[str, Number] = {
        "periods": len(periods),
        "median_period_days": statistics.median([p.days for p in periods]) if periods else None,
        "longest_period_days": max((p.days for p in periods), default=None),
        "periods_over_8_days": len(long),
    }
    if not periods:
        return _make(
            "duration",
            "unknown",
            False,
            numbers,
            "No period recorded.",
            "Месячные в дневнике не отмечены.",
        )
    if 2 * len(long) >= len(periods):
        return _make(
            "duration",
            "prolonged",
            True,
            numbers,
            f"{len(long)} of {len(periods)} periods lasted more than 8 days (prolonged).",
            f"{len(long)} из {len(periods)} менструаций длились больше 8 дней (длительные).",
        )
    return _make(
        "duration",
        "normal",
        False,
        numbers,
        f"Periods last {numbers['median_period_days']:g} days (median), within 8 days"
        + (f"; {len(long)} of {len(periods)} lasted longer." if long else "."),
        f"Месячные длятся {numbers['median_period_days']:g} дн. (медиана), не больше 8 дней"
        + (f"; {len(long)} из {len(periods)} — дольше." if long else "."),
    )


def _heavy_by_pads(period: Episode) -> bool:
    return period.max_pads is not None and period.max_pads >= HEAVY_PADS_A_DAY


def volume(pattern: Pattern) -> Classification:
    periods = pattern.periods
    mean_heavy = sum(p.heavy_days for p in periods) / len(periods) if periods else None
    soaked = [p for p in periods if _heavy_by_pads(p)]
    numbers: dict[str, Number] = {
        "periods": len(periods),
        "mean_heavy_days": round(mean_heavy, 2) if mean_heavy is not None else None,
        "periods_with_8_pads_a_day": len(soaked),
        "periods_with_clots": sum(p.clots for p in periods),
    }
    if mean_heavy is None:
        return _make(
            "volume",
            "unknown",
            False,
            numbers,
            "No period recorded.",
            "Месячные в дневнике не отмечены.",
        )
    by_pads = bool(soaked) and 2 * len(soaked) >= len(periods)
    if mean_heavy >= HEAVY_DAYS_PER_PERIOD or by_pads:
        return _make(
            "volume",
            "heavy",
            True,
            numbers,
            f"On average {mean_heavy:.1f} heavy days a period; {len(soaked)} of {len(periods)} "
            "periods with a day of 8 or more pads: heavy.",
            f"В среднем {mean_heavy:.1f} обильных дня за менструацию; {len(soaked)} из "
            f"{len(periods)} с днём, когда нужно 8 и больше прокладок: обильные.",
        )
    return _make(
        "volume",
        "normal",
        False,
        numbers,
        f"On average {mean_heavy:.1f} heavy days a period: not heavy by the diary's rule.",
        f"В среднем {mean_heavy:.1f} обильных дня за менструацию: не обильные по правилу дневника.",
    )


def _episodes_seen(
    parameter: Parameter, recurring: bool, numbers: dict[str, Number], en: str, ru: str
) -> Classification:
    """Bleeding that should not happen was seen: once, or recurring."""
    return _make(
        parameter,
        "recurring" if recurring else "single",
        True,
        numbers,
        en + (" - it recurs." if recurring else "."),
        ru + (" — повторяются." if recurring else "."),
    )


def recurrence(episodes: list[Episode]) -> int:
    """In how many different cycles the episodes happen."""
    return len({e.cycle for e in episodes if e.cycle is not None})


def intermenstrual(pattern: Pattern) -> Classification:
    between = [e for e in pattern.episodes if e.kind.between_periods]
    cycles = recurrence(between)
    numbers: dict[str, Number] = {
        "episodes": len(between),
        "cycles_with_bleeding": cycles,
        "cycles_observed": len(pattern.periods),
        **{k.value: len(pattern.of_kind(k)) for k in EpisodeKind if k.between_periods},
    }
    if not pattern.periods:
        return _make(
            "intermenstrual",
            "unknown",
            False,
            numbers,
            "No period recorded, so no bleeding can be placed between periods.",
            "Месячные не отмечены, поэтому нельзя определить кровотечения между ними.",
        )
    if not between:
        return _make(
            "intermenstrual",
            "none",
            False,
            numbers,
            "No bleeding recorded between periods.",
            "Кровотечений между месячными не отмечено.",
        )
    return _episodes_seen(
        "intermenstrual",
        cycles >= 2,
        numbers,
        f"Bleeding between periods: {len(between)} episode(s) in {cycles} cycle(s)",
        f"Кровотечения между месячными: эпизодов {len(between)}, циклов {cycles}",
    )


def postcoital(pattern: Pattern) -> Classification:
    episodes = pattern.of_kind(EpisodeKind.POSTCOITAL)
    span = (episodes[-1].start - episodes[0].start).days if episodes else None
    numbers: dict[str, Number] = {"episodes": len(episodes), "span_days": span}
    if not episodes:
        return _make(
            "postcoital",
            "none",
            False,
            numbers,
            "No bleeding after sex recorded (the diary shows it only where it is marked).",
            "Кровотечений после секса не отмечено (дневник учитывает только отмеченные).",
        )
    return _episodes_seen(
        "postcoital",
        len(episodes) >= 2,
        numbers,
        f"Bleeding after sex: {len(episodes)} episode(s) over {span} days",
        f"Кровотечения после секса: эпизодов {len(episodes)} за {span} дн.",
    )


def classify(
    pattern: Pattern, first_entry: dt.date, today: dt.date, age: float | None = None
) -> tuple[Classification, ...]:
    return (
        frequency(pattern, first_entry, today),
        regularity(pattern, age),
        duration(pattern),
        volume(pattern),
        intermenstrual(pattern),
        postcoital(pattern),
    )
