"""Which schema revision a database is at, next to the newest the code knows (its head).

For `unrcca-bot db current|check` and `run --no-migrate`, which must not migrate;
`prepare_database` (storage.database) is what migrates.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from storage.database import Database, DatabaseUnavailable, describe_failure
from storage.migrations import revisions


@dataclass(frozen=True)
class SchemaRevisions:
    current: str | None  # None: an empty database, never migrated
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


async def schema_revisions(database: Database) -> SchemaRevisions:
    """DatabaseUnavailable (one line, without the password) when it cannot be read."""
    try:
        async with database.engine.connect() as connection:
            current = await connection.run_sync(revisions.current)
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseUnavailable(describe_failure(database, error)) from error
    return SchemaRevisions(current, revisions.head())
