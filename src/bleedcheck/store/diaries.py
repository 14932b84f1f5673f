"""The SQL implementation of the diary repository, beside the interviews in one database.

A diary is one row: its day entries as one JSON list. Every write is one transaction with one
statement guarded by the version it read, so a record is never half-written and of two
concurrent writes of the whole diary only one wins. Changing one day re-reads and retries, so
two days added at once are both kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from pydantic import TypeAdapter

from bleedcheck.diary.model import DayEntry, Diary
from bleedcheck.errors import StaleAnswer, StorageError
from bleedcheck.store.repository import StoredDiary
from bleedcheck.store.sql import SqlRecords, aware, now
from bleedcheck.store.tables import diaries
from bleedcheck.vocab import Lang

DAY_ATTEMPTS = 5  # re-reads when other writers keep changing the diary under a one-day change
_ENTRIES = TypeAdapter(tuple[DayEntry, ...])


def entries_json(diary: Diary) -> str:
    """The entries as stored: a JSON list, fields at their defaults left out."""
    return json.dumps(
        [e.model_dump(mode="json", exclude_defaults=True) for e in diary.entries],
        ensure_ascii=False,
    )


def diary_of(text: str) -> Diary:
    return Diary(entries=_ENTRIES.validate_json(text))


class SqlDiaryRepository(SqlRecords):
    """`DiaryRepository` over one SQLAlchemy engine (shared with the interviews)."""

    noun = "diary"

    def create(self, *, diary: Diary, lang: Lang) -> tuple[StoredDiary, str]:
        values = {"lang": lang, "entries": entries_json(diary)}
        record_id, token, moment = self._insert_new(diaries, values)
        record = StoredDiary(
            id=record_id,
            lang=lang,
            diary=diary,
            version=1,
            created_at=moment,
            updated_at=moment,
        )
        return record, token

    def get(self, *, diary_id: str, token: str) -> StoredDiary:
        row = self._row(diaries, diary_id, token)
        return StoredDiary(
            id=row.id,
            lang="ru" if row.lang == "ru" else "en",
            diary=diary_of(row.entries),
            version=row.version,
            created_at=aware(row.created_at),
            updated_at=aware(row.updated_at),
        )

    def replace(self, *, record: StoredDiary) -> StoredDiary:
        moment = now()
        values = {"entries": entries_json(record.diary), "lang": record.lang}
        moved = self._write_versioned(diaries, record.id, record.version, values, moment)
        if moved is not None:
            raise StaleAnswer(
                f"the diary changed while this was being saved (version {record.version} is "
                f"now {moved}); reload it and try again"
            )
        return record.model_copy(update={"version": record.version + 1, "updated_at": moment})

    def set_day(self, *, diary_id: str, token: str, entry: DayEntry) -> StoredDiary:
        def put(diary: Diary) -> Diary:
            others = tuple(e for e in diary.entries if e.date != entry.date)
            return Diary(entries=(*others, entry))

        return self._change(diary_id, token, put)

    def clear_day(self, *, diary_id: str, token: str, day: dt.date) -> StoredDiary:
        def clear(diary: Diary) -> Diary:
            return Diary(entries=tuple(e for e in diary.entries if e.date != day))

        return self._change(diary_id, token, clear)

    def _change(self, diary_id: str, token: str, change: Callable[[Diary], Diary]) -> StoredDiary:
        for _attempt in range(DAY_ATTEMPTS):
            record = self.get(diary_id=diary_id, token=token)
            diary = change(record.diary)
            if diary == record.diary:
                return record
            try:
                return self.replace(record=record.model_copy(update={"diary": diary}))
            except StaleAnswer:
                continue  # another day was written meanwhile: apply this change to that
        raise StorageError(
            f"the diary kept changing during {DAY_ATTEMPTS} attempts; the day was not saved"
        )
