"""Read a diary from CSV or JSON, and write one back: all or nothing, precise errors.

CSV: a header `date,flow[,after_sex,pain,clots,pads,note]` (`;` also works as the separator,
as Excel writes it in Russian locales), one line per day. JSON: a list of objects with the same
keys, or `{"entries": [...]}`. Dates are `YYYY-MM-DD` or `DD.MM.YYYY`; flow is an English or
Russian word (see `FLOW_WORDS`). Any problem raises `DiaryError` naming the file, the line (CSV)
or entry (JSON), the field, the bad value and what is allowed; nothing is half imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from bleedcheck.diary.model import MAX_PADS, MAX_PAIN, DayEntry, Diary, Flow
from bleedcheck.errors import DiaryError, did_you_mean

Format = Literal["csv", "json"]

MIN_DATE = dt.date(1900, 1, 1)
MAX_BYTES = 5_000_000  # estimate: 150 years of daily entries with notes fit in well under this
COLUMNS = ("date", "flow", "after_sex", "pain", "clots", "pads", "note")
_ALIASES = {"pads_changed": "pads"}
_REQUIRED = ("date", "flow")

# Keys are normalised: lower case, "ё" as "е", "-" and "_" as spaces, single spaces.
FLOW_WORDS: dict[str, Flow] = {
    "none": Flow.NONE,
    "no": Flow.NONE,
    "spotting": Flow.SPOTTING,
    "light": Flow.LIGHT,
    "medium": Flow.MEDIUM,
    "moderate": Flow.MEDIUM,
    "heavy": Flow.HEAVY,
    "very heavy": Flow.VERY_HEAVY,
    "нет": Flow.NONE,
    "мажущие": Flow.SPOTTING,
    "мазня": Flow.SPOTTING,
    "скудные": Flow.LIGHT,
    "умеренные": Flow.MEDIUM,
    "средние": Flow.MEDIUM,
    "обильные": Flow.HEAVY,
    "очень обильные": Flow.VERY_HEAVY,
}
ALLOWED_FLOWS = (
    "none, spotting, light, medium, heavy, very_heavy "
    "(in Russian: нет, мажущие/мазня, скудные, умеренные/средние, обильные, очень обильные)"
)
_YES = {"yes", "y", "true", "1", "x", "+", "да", "д"}
_NO = {"no", "n", "false", "0", "-", "нет", "н"}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")

TIME_ZONE_SLACK = dt.timedelta(days=1)

Fields = dict[str, object]
Row = tuple[str, Fields]  # where the row came from ("diary.csv: line 4"), its raw fields


def read_diary(path: str | Path, today: dt.date | None = None) -> Diary:
    """Read a `.csv` or `.json` diary file (other names: told apart by the first character)."""
    where = str(path)
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise DiaryError(f"{where}: no such file") from None
    except OSError as exc:
        raise DiaryError(f"{where}: cannot be read ({exc.strerror or exc})") from None
    suffix = file.suffix.lower()
    fmt: Format | None = "csv" if suffix == ".csv" else "json" if suffix == ".json" else None
    return diary_from_bytes(data, fmt, source=where, today=today)


def diary_from_bytes(
    data: bytes, fmt: Format | None = None, source: str = "<diary>", today: dt.date | None = None
) -> Diary:
    """Decode UTF-8 (a byte-order mark is fine) and parse; `fmt=None` guesses the format."""
    if len(data) > MAX_BYTES:
        raise DiaryError(
            f"{source}: the file is {len(data)} bytes; a diary can be at most {MAX_BYTES}"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DiaryError(
            f"{source}: not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); "
            "save the diary as UTF-8 (in Excel: 'CSV UTF-8')"
        ) from None
    return parse_diary(text, fmt, source=source, today=today)


def parse_diary(
    text: str, fmt: Format | None = None, source: str = "<diary>", today: dt.date | None = None
) -> Diary:
    """Parse diary text; raises only `DiaryError`."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DiaryError(
            f"{source}: the file is empty; expected a header 'date,flow' and a line a day"
        )
    if fmt is None:
        fmt = "json" if text.lstrip()[0] in "[{" else "csv"
    rows = _json_rows(text, source) if fmt == "json" else _csv_rows(text, source)
    return _build(rows, source, today or dt.date.today())


