"""The SQL interview repository on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import threading

import pytest
from sqlalchemy import select

from bleedcheck.engine.interview import AnswerRecord, start
from bleedcheck.errors import NotFound, StaleAnswer
from bleedcheck.store import InterviewRepository, StoredInterview
from bleedcheck.store.sql import SqlInterviewRepository
from bleedcheck.store.tables import interviews
from bleedcheck.vocab import Evidence, Presence


def answered(record: StoredInterview, n: int = 1) -> StoredInterview:
    history = [
        AnswerRecord(step=i + 1, question_id=f"q{i}", answer={"fever": Presence.ABSENT})
        for i in range(n)
    ]
    return record.model_copy(update={"state": record.state.model_copy(update={"history": history})})


def test_it_is_an_interview_repository(repository: SqlInterviewRepository) -> None:
    repo: InterviewRepository = repository
    assert repo is repository


def test_create_then_get_round_trips(repository: SqlInterviewRepository) -> None:
    state = start("ru", "RU", Evidence(findings={"fever": Presence.PRESENT}, age=31))
    record, token = repository.create(state=state, kb_version="abc123")
    loaded = repository.get(interview_id=record.id, token=token)
    assert loaded == record
    assert loaded.state == state and loaded.kb_version == "abc123" and loaded.version == 1
    assert loaded.created_at.tzinfo is not None


def test_only_a_hash_of_the_token_is_stored(repository: SqlInterviewRepository) -> None:
    record, token = repository.create(state=start(), kb_version="v")
    with repository.engine.connect() as conn:
        row = conn.execute(select(interviews).where(interviews.c.id == record.id)).one()
    assert token not in str(tuple(row))
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_tokens_are_unguessable_and_distinct(repository: SqlInterviewRepository) -> None:
    tokens = {repository.create(state=start(), kb_version="v")[1] for _ in range(5)}
    assert len(tokens) == 5 and all(len(t) >= 43 for t in tokens)


@pytest.mark.parametrize("token", ["", "wrong", "x" * 500])
def test_wrong_token_is_not_found(repository: SqlInterviewRepository, token: str) -> None:
    record, _ = repository.create(state=start(), kb_version="v")
    with pytest.raises(NotFound, match="interview not found"):
        repository.get(interview_id=record.id, token=token)


def test_unknown_id_is_not_found(repository: SqlInterviewRepository) -> None:
    _, token = repository.create(state=start(), kb_version="v")
    with pytest.raises(NotFound, match="interview not found"):
        repository.get(interview_id="no-such-id", token=token)


def test_save_bumps_the_version(repository: SqlInterviewRepository) -> None:
    record, token = repository.create(state=start(), kb_version="v")
    saved = repository.save(record=answered(record))
    assert saved.version == 2 and saved.updated_at >= record.updated_at
    assert repository.get(interview_id=record.id, token=token) == saved


def test_save_from_a_stale_read_is_refused(repository: SqlInterviewRepository) -> None:
    record, token = repository.create(state=start(), kb_version="v")
    repository.save(record=answered(record, 1))
    with pytest.raises(StaleAnswer):
        repository.save(record=answered(record, 2))
    assert len(repository.get(interview_id=record.id, token=token).state.history) == 1


def test_save_of_a_missing_interview_is_not_found(repository: SqlInterviewRepository) -> None:
    record, _ = repository.create(state=start(), kb_version="v")
    ghost = record.model_copy(update={"id": "00000000-0000-0000-0000-000000000000"})
    with pytest.raises(NotFound):
        repository.save(record=ghost)


def test_concurrent_saves_exactly_one_wins(repository: SqlInterviewRepository) -> None:
    record, token = repository.create(state=start(), kb_version="v")
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(n: int) -> None:
        barrier.wait()
        try:
            repository.save(record=answered(record, n))
            outcomes.append("saved")
        except StaleAnswer:
            outcomes.append("stale")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    assert repository.get(interview_id=record.id, token=token).version == 2
