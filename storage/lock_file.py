"""The leader lock of a SQLite deployment: an exclusive flock on a file beside the database.
The kernel lets it go when the process ends, however it ends."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from storage.database import Database


def lock_path(database: Database) -> Path:
    name = database.engine.url.database or "memory"
    return Path(f"{name}.lock") if name not in ("", ":memory:") else Path("unrcca-bot.lock")


def try_lock(path: Path) -> int | None:
    """The descriptor holding the lock (closing it lets the lock go), or None when another
    process holds it. Never waits."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def locked_elsewhere(path: Path) -> bool:
    """Whether another process holds the lock (tried, and let go at once when free)."""
    descriptor = try_lock(path)
    if descriptor is None:
        return True
    os.close(descriptor)
    return False
