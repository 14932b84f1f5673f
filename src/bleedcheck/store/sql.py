"""The SQL implementation of the interview repository (SQLite by default, PostgreSQL by URL).

Every write is one transaction with one statement, so a record is never half-written; saves
carry the version they read (optimistic locking), so of two concurrent answers only one wins.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, create_engine, event, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from bleedcheck.engine.interview import InterviewState
from bleedcheck.errors import NotFound, StaleAnswer, StorageError
from bleedcheck.settings import Settings
from bleedcheck.store.migrate import migrate
from bleedcheck.store.repository import InterviewRepository, StoredInterview
from bleedcheck.store.tables import interviews

SQLITE_BUSY_TIMEOUT_MS = 10_000  # a writer waits this long for another process's write
TOKEN_BYTES = 32
NOT_FOUND = "interview not found"  # the same words whether the id or the token is wrong
# compared against when the id does not exist, so a miss costs the same as a wrong token
_ABSENT_HASH = hashlib.sha256(b"no such record").hexdigest()

T = TypeVar("T")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def database_url(raw: str) -> URL:
    """Parse a database URL; plain `postgresql://` means the psycopg 3 driver."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StorageError(
            f"'{raw}' is not a database URL (sqlite:///path or postgresql://...)"
        ) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(
            f"database '{url.get_backend_name()}' is not supported; use sqlite or postgresql"
        )
    return url


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Hand transactions to SQLAlchemy (see _sqlite_begin), so DDL in migrations is
    # transactional too; WAL lets readers proceed during a write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: URL) -> Engine:
    """An engine for the URL: SQLite in WAL mode with a busy timeout, or pooled PostgreSQL."""
    try:
        if url.get_backend_name() == "sqlite":
            memory = url.database in (None, "", ":memory:")
            if not memory and url.database:
                from pathlib import Path

                Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
                poolclass=StaticPool if memory else None,
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    except (ArgumentError, NoSuchModuleError, OSError) as exc:
        raise StorageError(f"cannot open database {display_url(url)}: {exc}") from None


class SqlRecords:
    """What the SQL repositories share: the engine, error translation, token checks."""

    noun = "record"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _guard(self, action: str, func: Callable[[], T]) -> T:
        try:
            return func()
        except SQLAlchemyError as exc:
            raise StorageError(
                f"could not {action} ({type(exc).__name__}); the {self.noun} is unchanged"
            ) from exc

    def _insert_new(self, table: Table, values: dict[str, Any]) -> tuple[str, str, datetime]:
        """A new row at version 1 with a fresh id and token; returns (id, token, time)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        record_id = str(uuid.uuid4())
        moment = now()
        row = {
            **values,
            "id": record_id,
            "token_hash": hash_token(token),
            "version": 1,
            "created_at": moment,
            "updated_at": moment,
        }

        def insert() -> None:
            with self.engine.begin() as conn:
                conn.execute(table.insert().values(**row))

        self._guard(f"store the {self.noun}", insert)
        return record_id, token, moment

    def _row(self, table: Table, record_id: str, token: str) -> Any:
        """The row, if the token is its own; `NotFound` otherwise (checked in constant time)."""

        def load() -> Any:
            with self.engine.connect() as conn:
                return conn.execute(select(table).where(table.c.id == record_id)).first()

        row = self._guard(f"load the {self.noun}", load)
        stored_hash = row.token_hash if row is not None else _ABSENT_HASH
        if not hmac.compare_digest(hash_token(token), stored_hash) or row is None:
            raise NotFound(f"{self.noun} not found")
        return row

    def _write_versioned(
        self, table: Table, record_id: str, version: int, values: dict[str, Any], moment: datetime
    ) -> int | None:
        """One UPDATE, only if the row is still at `version`; it then moves to `version + 1`.

        None when written; otherwise the version another writer left (`NotFound` if gone).
        """

        def write() -> int | None:
            with self.engine.begin() as conn:
                result = conn.execute(
                    update(table)
                    .where(table.c.id == record_id, table.c.version == version)
                    .values(**values, version=version + 1, updated_at=moment)
                )
                if result.rowcount == 1:
                    return None
                current: int | None = conn.execute(
                    select(table.c.version).where(table.c.id == record_id)
                ).scalar()
                return -1 if current is None else current

        moved = self._guard(f"save the {self.noun}", write)
        if moved == -1:
            raise NotFound(f"{self.noun} not found")
        return moved


class SqlInterviewRepository(SqlRecords):
    """`InterviewRepository` over one SQLAlchemy engine."""

    noun = "interview"

    def create(self, *, state: InterviewState, kb_version: str) -> tuple[StoredInterview, str]:
        values = {"state": state.model_dump_json(), "kb_version": kb_version}
        record_id, token, moment = self._insert_new(interviews, values)
        record = StoredInterview(
            id=record_id,
            state=state,
            kb_version=kb_version,
            version=1,
            created_at=moment,
            updated_at=moment,
        )
        return record, token

    def get(self, *, interview_id: str, token: str) -> StoredInterview:
        row = self._row(interviews, interview_id, token)
        return StoredInterview(
            id=row.id,
            state=InterviewState.model_validate_json(row.state),
            kb_version=row.kb_version,
            version=row.version,
            created_at=aware(row.created_at),
            updated_at=aware(row.updated_at),
        )

    def save(self, *, record: StoredInterview) -> StoredInterview:
        moment = now()
        values = {"state": record.state.model_dump_json(), "kb_version": record.kb_version}
        moved = self._write_versioned(interviews, record.id, record.version, values, moment)
        if moved is not None:
            raise StaleAnswer(
                f"the interview changed while this answer was being recorded "
                f"(version {record.version} is now {moved}); reload it and answer again"
            )
        return record.model_copy(update={"version": record.version + 1, "updated_at": moment})

    def ping(self) -> None:
        """Raise `StorageError` unless the database answers."""

        def probe() -> None:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        self._guard("reach the database", probe)

    def close(self) -> None:
        self.engine.dispose()


def open_repository(settings: Settings) -> SqlInterviewRepository:
    """Open the settings' database, bring its schema up to date, return the repository."""
    url = database_url(settings.database_url)
    engine = make_engine(url)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(
            f"cannot prepare database {display_url(url)}: {type(exc).__name__}: "
            f"{str(exc.orig if hasattr(exc, 'orig') and exc.orig else exc).splitlines()[0]}"
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return SqlInterviewRepository(engine)


def repository_for(settings: Settings) -> InterviewRepository:
    """The interview repository for these settings (runs the migrations once)."""
    return open_repository(settings)
