"""Many meetings added at once (meeting_writes.changes.add_meetings, what an import's batch
uses): duplicates refused as when added one by one, one audit entry each, and everything that
follows a new meeting (filters matched, notices, channel posts) for the whole batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.services.meeting_writes.changes import (
    DuplicateMeeting,
    MeetingChange,
    add_meeting,
    add_meetings,
)
from bot.services.runtime import Runtime
from bot.services.subscriptions.matching import match_new_filter
from storage.database import Database
from storage.models import AuditEntry, ChannelPost, Chat, FilterMatch, Meeting, Notice
from storage.repositories import channels, filters, subscriptions
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

ADMIN = 111
SOON = STAMP + timedelta(days=10)
EVERYTHING, ALMATY_ONLY, NEWS = 21, 22, -100500


def values(title: str, days: int = 10, city: str = "Almaty", **more: object) -> dict[str, object]:
    return {
        "title_en": title,
        "starts_at": STAMP + timedelta(days=days),
        "time_zone": "Asia/Almaty",
        "city_en": city,
        **more,
    }


def batches_seen(runtime: Runtime) -> tuple[Runtime, list[list[MeetingChange]]]:
    """The runtime with one more change hook, which records each batch it is given."""
    seen: list[list[MeetingChange]] = []

    async def record(_session: object, changes: Sequence[MeetingChange]) -> None:
        seen.append(list(changes))

    return replace(runtime, change_hooks=(*runtime.change_hooks, record)), seen


async def rows(database: Database, model: type, *columns: object) -> list[tuple[object, ...]]:
    async with database.sessions() as session:
        found = await session.execute(select(*columns).select_from(model).order_by(*columns))
        return [tuple(row) for row in found]


async def uids_added(database: Database) -> list[str]:
    """The uids of the meetings the test added (the database holds the bundled ones too)."""
    return [uid for (uid,) in await rows(database, Meeting, Meeting.uid) if "@x" in str(uid)]


async def test_a_batch_is_one_audit_entry_each_and_every_hook_is_given_it_once(
    database: Database,
) -> None:
    runtime, seen = batches_seen(runtime_at(database, STAMP))
    async with runtime.transaction() as session:
        added = await add_meetings(
            session, ADMIN, [values("Water talks"), values("Energy talks", days=11)], STAMP
        )
    assert all(isinstance(meeting, Meeting) for meeting in added)
    ids = [meeting.id for meeting in added if isinstance(meeting, Meeting)]
    assert [m.title_en for m in added if isinstance(m, Meeting)] == ["Water talks", "Energy talks"]
    trail = await rows(database, AuditEntry, AuditEntry.meeting_id, AuditEntry.action)
    assert trail == [(ids[0], "add"), (ids[1], "add")]
    assert [[change.meeting_id for change in batch] for batch in seen] == [ids]
    audit_ids = await rows(database, AuditEntry, AuditEntry.id)
    assert [change.change_id for change in seen[0]] == [entry_id for (entry_id,) in audit_ids]


async def test_a_duplicate_inside_the_batch_is_refused_naming_the_first(
    database: Database,
) -> None:
    first = values("Water talks", uid="first@x")
    twin = values("Water talks", uid="twin@x")
    same_uid = values("Energy talks", uid="first@x")
    async with runtime_at(database, STAMP).transaction() as session:
        added = await add_meetings(session, ADMIN, [first, twin, same_uid], STAMP)
    meeting, refused_twin, refused_uid = added
    assert isinstance(meeting, Meeting)
    assert isinstance(refused_twin, DuplicateMeeting)
    assert refused_twin.other_id == meeting.id
    assert isinstance(refused_uid, DuplicateMeeting)
    assert refused_uid.other_id is None
    assert await uids_added(database) == ["first@x"]
    assert await rows(database, AuditEntry, AuditEntry.meeting_id) == [(meeting.id,)]


async def test_a_duplicate_of_a_stored_meeting_is_refused_naming_it_and_the_rest_added(
    database: Database,
) -> None:
    async with runtime_at(database, STAMP).transaction() as session:
        stored = await add_meeting(session, ADMIN, values("Water talks", uid="w@x"), STAMP)
    again = [
        values("Water talks", uid="other@x"),
        values("Energy talks", uid="e@x"),
        values("Trade talks", uid="w@x"),
    ]
    async with runtime_at(database, STAMP).transaction() as session:
        twin, energy, same_uid = await add_meetings(session, ADMIN, again, STAMP)
    assert isinstance(twin, DuplicateMeeting)
    assert twin.other_id == stored.id
    assert isinstance(energy, Meeting)
    assert isinstance(same_uid, DuplicateMeeting)
    assert same_uid.other_id is None
    assert await uids_added(database) == ["e@x", "w@x"]


async def test_a_batch_larger_than_one_statement_adds_audits_and_tells_every_meeting(
    database: Database,
) -> None:
    """1,200 meetings: beyond a lookup's thousand keys and the 500 changes a notices statement
    tells; a duplicate of a stored meeting stands in the second thousand."""
    async with runtime_at(database, STAMP).transaction() as session:
        session.add(Chat(id=EVERYTHING, kind="private", created_at=STAMP, updated_at=STAMP))
        await session.flush()
        await subscriptions.subscribe(session, EVERYTHING, None, STAMP)
        stored = await add_meeting(session, ADMIN, values("Talks 0", uid="t0@x"), STAMP)
    many = [values(f"Talks {n}", days=10 + n % 300, uid=f"t{n}@x") for n in range(1, 1_201)]
    many[1_100] = values("Talks 0", uid="late-twin@x")
    async with runtime_at(database, STAMP).transaction() as session:
        added = await add_meetings(session, ADMIN, many, STAMP)
    refused = [(n, a.other_id) for n, a in enumerate(added) if isinstance(a, DuplicateMeeting)]
    assert refused == [(1_100, stored.id)]
    new_ids = sorted(a.id for a in added if isinstance(a, Meeting))
    assert len(new_ids) == 1_199
    assert await uids_added(database) == sorted(f"t{n}@x" for n in range(1_201) if n != 1_101)
    entries = await rows(database, AuditEntry, AuditEntry.id, AuditEntry.meeting_id)
    assert [meeting_id for _, meeting_id in entries] == [stored.id, *new_ids]
    told = await rows(database, Notice, Notice.change_id, Notice.meeting_id, Notice.chat_id)
    assert told == [(entry, meeting, EVERYTHING) for entry, meeting in entries]


async def test_followers_of_a_filter_and_a_linked_channel_hear_of_the_new_meetings_it_matches(
    database: Database,
) -> None:
    async with runtime_at(database, STAMP).transaction() as session:
        session.add(Chat(id=ALMATY_ONLY, kind="private", created_at=STAMP, updated_at=STAMP))
        session.add(Chat(id=NEWS, kind="channel", created_at=STAMP, updated_at=STAMP))
        await session.flush()
        made = await filters.add(session, ALMATY_ONLY, "city", "Almaty", "Almaty", STAMP)
        assert made is not None
        await match_new_filter(session, made, STAMP)
        link = {"chat_id": NEWS, "title": "News", "linked_at": STAMP, "language": "en"}
        await channels.save_link(session, {**link, "username": None})
    batch = [
        values("Water talks"),
        values("Border talks", city="Dushanbe"),
        values("Energy talks", days=12),
        values("Old talks", days=-30),
    ]
    async with runtime_at(database, STAMP).transaction() as session:
        water, border, energy, old = await add_meetings(session, ADMIN, batch, STAMP)
    assert all(isinstance(m, Meeting) for m in (water, border, energy, old))
    assert isinstance(water, Meeting) and isinstance(energy, Meeting)
    assert isinstance(border, Meeting) and isinstance(old, Meeting)
    matched = await rows(database, FilterMatch, FilterMatch.meeting_id)
    assert matched == sorted([(water.id,), (energy.id,), (old.id,)])
    # A meeting already past is no news, to the filter's chat nor to the channel.
    told = await rows(database, Notice, Notice.meeting_id, Notice.chat_id, Notice.kind)
    assert told == [(water.id, ALMATY_ONLY, "announced"), (energy.id, ALMATY_ONLY, "announced")]
    posts = await rows(database, ChannelPost, ChannelPost.meeting_id, ChannelPost.chat_id)
    assert posts == sorted([(water.id, NEWS), (border.id, NEWS), (energy.id, NEWS)])
