"""The SQL diary repository on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bleedcheck.diary import DayEntry, Diary, Flow
from bleedcheck.errors import NotFound, StaleAnswer
from bleedcheck.store import DiaryRepository, SqlDiaryRepository, SqlInterviewRepository
from bleedcheck.store.tables import diaries

DAY = dt.date(2026, 3, 1)


def day(offset: int, flow: Flow = Flow.LIGHT, **extra: object) -> DayEntry:
    return DayEntry.model_validate({"date": DAY + dt.timedelta(days=offset), "flow": flow, **extra})


@pytest.fixture
def store(repository: SqlInterviewRepository) -> Iterator[SqlDiaryRepository]:
    yield SqlDiaryRepository(repository.engine)


def test_it_is_a_diary_repository(store: SqlDiaryRepository) -> None:
    repo: DiaryRepository = store
    assert repo is store


def test_create_then_get_round_trips_every_field(store: SqlDiaryRepository) -> None:
    diary = Diary(
        entries=(
            day(1, Flow.HEAVY, pain=7, clots=True, pads_changed=9, note="сгустки, боль"),
            day(0, Flow.MEDIUM),
            day(14, Flow.SPOTTING, after_sex=True),
        )
    )
    record, token = store.create(diary=diary, lang="ru")
    loaded = store.get(diary_id=record.id, token=token)
    assert loaded == record
    assert loaded.diary == diary and loaded.lang == "ru" and loaded.version == 1
    assert [e.date for e in loaded.diary.entries] == sorted(e.date for e in diary.entries)


def test_an_empty_diary_can_be_stored(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(), lang="en")
    assert store.get(diary_id=record.id, token=token).diary.entries == ()


def test_only_a_hash_of_the_token_is_stored(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(entries=(day(0),)), lang="en")
    with store.engine.connect() as conn:
        row = conn.execute(select(diaries).where(diaries.c.id == record.id)).one()
    assert token not in str(tuple(row))
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()


@pytest.mark.parametrize("token", ["", "wrong", "x" * 500])
def test_wrong_token_is_not_found(store: SqlDiaryRepository, token: str) -> None:
    record, _ = store.create(diary=Diary(), lang="en")
    with pytest.raises(NotFound, match="diary not found"):
        store.get(diary_id=record.id, token=token)


def test_unknown_id_is_not_found_and_an_interview_token_opens_no_diary(
    store: SqlDiaryRepository, repository: SqlInterviewRepository
) -> None:
    from bleedcheck.engine.interview import start

    interview, interview_token = repository.create(state=start(), kb_version="v")
    with pytest.raises(NotFound):
        store.get(diary_id=interview.id, token=interview_token)
    _, token = store.create(diary=Diary(), lang="en")
    with pytest.raises(NotFound):
        store.get(diary_id="no-such-id", token=token)


def test_set_day_adds_then_changes_one_day(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(entries=(day(0),)), lang="en")
    added = store.set_day(diary_id=record.id, token=token, entry=day(1, Flow.HEAVY))
    assert [e.flow for e in added.diary.entries] == [Flow.LIGHT, Flow.HEAVY]
    assert added.version == 2
    changed = store.set_day(diary_id=record.id, token=token, entry=day(0, Flow.SPOTTING))
    assert [e.flow for e in changed.diary.entries] == [Flow.SPOTTING, Flow.HEAVY]
    assert store.get(diary_id=record.id, token=token) == changed


def test_clear_day_removes_it_and_a_missing_day_spends_no_version(
    store: SqlDiaryRepository,
) -> None:
    record, token = store.create(diary=Diary(entries=(day(0), day(1))), lang="en")
    cleared = store.clear_day(diary_id=record.id, token=token, day=DAY)
    assert [e.date for e in cleared.diary.entries] == [DAY + dt.timedelta(days=1)]
    again = store.clear_day(diary_id=record.id, token=token, day=DAY)
    assert again.version == cleared.version == 2


def test_day_changes_need_the_token(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(entries=(day(0),)), lang="en")
    with pytest.raises(NotFound):
        store.set_day(diary_id=record.id, token="wrong", entry=day(1))
    with pytest.raises(NotFound):
        store.clear_day(diary_id=record.id, token="wrong", day=DAY)
    assert store.get(diary_id=record.id, token=token).version == 1


def test_replace_from_a_stale_read_is_refused(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(entries=(day(0),)), lang="en")
    store.replace(record=record.model_copy(update={"diary": Diary(entries=(day(2),))}))
    with pytest.raises(StaleAnswer, match="diary changed"):
        store.replace(record=record.model_copy(update={"diary": Diary(entries=(day(3),))}))
    assert [e.date.day for e in store.get(diary_id=record.id, token=token).diary.entries] == [3]


def test_replace_of_a_missing_diary_is_not_found(store: SqlDiaryRepository) -> None:
    record, _ = store.create(diary=Diary(), lang="en")
    ghost = record.model_copy(update={"id": "00000000-0000-0000-0000-000000000000"})
    with pytest.raises(NotFound):
        store.replace(record=ghost)


def test_days_added_at_once_are_all_kept(store: SqlDiaryRepository) -> None:
    record, token = store.create(diary=Diary(), lang="en")
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def add(n: int) -> None:
        barrier.wait()
        try:
            store.set_day(diary_id=record.id, token=token, entry=day(n))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = store.get(diary_id=record.id, token=token)
    assert len(stored.diary.entries) == 4 and stored.version == 5
