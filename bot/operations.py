"""`unrcca-bot db upgrade|current|check` and `unrcca-bot backup FILE`: what an operator runs
beside the bot (before an upgrade, from cron), without starting it.

Exit codes: 0 done; 1 the command ran and found something to act on (`db check`: the schema is
behind the code); 2 it could not run (settings, the database unreachable, a backup of a database
that is not SQLite).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from config.settings import Settings
from storage.backup import BackupUnsupported, backup_sqlite
from storage.database import open_database, prepare_database
from storage.schema import schema_revisions

BEHIND = 1
CANNOT = 2


async def db_command(settings: Settings, action: str) -> int:
    """`upgrade`: migrate to the head and load the bundled facts (as `run` does at start);
    `current`: print the revision; `check`: exit 1 unless the schema is the code's head."""
    database = open_database(settings.database_url)
    try:
        if action == "upgrade":
            await prepare_database(database)
        revisions = await schema_revisions(database)
    finally:
        await database.dispose()
    current = revisions.current or "none (an empty database)"
    if revisions.up_to_date:
        print(f"{current} (head)")
        return 0
    print(f"{current}; the code's head is {revisions.head}: run `unrcca-bot db upgrade`")
    return BEHIND if action == "check" else 0


def backup_command(settings: Settings, target: Path) -> int:
    try:
        pages = backup_sqlite(settings.database_url, target)
    except BackupUnsupported as error:
        print(f"unrcca-bot: {error}", file=sys.stderr)
        return CANNOT
    except (OSError, sqlite3.Error) as error:
        print(f"unrcca-bot: the backup to {target} failed: {error}", file=sys.stderr)
        return CANNOT
    print(f"backed up {pages} pages to {target}")
    return 0
