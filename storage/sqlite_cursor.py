"""A cursor for aiosqlite connections that runs a statement in one trip to the connection's thread.

aiosqlite's cursor makes a trip for every call, and SQLAlchemy's adapter makes four a statement:
open a cursor, execute, fetch every row, close. Each trip hands the call to the connection's
thread and the answer back through the event loop, for statements SQLite runs in microseconds:
an answered question made 18 of them (issue 21). Here `execute` opens the sqlite3 cursor, runs
the statement, reads every row and closes the cursor in one call on that thread; fetching and
closing then read what it kept. SQLAlchemy's adapter reads every row at once anyway (this bot
uses no server-side cursors), so nothing is held longer than before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

import aiosqlite

Row = Any
Parameters = Iterable[Any] | dict[str, Any]


class OneTripCursor:
    """What SQLAlchemy uses of `aiosqlite.Cursor`: `async with`, execute, executemany, the
    fetches, close, description, rowcount, lastrowid and arraysize."""

    arraysize = 1

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self.description: tuple[tuple[Any, ...], ...] | None = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Row] = []

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *_exception: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Parameters | None = None) -> OneTripCursor:
        await self._connection._execute(self._run, sql, parameters or (), many=False)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Parameters]) -> OneTripCursor:
        await self._connection._execute(self._run, sql, parameters, many=True)
        return self

    def _run(self, sql: str, parameters: Any, *, many: bool) -> None:
        """On the connection's thread: the statement, its rows and what it reports."""
        cursor: sqlite3.Cursor = self._connection._conn.cursor()
        try:
            if many:
                cursor.executemany(sql, parameters)
            else:
                cursor.execute(sql, parameters)
            rows = cursor.fetchall() if cursor.description else []
            # After the rows: an INSERT ... RETURNING counts its rows as they are read.
            self.description, self.rowcount = cursor.description, cursor.rowcount
            self.lastrowid, self._rows = cursor.lastrowid, rows
        finally:
            cursor.close()

    async def fetchone(self) -> Row | None:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Row]:
        taken = size or self.arraysize
        rows, self._rows = self._rows[:taken], self._rows[taken:]
        return rows

    async def fetchall(self) -> list[Row]:
        rows, self._rows = self._rows, []
        return rows

    async def close(self) -> None:
        self._rows = []
