"""Every change to a meeting goes through bot.services.meeting_writes.changes: audited, and
hooked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.services.meeting_writes.changes import (
    DuplicateMeeting,
    MeetingChange,
    MeetingNotFound,
    MeetingWasReminded,
    add_meeting,
    cancel_meeting,
    delete_meeting,
    edit_meeting,
    restore_meeting,
)
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import (
    AuditEntry,
    Chat,
    DeliveryStatus,
    Meeting,
    MeetingStatus,
    ReminderDelivery,
    Subscription,
)
from storage.repositories import meetings
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

ADMIN = 111
STARTS = datetime(2026, 12, 10, 5, tzinfo=UTC)


def values(title: str = "Water talks", starts_at: datetime = STARTS) -> dict[str, object]:
    return {
        "title_en": title,
        "starts_at": starts_at,
        "time_zone": "Asia/Almaty",
        "city_en": "Almaty",
        "time_known": True,
    }


@pytest.fixture
def hooked(database: Database) -> tuple[Runtime, list[MeetingChange]]:
    """A runtime whose change hook records every change, and what it recorded."""
    changes: list[MeetingChange] = []

    async def hook(_session: object, change: MeetingChange) -> None:
        changes.append(change)

    return runtime_at(database, observers=(hook,)), changes


async def audit_trail(database: Database) -> list[AuditEntry]:
    async with database.sessions() as session:
        return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


async def test_add_edit_cancel_delete_each_leave_one_audit_entry_and_reach_the_hook(
    database: Database, hooked: tuple[Runtime, list[MeetingChange]]
) -> None:
    runtime, seen = hooked
    async with runtime.transaction() as session:
        meeting = await add_meeting(session, ADMIN, values(), STAMP)
    assert meeting.uid.endswith("@unrcca-bot")
    async with runtime.transaction() as session:
        await edit_meeting(session, ADMIN, meeting.id, {"venue_en": "Hall A"}, STAMP)
    async with runtime.transaction() as session:
        cancelled = await cancel_meeting(session, ADMIN, meeting.id, "Snow", STAMP)
    assert (cancelled.status, cancelled.cancel_reason) == (MeetingStatus.CANCELLED, "Snow")
    async with runtime.transaction() as session:
        await delete_meeting(session, ADMIN, meeting.id, STAMP)

    assert [c.kind for c in seen] == ["add", "edit", "cancel", "delete"]
    assert {c.meeting_id for c in seen} == {meeting.id}
    trail = await audit_trail(database)
    assert [(e.action, e.actor_id, e.meeting_id) for e in trail] == [
        (kind, ADMIN, meeting.id) for kind in ("add", "edit", "cancel", "delete")
    ]
    added, edited, cancel, deleted = trail
    assert added.before is None and added.after is not None
    assert added.after["starts_at"] == STARTS.isoformat()
    assert (edited.before, edited.after) == ({"venue_en": None}, {"venue_en": "Hall A"})
    assert cancel.after == {"status": "cancelled", "cancel_reason": "Snow"}
    assert deleted.before is not None and deleted.before["title_en"] == "Water talks"
    assert deleted.after is None


async def test_the_same_title_and_start_is_refused_and_nothing_is_written(
    database: Database, hooked: tuple[Runtime, list[MeetingChange]]
) -> None:
    runtime, seen = hooked
    async with runtime.transaction() as session:
        first = await add_meeting(session, ADMIN, values(), STAMP)
        other = await add_meeting(
            session, ADMIN, values(starts_at=datetime(2027, 1, 1, tzinfo=UTC)), STAMP
        )
    with pytest.raises(DuplicateMeeting) as refused:
        async with runtime.transaction() as session:
            await add_meeting(session, ADMIN, values(), STAMP)
    assert refused.value.other_id == first.id
    with pytest.raises(DuplicateMeeting):
        async with runtime.transaction() as session:
            await edit_meeting(session, ADMIN, other.id, {"starts_at": STARTS}, STAMP)
    assert len(await audit_trail(database)) == len(seen) == 2


async def test_the_unique_key_refuses_a_duplicate_the_check_missed(database: Database) -> None:
    async with database.sessions.begin() as session:
        await add_meeting(session, ADMIN, values(), STAMP)
    async with database.sessions.begin() as session:

        async def missed(*_args: object, **_kwargs: object) -> None:
            return None

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(meetings, "same_title_and_start", missed)
            with pytest.raises(DuplicateMeeting):
                await add_meeting(session, ADMIN, values(), STAMP)
        # The refusal rolled back to a savepoint: the same transaction goes on (as /import does).
        await add_meeting(session, ADMIN, values("Energy talks"), STAMP)
    async with database.sessions() as session:
        titles = await session.scalars(select(Meeting.title_en).where(Meeting.starts_at == STARTS))
        assert sorted(titles) == ["Energy talks", "Water talks"]


async def test_unknown_meetings_are_reported(database: Database) -> None:
    async with database.sessions.begin() as session:
        with pytest.raises(MeetingNotFound):
            await edit_meeting(session, ADMIN, 9999, {"venue_en": "x"}, STAMP)
        with pytest.raises(MeetingNotFound):
            await cancel_meeting(session, ADMIN, 9999, None, STAMP)
        with pytest.raises(MeetingNotFound):
            await delete_meeting(session, ADMIN, 9999, STAMP)


async def test_a_meeting_someone_was_reminded_of_is_not_deleted(database: Database) -> None:
    async with database.sessions.begin() as session:
        meeting = await add_meeting(session, ADMIN, values(), STAMP)
        session.add(Chat(id=5, kind="private", created_at=STAMP, updated_at=STAMP))
        await session.flush()
        session.add(Subscription(chat_id=5, meeting_id=meeting.id, created_at=STAMP))
        session.add(
            ReminderDelivery(
                meeting_id=meeting.id,
                offset_minutes=60,
                chat_id=5,
                status="sent",
                claimed_at=STAMP,
                starts_at=STAMP,
                due_at=STAMP,
            )
        )
    with pytest.raises(MeetingWasReminded):
        async with database.sessions.begin() as session:
            await delete_meeting(session, ADMIN, meeting.id, STAMP)
    async with database.sessions.begin() as session:
        delivery = await session.scalar(select(ReminderDelivery))
        assert delivery is not None
        delivery.status = DeliveryStatus.FAILED
    async with database.sessions.begin() as session:
        await delete_meeting(session, ADMIN, meeting.id, STAMP)
    async with database.sessions() as session:
        left = await session.scalar(select(func.count()).select_from(Subscription))
    assert left == 0


async def test_a_cancelled_meeting_is_restored_through_the_same_path(
    database: Database, hooked: tuple[Runtime, list[MeetingChange]]
) -> None:
    runtime, seen = hooked
    async with runtime.transaction() as session:
        meeting = await add_meeting(session, ADMIN, values(), STAMP)
        await cancel_meeting(session, ADMIN, meeting.id, "Snow", STAMP)
        restored = await restore_meeting(session, ADMIN, meeting.id, STAMP)
    assert (restored.status, restored.cancel_reason) == (MeetingStatus.SCHEDULED, None)
    assert [c.kind for c in seen] == ["add", "cancel", "restore"]
    assert (await audit_trail(database))[-1].before == {
        "status": "cancelled",
        "cancel_reason": "Snow",
    }
