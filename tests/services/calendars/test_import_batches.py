"""An import adds its new meetings a batch at a time (meeting_writes.changes.add_meetings), yet
decides every duplicate as if the file's events were applied one by one, in the file's order."""

from __future__ import annotations

from storage.database import Database
from tests.support.calendar_imports import by_uid, counts, import_file
from tests.support.calendars import EVENT, ics

WATER = {**EVENT, "UID": "water@example.org"}
TWIN = {**WATER, "UID": "twin@example.org"}
ENERGY = {**EVENT, "UID": "energy@example.org", "SUMMARY": "Energy talks"}
# ENERGY renamed and moved onto WATER's title and start.
ENERGY_AS_WATER = {**ENERGY, "SUMMARY": WATER["SUMMARY"], "SEQUENCE": "1"}


async def test_a_new_event_with_the_title_and_start_of_one_before_it_is_skipped_naming_it(
    database: Database,
) -> None:
    changes: list[str] = []
    report = await import_file(database, ics(WATER, TWIN, ENERGY), changes)
    assert counts(report) == (2, 0, 0, ["duplicate"])
    water = await by_uid(database, "water@example.org")
    assert (report.skipped[0].number, dict(report.skipped[0].details)) == (2, {"id": water.id})
    assert changes == ["add", "add"]


async def test_a_new_meeting_before_an_update_in_the_file_is_added_and_the_update_refused(
    database: Database,
) -> None:
    await import_file(database, ics({**ENERGY, "DTSTART": "20271211T100000"}))
    report = await import_file(database, ics(WATER, {**ENERGY_AS_WATER}))
    assert counts(report) == (1, 0, 0, ["duplicate"])
    water = await by_uid(database, "water@example.org")
    assert dict(report.skipped[0].details) == {"id": water.id}
    assert (await by_uid(database, "energy@example.org")).title_en == "Energy talks"


async def test_an_update_before_a_new_meeting_in_the_file_is_made_and_the_new_one_refused(
    database: Database,
) -> None:
    await import_file(database, ics({**ENERGY, "DTSTART": "20271211T100000"}))
    energy = await by_uid(database, "energy@example.org")
    report = await import_file(database, ics({**ENERGY_AS_WATER}, WATER))
    assert counts(report) == (0, 1, 0, ["duplicate"])
    assert dict(report.skipped[0].details) == {"id": energy.id}
    assert (await by_uid(database, "energy@example.org")).title_en == "Water talks"
