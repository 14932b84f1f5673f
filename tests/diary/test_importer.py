"""Reading diaries: both formats, Russian words and dates, and every error message."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bleedcheck.diary import DayEntry, Flow, diary_from_bytes, parse_diary, read_diary
from bleedcheck.errors import BleedcheckError, DiaryError
from tests.diary.helpers import BETWEEN_RU, EXAMPLE_TODAY, REGULAR

TODAY = dt.date(2026, 7, 1)
ALLOWED_FLOWS = (
    "allowed: none, spotting, light, medium, heavy, very_heavy "
    "(in Russian: нет, мажущие/мазня, скудные, умеренные/средние, обильные, очень обильные)"
)


def parse(text: str, fmt: str | None = "csv") -> list[DayEntry]:
    return list(parse_diary(text, fmt, source="d.csv", today=TODAY).entries)  # type: ignore[arg-type]


def test_csv_with_every_column():
    entries = parse(
        "date,flow,after_sex,pain,clots,pads,note\n"
        "2026-03-02,heavy,no,6,yes,7,bad day\n"
        "2026-03-01,medium,,,,,\n"
        '2026-03-10,spotting,yes,,no,1,"after sex, a little"\n'
    )
    assert [e.date.day for e in entries] == [1, 2, 10]  # sorted on load
    assert entries[1] == DayEntry(
        date=dt.date(2026, 3, 2),
        flow=Flow.HEAVY,
        pain=6,
        clots=True,
        pads_changed=7,
        note="bad day",
    )
    assert entries[2].after_sex and entries[2].note == "after sex, a little"
    assert entries[0].pain is None and entries[0].note is None


def test_russian_words_dotted_dates_semicolons_and_a_byte_order_mark():
    text = (
        "\ufeffDate;Flow;after_sex;pads_changed\n"
        "01.03.2026;Обильные;нет;6\n"
        "02.03.2026;очень обильные;;\n"
        "03.03.2026;умеренные;да;\n"
        "04.03.2026;средние;;\n"
        "05.03.2026;скудные;;\n"
        "06.03.2026;мазня;;\n"
        "07.03.2026;мажущие;;\n"
        "8.3.2026;Нет;;\n"
    )
    flows = [e.flow for e in parse(text)]
    assert flows == [
        Flow.HEAVY,
        Flow.VERY_HEAVY,
        Flow.MEDIUM,
        Flow.MEDIUM,
        Flow.LIGHT,
        Flow.SPOTTING,
        Flow.SPOTTING,
        Flow.NONE,
    ]
    assert parse(text)[0].pads_changed == 6 and parse(text)[2].after_sex


@pytest.mark.parametrize("word", ["very heavy", "Very-Heavy", "very_heavy", "ОЧЕНЬ  ОБИЛЬНЫЕ"])
def test_flow_spellings(word):
    assert parse(f"date,flow\n2026-03-01,{word}\n")[0].flow is Flow.VERY_HEAVY


def test_json_list_and_object_forms():
    items = [{"date": "2026-03-01", "flow": "light", "pads": 3, "clots": True}]
    as_list = parse(json.dumps(items), "json")
    as_object = parse(json.dumps({"entries": items}), "json")
    assert as_list == as_object
    assert as_list[0].pads_changed == 3 and as_list[0].clots


def test_the_format_is_guessed_from_the_first_character():
    assert parse('[{"date": "2026-03-01", "flow": "none"}]', None)[0].flow is Flow.NONE
    assert parse("date,flow\n2026-03-01,none\n", None)[0].flow is Flow.NONE


def test_the_examples_read():
    assert len(read_diary(REGULAR, EXAMPLE_TODAY).entries) == 36
    assert read_diary(BETWEEN_RU, EXAMPLE_TODAY).entries[0].flow is Flow.HEAVY


CSV_ERRORS = [
    ("", "d.csv: the file is empty; expected a header 'date,flow' and a line a day"),
    ("  \n\n", "d.csv: the file is empty"),
    ("date,flow\n", "d.csv: the diary has a header but no day entries"),
    (
        "date,flow,mood\n2026-03-01,light,good\n",
        "d.csv: line 1: unknown column 'mood'; allowed columns: date, flow, after_sex, pain, "
        "clots, pads, note (date and flow are required)",
    ),
    ("date,flow,paid\n", "unknown column 'paid'; did you mean 'pain'"),
    ("date,flow,\n", "d.csv: line 1: unknown column '(empty)'"),
    (
        "date,pain\n2026-03-01,3\n",
        "d.csv: line 1: the header has no 'flow' column; a diary needs at least 'date,flow' "
        "(found: date, pain)",
    ),
    ("date,flow,Flow\n", "d.csv: line 1: column 'flow' appears twice in the header"),
    (
        "date,flow\n2026-03-01,light,extra\n",
        "d.csv: line 2: 3 values but the header has 2 columns (date, flow); "
        "put a note with a ',' in double quotes",
    ),
    ("date,flow\n2026-03-01,\n", "d.csv: line 2: 'flow' is missing"),
    ("date,flow\n,light\n", "d.csv: line 2: 'date' is missing"),
    (
        "date,flow\n03/01/2026,light\n",
        "d.csv: line 2, date: '03/01/2026' is not a date; write YYYY-MM-DD or DD.MM.YYYY",
    ),
    (
        "date,flow\n2026-02-30,light\n",
        "d.csv: line 2, date: 2026-02-30 is not a real date (day is out of range for month)",
    ),
    ("date,flow\n31.04.2026,light\n", "d.csv: line 2, date: 31.04.2026 is not a real date"),
    (
        "date,flow\n2026-07-02,light\n",
        "d.csv: line 2, date: 2026-07-02 is in the future (today is 2026-07-01)",
    ),
    (
        "date,flow\n1899-12-31,light\n",
        "d.csv: line 2, date: 1899-12-31 is before 1900; check the year",
    ),
    ("date,flow\n2026-03-01,lots\n", f"d.csv: line 2, flow: 'lots' is not a flow; {ALLOWED_FLOWS}"),
    ("date,flow\n2026-03-01,heavvy\n", "'heavvy' is not a flow; did you mean 'heavy'"),
    (
        "date,flow\n2026-03-01,light\n2026-03-02,light\n01.03.2026,heavy\n",
        "d.csv: line 4: date 2026-03-01 is already in the diary (line 2); one entry a day",
    ),
    (
        "date,flow,pain\n2026-03-01,light,11\n",
        "d.csv: line 2, pain: '11' is not a whole number from 0 to 10",
    ),
    ("date,flow,pain\n2026-03-01,light,2.5\n", "line 2, pain: '2.5' is not a whole number"),
    (
        "date,flow,pads\n2026-03-01,light,99\n",
        "d.csv: line 2, pads: '99' is not a whole number from 0 to 48",
    ),
    (
        "date,flow,after_sex\n2026-03-01,light,maybe\n",
        "d.csv: line 2, after_sex: 'maybe' is not yes or no; allowed: yes/no, true/false, 1/0, "
        "да/нет",
    ),
    ("date,flow,clots\n2026-03-01,light,big\n", "line 2, clots: 'big' is not yes or no"),
]


@pytest.mark.parametrize(("text", "message"), CSV_ERRORS)
def test_csv_errors_name_the_line_the_field_and_what_is_allowed(text, message):
    with pytest.raises(DiaryError) as caught:
        parse(text)
    assert message in str(caught.value)


JSON_ERRORS = [
    ('[{"date": "2026-03-01",', "d.csv: line 1, column 24: invalid JSON"),
    ('"diary"', 'd.csv: expected a list of day entries or {"entries": [...]}, got str'),
    ("[]", "d.csv: the diary is empty: no day entries"),
    ("{}", "d.csv: the object has no 'entries' list of day entries"),
    ('{"entries": []}', "d.csv: the diary is empty: no day entries"),
    ('{"entries": [], "owner": "me"}', "d.csv: unknown key 'owner'; the object may hold only"),
    ('[{"date": "2026-03-01", "flow": "light"}, 3]', "d.csv: entry 2: expected an object"),
    (
        '[{"date": "2026-03-01", "flow": "light", "mood": "ok"}]',
        "d.csv: entry 1: unknown field 'mood'; allowed fields: date, flow, after_sex, pain, "
        "clots, pads, note",
    ),
    (
        '[{"date": "2026-03-01", "flow": "light", "pads": 1, "pads_changed": 2}]',
        "d.csv: entry 1: 'pads' is given twice",
    ),
    ('[{"date": 20260301, "flow": "light"}]', "d.csv: entry 1, date: 20260301 is not a date"),
    ('[{"date": "2026-03-01", "flow": 3}]', "d.csv: entry 1, flow: 3 is not a flow"),
    ('[{"date": "2026-03-01", "flow": null}]', "d.csv: entry 1: 'flow' is missing"),
    ('[{"date": "2026-03-01", "flow": "light", "pain": true}]', "pain: True is not a whole"),
    ('[{"date": "2026-03-01", "flow": "light", "pain": NaN}]', "pain: nan is not a whole"),
    ('[{"date": "2026-03-01", "flow": "light", "note": 5}]', "entry 1, note: 5 is not text"),
    (
        '[{"date": "2026-03-01", "flow": "light"}, {"date": "01.03.2026", "flow": "light"}]',
        "d.csv: entry 2: date 2026-03-01 is already in the diary (entry 1); one entry a day",
    ),
]


@pytest.mark.parametrize(("text", "message"), JSON_ERRORS)
def test_json_errors_name_the_entry_the_field_and_what_is_allowed(text, message):
    with pytest.raises(DiaryError) as caught:
        parse(text, "json")
    assert message in str(caught.value)


def test_deeply_nested_json_is_a_diary_error():
    with pytest.raises(DiaryError, match="invalid JSON"):
        parse("[" * 100_000 + "]" * 100_000, "json")


def test_wrong_encoding_is_reported_with_the_byte():
    data = "date,flow\n01.03.2026,обильные\n".encode("cp1251")
    with pytest.raises(DiaryError) as caught:
        diary_from_bytes(data, "csv", source="d.csv", today=TODAY)
    assert str(caught.value) == (
        "d.csv: not UTF-8 text (byte 0xee at position 21); save the diary as UTF-8 "
        "(in Excel: 'CSV UTF-8')"
    )


def test_files_that_are_missing_too_big_or_folders(tmp_path):
    with pytest.raises(DiaryError, match="no such file"):
        read_diary(tmp_path / "none.csv")
    with pytest.raises(DiaryError, match="cannot be read"):
        read_diary(tmp_path)
    with pytest.raises(DiaryError, match="a diary can be at most"):
        diary_from_bytes(b" " * 5_000_001)


def test_import_is_all_or_nothing(tmp_path):
    good = "".join(f"2026-03-{d:02d},light\n" for d in range(1, 29))
    path = tmp_path / "d.csv"
    path.write_text("date,flow\n" + good + "2026-03-29,lots\n", encoding="utf-8")
    with pytest.raises(DiaryError, match="line 30, flow"):
        read_diary(path, TODAY)
    path.write_text("date,flow\n" + good, encoding="utf-8")
    assert len(read_diary(path, TODAY).entries) == 28


def test_diary_error_is_a_bleedcheck_error():
    assert issubclass(DiaryError, BleedcheckError)
