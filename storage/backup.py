"""A consistent copy of a SQLite database while the bot runs.

The bot runs SQLite in WAL mode: recent commits live in `-wal` beside the file, so copying the
file alone loses them or copies a page half written. SQLite's online backup API
(https://www.sqlite.org/backup.html, Python's `sqlite3.Connection.backup`) copies every page
as of one moment, WAL included, and writers carry on meanwhile. PostgreSQL is backed up with
its own tool, `pg_dump` (README, "Back up and restore").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupUnsupported(Exception):
    """The database is not a SQLite file: the message says what to use instead."""


def sqlite_path(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupUnsupported(
            "unrcca-bot backup copies a SQLite file; for PostgreSQL use pg_dump "
            "(pg_dump --format=custom --file=FILE DATABASE, see the README)"
        )
    return Path(url.database)


def backup_sqlite(database_url: str, target: Path) -> int:
    """Copy the database at `database_url` to `target` (replaced); the pages copied.

    OSError or sqlite3.Error when either file cannot be used.
    """
    source_path = sqlite_path(database_url)
    if not source_path.exists():
        raise FileNotFoundError(f"no database at {source_path}")
    # Opened read-only: a backup never creates or changes the bot's database.
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    target.unlink(missing_ok=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
        return int(copy.execute("PRAGMA page_count").fetchone()[0])
    finally:
        copy.close()
        source.close()
