"""Alembic environment: always run with the connection `store.migrate` hands over."""

from __future__ import annotations

from alembic import context

from bleedcheck.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through bleedcheck.store.migrate.migrate(engine), "
        "which takes the cross-process lock"
    )
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
