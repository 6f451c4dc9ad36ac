"""The schema revision a database is at and the newest the code has, read without Alembic.

A start on a database already up to date (every start but the first after an upgrade) then
costs one query, not Alembic's import and the reading of every revision script through it:
about a third of a second before the first getUpdates. `tests/storage/test_migrations.py`
checks both against Alembic's own answers.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

VERSIONS = Path(__file__).resolve().parent / "versions"
_REVISION = re.compile(r'^revision: str = "([^"]+)"', re.M)
_REVISES = re.compile(r'^down_revision: str \| None = "([^"]+)"', re.M)


@cache
def head() -> str:
    """The revision no other revision revises (the migrations have one head)."""
    revisions, revised = set(), set()
    for script in VERSIONS.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        revised.update(_REVISES.findall(source))
    (newest,) = revisions - revised
    return newest


def current(connection: Connection) -> str | None:
    """The database's revision; None for a database never migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version"))
    return found.scalar_one_or_none()
