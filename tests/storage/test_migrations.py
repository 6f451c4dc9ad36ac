"""Migrations and models never drift, and every revision goes up, down and up again (the
stairway), on each backend: a downgrade that forgets something fails here, not in production."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from storage import full_text
from storage.migrations import revisions
from storage.migrations.runner import alembic_config
from storage.models import Base


def _drift(connection: Connection) -> list[object]:
    options = {
        "compare_type": True,
        "render_as_batch": connection.dialect.name == "sqlite",
        "include_name": full_text.include_name,  # the full-text index is not a model
    }
    context = MigrationContext.configure(connection, opts=options)
    return list(compare_metadata(context, Base.metadata))


def _stairway(connection: Connection) -> list[str]:
    config = alembic_config(connection)
    revisions = list(ScriptDirectory.from_config(config).walk_revisions("base", "heads"))
    climbed = []
    for revision in reversed(revisions):
        command.upgrade(config, revision.revision)
        command.downgrade(config, revision.down_revision or "base")
        command.upgrade(config, revision.revision)
        climbed.append(revision.revision)
    return climbed


async def test_the_models_match_the_migrated_schema(empty_database_url: str) -> None:
    engine = create_async_engine(empty_database_url)
    async with engine.begin() as connection:
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), "head"))
        drift = await connection.run_sync(_drift)
    await engine.dispose()
    assert drift == []


async def test_every_revision_goes_up_down_and_up_again(empty_database_url: str) -> None:
    engine = create_async_engine(empty_database_url)
    async with engine.begin() as connection:
        climbed = await connection.run_sync(_stairway)
        drift = await connection.run_sync(_drift)
    await engine.dispose()
    assert len(climbed) >= 9
    assert drift == []


def _alembic_says(connection: Connection) -> tuple[str | None, str | None]:
    head = ScriptDirectory.from_config(alembic_config(connection)).get_current_head()
    return MigrationContext.configure(connection).get_current_revision(), head


async def test_revisions_read_without_alembic_are_alembics(empty_database_url: str) -> None:
    # A start skips Alembic when the database is at the head read from the scripts' text.
    engine = create_async_engine(empty_database_url)
    async with engine.begin() as connection:
        assert await connection.run_sync(revisions.current) is None
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), "0012"))
        assert await connection.run_sync(revisions.current) == "0012"
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), "head"))
        current, head = await connection.run_sync(_alembic_says)
        assert (await connection.run_sync(revisions.current), revisions.head()) == (current, head)
        await connection.run_sync(lambda sync: command.downgrade(alembic_config(sync), "base"))
        assert await connection.run_sync(revisions.current) is None
    await engine.dispose()
