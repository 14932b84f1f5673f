"""Invariants: importing any text raises nothing but DiaryError; export→import is lossless."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bleedcheck.diary import (
    DayEntry,
    Diary,
    Flow,
    analyse_diary,
    diary_from_bytes,
    parse_diary,
    to_csv,
    to_json,
)
from bleedcheck.errors import DiaryError

TODAY = dt.date(2026, 7, 1)
CELLS = st.sampled_from(
    [
        "2026-03-01",
        "01.03.2026",
        "2026-02-30",
        "light",
        "обильные",
        "very heavy",
        "yes",
        "да",
        "7",
        "-1",
        "",
        '"',
        "\x00",
        "\r",
        "😀",
    ]
)
HEADERS = st.lists(
    st.sampled_from(["date", "flow", "after_sex", "pain", "clots", "pads", "note", "x"]),
    min_size=1,
    max_size=8,
)


def imports_or_diary_error(text: str, fmt: str | None) -> None:
    try:
        diary = parse_diary(text, fmt, today=TODAY)  # type: ignore[arg-type]
    except DiaryError:
        return
    assert isinstance(diary, Diary) and diary.entries


@settings(max_examples=300)
@given(st.text(), st.sampled_from(["csv", "json", None]))
def test_any_text_imports_or_raises_diary_error(text, fmt):
    imports_or_diary_error(text, fmt)


@settings(max_examples=300)
@given(HEADERS, st.lists(st.lists(CELLS | st.text(max_size=5), max_size=9), max_size=6))
def test_csv_like_text_imports_or_raises_diary_error(header, rows):
    text = "\n".join([",".join(header), *(",".join(row) for row in rows)])
    imports_or_diary_error(text, "csv")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | CELLS | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["date", "flow", "pain", "pads", "note", "entries", "after_sex", "k"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(JSON)
def test_json_like_values_import_or_raise_diary_error(value):
    imports_or_diary_error(json.dumps(value), "json")


@given(st.binary())
def test_any_bytes_import_or_raise_diary_error(data):
    with contextlib.suppress(DiaryError):
        diary_from_bytes(data, today=TODAY)


ENTRIES = st.builds(
    DayEntry,
    date=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    flow=st.sampled_from(list(Flow)),
    after_sex=st.booleans(),
    pain=st.none() | st.integers(0, 10),
    clots=st.booleans(),
    pads_changed=st.none() | st.integers(0, 48),
    note=st.none() | st.text(),
)
DIARIES = st.lists(ENTRIES, min_size=1, max_size=40, unique_by=lambda e: e.date).map(
    lambda entries: Diary(entries=tuple(entries))
)


@given(DIARIES)
def test_csv_export_then_import_is_lossless(diary):
    assert parse_diary(to_csv(diary), "csv", today=TODAY) == diary


@given(DIARIES)
def test_json_export_then_import_is_lossless(diary):
    assert parse_diary(to_json(diary), "json", today=TODAY) == diary


@settings(max_examples=200)
@given(DIARIES)
def test_analysis_never_fails_and_periods_do_not_overlap(diary):
    analysis = analyse_diary(diary, TODAY)
    episodes = analysis.episodes
    for a, b in itertools.pairwise(episodes):
        assert a.end < b.start
    assert all(c.length > 0 for c in analysis.cycles)
    assert analysis.days_since_bleeding >= 0
