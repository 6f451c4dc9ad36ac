"""`unrcca-bot import` and `unrcca-bot export` as whoever runs the bot types them: real processes.

They share the SQLite file a bot would use, and print what /import and /export answer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from icalendar import Calendar

from tests.process.test_cli import run_cli
from tests.support.calendars import EVENT, ics

ENERGY = {**EVENT, "UID": "energy@example.org", "SUMMARY": "Energy talks"}


def database(folder: Path) -> str:
    return f"sqlite+aiosqlite:///{folder / 'bot.db'}"


def audit_actors(folder: Path) -> list[tuple[str, object]]:
    with sqlite3.connect(folder / "bot.db") as connection:
        return list(connection.execute("SELECT action, actor_id FROM audit_log ORDER BY id"))


def test_import_prints_the_report_and_names_the_command_line_as_actor(tmp_path: Path) -> None:
    calendar = tmp_path / "meetings.ics"
    calendar.write_bytes(ics(EVENT, ENERGY, {**EVENT, "UID": "x@y", "LOCATION": "Springfield"}))

    first = run_cli("import", str(calendar), cwd=tmp_path, DATABASE_URL=database(tmp_path))
    again = run_cli("import", str(calendar), cwd=tmp_path, DATABASE_URL=database(tmp_path))

    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(
        "Import finished. Created: 2, updated: 0, unchanged: 0, skipped: 1."
    )
    assert "• Event 1: Water talks (ID 3)" in first.stdout
    assert "• Event 3 (Water talks): I cannot tell its time zone" in first.stdout
    assert "<" not in first.stdout  # printed as text, not as Telegram HTML
    assert "Created: 0, updated: 0, unchanged: 2, skipped: 1." in again.stdout
    assert audit_actors(tmp_path) == [("add", None), ("add", None)]


def test_import_of_a_file_that_is_not_a_calendar_fails(tmp_path: Path) -> None:
    notes = tmp_path / "notes.ics"
    notes.write_text("Water talks in Almaty on 10 December\n")
    broken = tmp_path / "broken.ics"
    broken.write_bytes(ics(EVENT).replace(b"SUMMARY:", b"SUMMARY"))

    refused = run_cli("import", str(notes), cwd=tmp_path, DATABASE_URL=database(tmp_path))
    cut = run_cli("import", str(broken), cwd=tmp_path, DATABASE_URL=database(tmp_path))
    missing = run_cli("import", "nowhere.ics", cwd=tmp_path, DATABASE_URL=database(tmp_path))

    assert refused.returncode == 1 and refused.stdout == ""
    assert "notes.ics is not a calendar" in refused.stderr
    assert cut.returncode == 1
    assert "broken.ics is a calendar file, but it is broken at line 6: SUMMARYWater" in cut.stderr
    assert missing.returncode == 1
    assert missing.stderr.startswith("unrcca-bot: cannot read nowhere.ics")


def test_export_writes_every_meeting_and_imports_back_unchanged(tmp_path: Path) -> None:
    calendar = tmp_path / "meetings.ics"
    # Far ahead, so that it stays upcoming by the wall clock the process reads.
    upcoming = {**EVENT, "DTSTART": "20901210T100000"}
    calendar.write_bytes(ics(upcoming, {**ENERGY, "STATUS": "CANCELLED"}))
    run_cli("import", str(calendar), cwd=tmp_path, DATABASE_URL=database(tmp_path))
    exported = tmp_path / "export.ics"

    to_file = run_cli("export", str(exported), cwd=tmp_path, DATABASE_URL=database(tmp_path))
    to_stdout = run_cli("export", cwd=tmp_path, DATABASE_URL=database(tmp_path))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    into_empty = run_cli("import", str(exported), cwd=fresh, DATABASE_URL=database(fresh))
    back = run_cli("import", str(exported), cwd=tmp_path, DATABASE_URL=database(tmp_path))

    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stdout.startswith("Meetings: 4 (upcoming: 1, past: 2, cancelled: 1).")
    events = {str(e["UID"]): e for e in Calendar.from_ical(exported.read_bytes()).walk("VEVENT")}
    assert "water-2027@example.org" in events
    assert str(events["energy@example.org"]["STATUS"]) == "CANCELLED"
    assert to_stdout.stdout.startswith("BEGIN:VCALENDAR")
    assert to_stdout.stderr.startswith("Meetings: 4")
    # Into a new database the bundled two are already there: they come back unchanged.
    assert "Created: 2, updated: 0, unchanged: 2, skipped: 0." in into_empty.stdout
    assert "Created: 0, updated: 0, unchanged: 4, skipped: 0." in back.stdout


def test_import_tells_subscribers_as_the_import_command_does(tmp_path: Path) -> None:
    # Far ahead, so that the meetings stay upcoming by the wall clock the process reads.
    first = tmp_path / "first.ics"
    first.write_bytes(ics({**EVENT, "DTSTART": "20901210T100000"}))
    assert (
        run_cli("import", str(first), cwd=tmp_path, DATABASE_URL=database(tmp_path)).returncode
        == 0
    )
    subscribe_every_meeting(tmp_path, chat_id=4242)
    second = tmp_path / "second.ics"
    second.write_bytes(
        ics({**EVENT, "DTSTART": "20901211T100000"}, {**ENERGY, "DTSTART": "20901212T100000"})
    )

    result = run_cli("import", str(second), cwd=tmp_path, DATABASE_URL=database(tmp_path))

    assert result.returncode == 0, result.stderr
    assert pending_notices(tmp_path) == [("moved", 4242), ("announced", 4242)]


def subscribe_every_meeting(folder: Path, chat_id: int) -> None:
    with sqlite3.connect(folder / "bot.db") as connection:
        connection.execute(
            "INSERT INTO chats (id, kind, is_active, created_at, updated_at)"
            " VALUES (?, 'private', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            (chat_id,),
        )
        connection.execute(
            "INSERT INTO subscriptions (chat_id, meeting_id, created_at)"
            " VALUES (?, NULL, '2026-01-01 00:00:00')",
            (chat_id,),
        )


def pending_notices(folder: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(folder / "bot.db") as connection:
        query = "SELECT kind, chat_id FROM notices WHERE status = 'pending' ORDER BY id"
        return list(connection.execute(query))