def _csv_rows(text: str, source: str) -> list[Row]:
    first_line = text.lstrip().splitlines()[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[Row] = []
    try:
        for cells in reader:
            where = f"{source}: line {reader.line_num}"
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _header(cells, where)
                continue
            if len(cells) > len(header):
                raise DiaryError(
                    f"{where}: {len(cells)} values but the header has {len(header)} columns "
                    f"({', '.join(header)}); put a note with a '{delimiter}' in double quotes"
                )
            rows.append((where, {name: cell for name, cell in zip(header, cells, strict=False)}))
    except csv.Error as exc:
        raise DiaryError(f"{source}: line {reader.line_num}: not valid CSV ({exc})") from None
    if header is not None and not rows:
        raise DiaryError(f"{source}: the diary has a header but no day entries")
    return rows


def _header(cells: list[str], where: str) -> list[str]:
    names: list[str] = []
    for cell in cells:
        name = cell.strip().lower()
        name = _ALIASES.get(name, name)
        if name not in COLUMNS:
            shown = name or "(empty)"
            raise DiaryError(
                f"{where}: unknown column '{shown}'{did_you_mean(name, COLUMNS)}; "
                f"allowed columns: {', '.join(COLUMNS)} (date and flow are required)"
            )
        if name in names:
            raise DiaryError(f"{where}: column '{name}' appears twice in the header")
        names.append(name)
    for needed in _REQUIRED:
        if needed not in names:
            raise DiaryError(
                f"{where}: the header has no '{needed}' column; "
                f"a diary needs at least 'date,flow' (found: {', '.join(names)})"
            )
    return names


def _json_rows(text: str, source: str) -> list[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DiaryError(
            f"{source}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"
        ) from None
    except RecursionError:
        raise DiaryError(f"{source}: invalid JSON (nested too deeply)") from None
    if isinstance(data, dict):
        extra = sorted(set(data) - {"entries"})
        if extra:
            raise DiaryError(
                f"{source}: unknown key '{extra[0]}'; the object may hold only 'entries'"
            )
        if "entries" not in data:
            raise DiaryError(f"{source}: the object has no 'entries' list of day entries")
        data = data["entries"]
    if not isinstance(data, list):
        raise DiaryError(
            f'{source}: expected a list of day entries or {{"entries": [...]}}, '
            f"got {type(data).__name__}"
        )
    if not data:
        raise DiaryError(f"{source}: the diary is empty: no day entries")
    return _object_rows(data, source)


def latest_entry_day() -> dt.date:
    """The latest day a diary kept on a server may have: tomorrow by the server's clock, as
    "today" where she lives may already be tomorrow there."""
    return dt.date.today() + TIME_ZONE_SLACK


def diary_from_objects(
    items: Sequence[object], source: str = "<diary>", today: dt.date | None = None
) -> Diary:
    """Day entries already decoded from JSON (an API body), checked like a JSON file's.

    An empty list is an empty diary; errors name the entry by its 1-based number.
    """
    if not items:
        return Diary()
    return _build(_object_rows(items, source), source, today or dt.date.today())


def _object_rows(data: Sequence[object], source: str) -> list[Row]:
    rows: list[Row] = []
    for i, item in enumerate(data, start=1):
        where = f"{source}: entry {i}"
        if not isinstance(item, dict):
            raise DiaryError(
                f'{where}: expected an object like {{"date": "2026-03-01", "flow": "light"}}'
            )
        fields: Fields = {}
        for key, value in item.items():
            name = _ALIASES.get(key, key)
            if name not in COLUMNS:
                raise DiaryError(
                    f"{where}: unknown field '{key}'{did_you_mean(key, COLUMNS)}; "
                    f"allowed fields: {', '.join(COLUMNS)}"
                )
            if name in fields:
                raise DiaryError(f"{where}: '{name}' is given twice (as 'pads' and 'pads_changed')")
            fields[name] = value
        rows.append((where, fields))
    return rows


def _build(rows: list[Row], source: str, today: dt.date) -> Diary:
    if not rows:
        raise DiaryError(f"{source}: the diary is empty: no day entries")
    seen: dict[dt.date, str] = {}
    entries: list[DayEntry] = []
    for where, fields in rows:
        entry = _entry(fields, where, today)
        if entry.date in seen:
            first = seen[entry.date].removeprefix(f"{source}: ")
            raise DiaryError(
                f"{where}: date {entry.date.isoformat()} is already in the diary ({first}); "
                "one entry a day"
            )
        seen[entry.date] = where
        entries.append(entry)
    return Diary(entries=tuple(entries))


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _entry(fields: Fields, where: str, today: dt.date) -> DayEntry:
    for needed in _REQUIRED:
        if not _given(fields.get(needed)):
            raise DiaryError(f"{where}: '{needed}' is missing")
    values: dict[str, object] = {
        "date": _date(fields["date"], f"{where}, date", today),
        "flow": _flow(fields["flow"], f"{where}, flow"),
    }
    readers: dict[str, tuple[str, Callable[[object, str], object]]] = {
        "after_sex": ("after_sex", _yes_no),
        "clots": ("clots", _yes_no),
        "pain": ("pain", lambda v, w: _whole(v, w, MAX_PAIN)),
        "pads": ("pads_changed", lambda v, w: _whole(v, w, MAX_PADS)),
        "note": ("note", _note),
    }
    for column, (attribute, read) in readers.items():
        value = fields.get(column)
        if _given(value):
            values[attribute] = read(value, f"{where}, {column}")
    return DayEntry.model_validate(values)


def _date(value: object, where: str, today: dt.date) -> dt.date:
    text = value.strip() if isinstance(value, str) else ""
    iso, dotted = _ISO.fullmatch(text), _DOTTED.fullmatch(text)
    if not (iso or dotted):
        raise DiaryError(f"{where}: {value!r} is not a date; write YYYY-MM-DD or DD.MM.YYYY")
    try:
        if iso:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        else:
            assert dotted is not None
            day = dt.date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    except ValueError as exc:
        raise DiaryError(f"{where}: {text} is not a real date ({exc})") from None
    if day < MIN_DATE:
        raise DiaryError(f"{where}: {day.isoformat()} is before 1900; check the year")
    if day > today:
        raise DiaryError(
            f"{where}: {day.isoformat()} is in the future (today is {today.isoformat()})"
        )
    return day


def _flow(value: object, where: str) -> Flow:
    word = value if isinstance(value, str) else ""
    key = " ".join(word.lower().replace("ё", "е").replace("_", " ").replace("-", " ").split())
    if key in FLOW_WORDS:
        return FLOW_WORDS[key]
    hint = did_you_mean(key.replace(" ", "_"), [f.value for f in Flow]) if key else ""
    raise DiaryError(f"{where}: {value!r} is not a flow{hint}; allowed: {ALLOWED_FLOWS}")


def _yes_no(value: object, where: str) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower() if isinstance(value, str | int) else None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise DiaryError(
        f"{where}: {value!r} is not yes or no; allowed: yes/no, true/false, 1/0, да/нет"
    )


def _whole(value: object, where: str, high: int) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        number = int(value.strip())
    if number is None or not 0 <= number <= high:
        raise DiaryError(f"{where}: {value!r} is not a whole number from 0 to {high}")
    return number


def _note(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise DiaryError(f"{where}: {value!r} is not text")
    return value


def to_csv(diary: Diary) -> str:
    """The diary as CSV with every column; `parse_diary(to_csv(d), "csv")` gives `d` back."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; quotes a lone CR too
    writer.writerow(COLUMNS)
    for e in diary.entries:
        writer.writerow(
            [
                e.date.isoformat(),
                e.flow.value,
                "yes" if e.after_sex else "no",
                "" if e.pain is None else e.pain,
                "yes" if e.clots else "no",
                "" if e.pads_changed is None else e.pads_changed,
                e.note or "",
            ]
        )
    return buffer.getvalue()


def to_json(diary: Diary) -> str:
    """The diary as `{"entries": [...]}`, leaving out fields that are not recorded."""
    entries = [e.model_dump(mode="json", exclude_defaults=True) for e in diary.entries]
    return json.dumps({"entries": entries}, ensure_ascii=False, indent=1)
