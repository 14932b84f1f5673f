"""Episodes, cycles and the FIGO classification, one rule at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from bleedcheck.diary import Diary, EpisodeKind, Flow, analyse_diary, read_diary
from bleedcheck.diary.analyse import DiaryAnalysis
from bleedcheck.errors import DiaryError
from tests.diary.helpers import (
    BETWEEN_RU,
    EXAMPLE_TODAY,
    REGULAR,
    START,
    after,
    days_after,
    make_diary,
    starts,
)


def analyse(diary: Diary, wait: int = 5, age: float | None = None) -> DiaryAnalysis:
    return analyse_diary(diary, after(diary, wait), age)


def status(analysis: DiaryAnalysis) -> dict[str, str]:
    return {c.parameter: c.status for c in analysis.classifications}


def kinds(analysis: DiaryAnalysis) -> list[EpisodeKind]:
    return [e.kind for e in analysis.episodes]


def test_normal_cycles_show_nothing_abnormal():
    analysis = analyse(make_diary(starts([28, 29, 27, 28, 30])))
    assert status(analysis) == {
        "frequency": "normal",
        "regularity": "regular",
        "duration": "normal",
        "volume": "normal",
        "intermenstrual": "none",
        "postcoital": "none",
    }
    assert not any(c.abnormal for c in analysis.classifications)
    assert [c.length for c in analysis.cycles] == [28, 29, 27, 28, 30]
    assert analysis.classification("frequency").numbers["median_cycle_days"] == 28
    assert analysis.classification("regularity").numbers["variation_days"] == 3
    assert set(kinds(analysis)) == {EpisodeKind.PERIOD}


def test_every_classification_explains_itself_in_both_languages():
    analysis = analyse(make_diary(starts([20, 21, 20])))
    for c in analysis.classifications:
        assert c.explanation["en"] and c.explanation["ru"]
        assert any("а" <= ch <= "я" for ch in c.explanation["ru"].lower())
    assert "20" in analysis.classification("frequency").explanation["en"]


def test_20_day_cycles_are_frequent():
    c = analyse(make_diary(starts([20, 20, 21, 20]))).classification("frequency")
    assert (c.status, c.abnormal, c.numbers["median_cycle_days"]) == ("frequent", True, 20)


def test_45_day_cycles_are_infrequent():
    c = analyse(make_diary(starts([45, 44, 46]))).classification("frequency")
    assert (c.status, c.abnormal, c.numbers["median_cycle_days"]) == ("infrequent", True, 45)


def test_one_cycle_is_too_few_to_judge_frequency():
    c = analyse(make_diary(starts([20]))).classification("frequency")
    assert c.status == "unknown" and not c.abnormal


def test_over_38_days_without_a_period_is_infrequent_even_with_few_cycles():
    diary = make_diary(starts([28]))
    c = analyse_diary(diary, after(diary, 45)).classification("frequency")
    assert c.status == "infrequent"


def test_10_day_period_is_prolonged():
    ten_days = [Flow.MEDIUM, Flow.HEAVY, *[Flow.MEDIUM] * 4, *[Flow.LIGHT] * 4]
    c = analyse(make_diary(starts([28, 28]), period=ten_days)).classification("duration")
    assert (c.status, c.numbers["longest_period_days"], c.numbers["periods_over_8_days"]) == (
        "prolonged",
        10,
        3,
    )


def test_one_long_period_among_many_is_not_prolonged():
    diary = make_diary(starts([28, 28, 28]))
    long_one = {days_after(START, i): Flow.LIGHT for i in range(5, 10)}
    c = analyse(make_diary(starts([28, 28, 28]), extra=long_one)).classification("duration")
    assert c.status == "normal" and c.numbers["periods_over_8_days"] == 1
    assert analyse(diary).classification("duration").numbers["longest_period_days"] == 5


def test_variation_of_15_days_is_irregular():
    c = analyse(make_diary(starts([25, 40, 28, 32]))).classification("regularity")
    assert (c.status, c.numbers["variation_days"], c.numbers["limit_days"]) == ("irregular", 15, 9)


@pytest.mark.parametrize(
    ("age", "expected", "limit"),
    [(None, "regular", 9), (22, "regular", 9), (30, "irregular", 7), (43, "regular", 9)],
)
def test_the_regularity_limit_is_7_days_only_at_26_to_41(age, expected, limit):
    c = analyse(make_diary(starts([26, 34, 30])), age=age).classification("regularity")
    assert (c.status, c.numbers["variation_days"], c.numbers["limit_days"]) == (
        expected,
        8,
        limit,
    )


def test_two_cycles_are_too_few_to_judge_regularity():
    assert analyse(make_diary(starts([25, 40]))).classification("regularity").status == "unknown"


def test_heavy_days_make_heavy_volume():
    heavy = [Flow.HEAVY, Flow.VERY_HEAVY, Flow.HEAVY, Flow.MEDIUM, Flow.LIGHT]
    c = analyse(make_diary(starts([28, 28]), period=heavy)).classification("volume")
    assert (c.status, c.numbers["mean_heavy_days"]) == ("heavy", 3.0)


def test_eight_pads_a_day_make_heavy_volume():
    c = analyse(make_diary(starts([28, 28]), pads_changed=8)).classification("volume")
    assert (c.status, c.numbers["periods_with_8_pads_a_day"]) == ("heavy", 3)
    c = analyse(make_diary(starts([28, 28]), pads_changed=5)).classification("volume")
    assert c.status == "normal"


def test_recurring_bleeding_between_periods():
    period_starts = starts([28, 28, 28])
    imb = {days_after(s, d): Flow.LIGHT for s in period_starts[:3] for d in (20, 21)}
    analysis = analyse(make_diary(period_starts, extra=imb))
    c = analysis.classification("intermenstrual")
    assert (c.status, c.numbers["episodes"], c.numbers["cycles_with_bleeding"]) == (
        "recurring",
        3,
        3,
    )
    assert kinds(analysis).count(EpisodeKind.INTERMENSTRUAL) == 3


def test_a_single_episode_between_periods_is_not_recurring():
    period_starts = starts([28, 28, 28])
    imb = {days_after(period_starts[1], 20): Flow.SPOTTING}
    c = analyse(make_diary(period_starts, extra=imb)).classification("intermenstrual")
    assert (c.status, c.abnormal) == ("single", True)


def test_short_light_spotting_two_weeks_before_a_period_is_midcycle():
    period_starts = starts([28, 28, 28])
    spots = {days_after(s, 14): Flow.SPOTTING for s in period_starts[:3]}
    analysis = analyse(make_diary(period_starts, extra=spots))
    assert kinds(analysis).count(EpisodeKind.MIDCYCLE) == 3


def test_days_of_spotting_just_before_a_period_are_perimenstrual():
    period_starts = starts([28, 28, 28])
    spots = {days_after(s, -d): Flow.SPOTTING for s in period_starts[1:] for d in (1, 2, 3)}
    analysis = analyse(make_diary(period_starts, extra=spots))
    assert kinds(analysis).count(EpisodeKind.PERIMENSTRUAL) == 3
    assert [c.length for c in analysis.cycles] == [28, 28, 28]  # spotting does not start a cycle


def test_a_spotting_day_at_the_end_of_a_period_belongs_to_it():
    period_starts = starts([28, 28])
    tails = {days_after(s, 5): Flow.SPOTTING for s in period_starts}
    analysis = analyse(make_diary(period_starts, extra=tails))
    assert set(kinds(analysis)) == {EpisodeKind.PERIOD}
    assert [p.tail_days for p in analysis.pattern.periods] == [1, 1, 1]
    assert analysis.classification("duration").numbers["longest_period_days"] == 5


def test_a_single_light_day_is_not_a_period():
    period_starts = starts([28, 28])
    analysis = analyse(make_diary(period_starts, extra={days_after(START, 10): Flow.MEDIUM}))
    assert len(analysis.pattern.periods) == 3
    assert EpisodeKind.INTERMENSTRUAL in kinds(analysis)


def test_one_dry_day_inside_a_period_does_not_split_it():
    gap = [Flow.HEAVY, Flow.MEDIUM, Flow.NONE, Flow.MEDIUM, Flow.LIGHT]
    analysis = analyse(make_diary(starts([28, 28]), period=gap))
    assert [p.days for p in analysis.pattern.periods] == [5, 5, 5]


def test_bleeding_before_the_first_period_is_unplaced():
    extra = {days_after(START, -10): Flow.SPOTTING}
    analysis = analyse(make_diary(starts([28]), extra=extra))
    assert kinds(analysis)[0] is EpisodeKind.UNPLACED
    assert analysis.classification("intermenstrual").status == "none"


def test_postcoital_bleeding_recurs():
    period_starts = starts([28, 28, 28])
    sex = {days_after(s, 12): (Flow.SPOTTING, True) for s in period_starts[:3]}
    analysis = analyse(make_diary(period_starts, extra=sex))
    c = analysis.classification("postcoital")
    assert (c.status, c.numbers["episodes"], c.numbers["span_days"]) == ("recurring", 3, 56)
    assert analysis.classification("intermenstrual").status == "none"  # counted on its own


def test_no_bleeding_for_100_days_is_absent():
    diary = make_diary(starts([28, 28]))
    analysis = analyse_diary(diary, after(diary, 100))
    c = analysis.classification("frequency")
    assert (c.status, c.abnormal, c.numbers["days_without_bleeding"]) == ("absent", True, 100)


def test_a_diary_without_any_bleeding_for_90_days_is_absent():
    diary = Diary.model_validate({"entries": [{"date": "2026-01-01", "flow": "none"}]})
    analysis = analyse_diary(diary, dt.date(2026, 4, 1))
    assert analysis.classification("frequency").status == "absent"
    assert analysis.classification("duration").status == "unknown"
    assert analysis.classification("intermenstrual").status == "unknown"


def test_a_stale_diary_and_straw_markers_are_noted():
    diary = make_diary(starts([24, 33, 25, 36]))
    analysis = analyse_diary(diary, after(diary, 70), age=46)
    text = " ".join(n["en"] for n in analysis.notes)
    assert "days old" in text and "early menopausal transition" in text
    assert "late menopausal transition" in text
    assert all(n["ru"] for n in analysis.notes)
    assert analyse_diary(diary, after(diary, 70), age=30).notes[1:] == ()


def test_an_empty_diary_or_one_after_today_cannot_be_analysed():
    with pytest.raises(DiaryError, match="empty"):
        analyse_diary(Diary())
    diary = make_diary(starts([28]))
    with pytest.raises(DiaryError, match="after today"):
        analyse_diary(diary, after(diary, -1))


def test_the_regular_example_is_normal():
    analysis = analyse_diary(read_diary(REGULAR, EXAMPLE_TODAY), EXAMPLE_TODAY, age=30)
    assert not any(c.abnormal for c in analysis.classifications)
    assert len(analysis.cycles) == 6


def test_the_russian_example_shows_heavy_periods_and_recurring_bleeding():
    analysis = analyse_diary(read_diary(BETWEEN_RU, EXAMPLE_TODAY), EXAMPLE_TODAY, age=42)
    assert status(analysis) == {
        "frequency": "normal",
        "regularity": "regular",
        "duration": "normal",
        "volume": "heavy",
        "intermenstrual": "recurring",
        "postcoital": "recurring",
    }
