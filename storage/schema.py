"""Which schema revision a database is at, next to the newest the code knows (its head).

For `unrcca-bot db current|check` and `run --no-migrate`, which must not migrate;
`prepare_database` (storage.database) is what migrates.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from storage.database import Database, DatabaseUnavailable, describe_failure
from storage.migrations.runner import alembic_config


@dataclass(frozen=True)
class SchemaRevisions:
    current: str | None  # None: an empty database, never migrated
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations have one head"
    return head


async def schema_revisions(database: Database) -> SchemaRevisions:
    """DatabaseUnavailable (one line, without the password) when it cannot be read."""
    try:
        async with database.engine.connect() as connection:
            current = await connection.run_sync(_current)
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseUnavailable(describe_failure(database, error)) from error
    return SchemaRevisions(current, head_revision())


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()
