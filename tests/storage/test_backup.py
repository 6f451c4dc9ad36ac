"""`unrcca-bot backup`: SQLite's online backup of a database in WAL mode, taken while it is
open, restores to an equal database (copying the file would miss what is still in -wal)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.backup import BackupUnsupported, backup_sqlite
from storage.database import Database, open_database, prepare_database
from storage.models import Base
from tests.support.factories import add_meetings

Rows = dict[str, list[tuple[object, ...]]]


async def every_row(database: Database) -> Rows:
    async with database.engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(row) for row in await connection.execute(select(table))), key=repr
            )
            for table in Base.metadata.sorted_tables
        }


async def test_a_backup_taken_while_the_bot_writes_restores_to_an_equal_database(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    bot = open_database(url)
    try:
        await prepare_database(bot)
        # A connection stays open, as the running bot's does (whatever SQLAlchemy's pool does):
        # the commits stay in bot.db-wal, not yet in bot.db.
        reader = sqlite3.connect(tmp_path / "bot.db")
        reader.execute("SELECT 1 FROM meetings LIMIT 1").fetchall()
        await add_meetings(bot, 30, datetime(2030, 1, 1, 5, tzinfo=UTC))
        assert (tmp_path / "bot.db-wal").stat().st_size > 0
        backup_sqlite(url, tmp_path / "backup.db")
        original = await every_row(bot)
        await add_meetings(bot, 1, datetime(2031, 1, 1, 5, tzinfo=UTC), "After the backup")
        reader.close()
    finally:
        await bot.dispose()
    restored = open_database(f"sqlite+aiosqlite:///{tmp_path / 'backup.db'}")
    try:
        copy = await every_row(restored)
    finally:
        await restored.dispose()
    assert len(original["meetings"]) >= 30
    assert copy == original


def test_only_sqlite_files_are_backed_up(tmp_path: Path) -> None:
    with pytest.raises(BackupUnsupported, match="pg_dump"):
        backup_sqlite("postgresql+asyncpg://bot@db/bot", tmp_path / "copy.db")
    with pytest.raises(FileNotFoundError):
        backup_sqlite(f"sqlite+aiosqlite:///{tmp_path / 'none.db'}", tmp_path / "copy.db")
    assert not (tmp_path / "none.db").exists()  # a backup never creates the bot's database
