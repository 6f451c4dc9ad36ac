"""SQLite statements make one trip to the connection's thread (storage/sqlite_cursor.py), and
say through SQLAlchemy what they said before: rows, counts, new ids and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.database import open_database
from storage.sqlite_closing import SafelyClosingConnection


async def test_a_statement_is_one_trip_and_reports_what_sqlite_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(f"sqlite+aiosqlite:///{tmp_path / 'trips.db'}")
    trips: list[str] = []
    real = SafelyClosingConnection._execute

    async def counted(self: SafelyClosingConnection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        trips.append(getattr(fn, "__name__", repr(fn)))
        return await real(self, fn, *args, **kwargs)

    try:
        async with database.engine.begin() as connection:
            await connection.execute(
                text("create table t (id integer primary key, x text unique)")
            )
            monkeypatch.setattr(SafelyClosingConnection, "_execute", counted)
            inserted = await connection.execute(
                text("insert into t (x) values (:x) returning id"), {"x": "a"}
            )
            assert inserted.scalar_one() == 1
            many = await connection.execute(
                text("insert into t (x) values (:x)"), [{"x": "b"}, {"x": "c"}]
            )
            assert many.rowcount == 2
            plain = await connection.execute(text("insert into t (x) values ('d')"))
            assert plain.lastrowid == 4
            rows = await connection.execute(text("select id, x from t order by id"))
            assert [tuple(row) for row in rows] == [(1, "a"), (2, "b"), (3, "c"), (4, "d")]
            changed = await connection.execute(text("update t set x = x || '!' where id > 2"))
            assert changed.rowcount == 2
            # One trip each: the statement, its rows and its cursor's close go together.
            assert trips == ["_run"] * 5
            with pytest.raises(IntegrityError):
                await connection.execute(text("insert into t (x) values ('a')"))
            left = await connection.execute(text("select count(*) from t"))
            assert left.scalar_one() == 4
    finally:
        await database.dispose()
