"""Every change to a meeting goes through bot.services.meeting_changes: audited, and hooked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.services import meeting_changes
from bot.services.meeting_changes import (
    DuplicateMeeting,
    MeetingChange,
    MeetingNotFound,
    MeetingWasReminded,
    add_meeting,
    cancel_meeting,
    delete_meeting,
    edit_meeting,
)
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
def seen() -> Iterator[list[MeetingChange]]:
    changes: list[MeetingChange] = []

    async def hook(_session: object, change: MeetingChange) -> None:
        changes.append(change)

    meeting_changes.after_change.append(hook)
    yield changes
    meeting_changes.after_change.remove(hook)


async def audit_trail(database: Database) -> list[AuditEntry]:
    async with database.sessions() as session:
        return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


async def test_add_edit_cancel_delete_each_leave_one_audit_entry_and_reach_the_hook(
    database: Database, seen: list[MeetingChange]
) -> None:
    async with database.sessions.begin() as session:
        meeting = await add_meeting(session, ADMIN, values())
    assert meeting.uid.endswith("@unrcca-bot")
    async with database.sessions.begin() as session:
        await edit_meeting(session, ADMIN, meeting.id, {"venue_en": "Hall A"})
    async with database.sessions.begin() as session:
        cancelled = await cancel_meeting(session, ADMIN, meeting.id, "Snow")
    assert (cancelled.status, cancelled.cancel_reason) == (MeetingStatus.CANCELLED, "Snow")
    async with database.sessions.begin() as session:
        await delete_meeting(session, ADMIN, meeting.id)

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
    database: Database, seen: list[MeetingChange]
) -> None:
    async with database.sessions.begin() as session:
        first = await add_meeting(session, ADMIN, values())
        other = await add_meeting(
            session, ADMIN, values(starts_at=datetime(2027, 1, 1, tzinfo=UTC))
        )
    with pytest.raises(DuplicateMeeting) as refused:
        async with database.sessions.begin() as session:
            await add_meeting(session, ADMIN, values())
    assert refused.value.other_id == first.id
    with pytest.raises(DuplicateMeeting):
        async with database.sessions.begin() as session:
            await edit_meeting(session, ADMIN, other.id, {"starts_at": STARTS})
    assert len(await audit_trail(database)) == len(seen) == 2


async def test_the_unique_key_refuses_a_duplicate_the_check_missed(database: Database) -> None:
    async with database.sessions.begin() as session:
        await add_meeting(session, ADMIN, values())
    async with database.sessions.begin() as session:

        async def missed(*_args: object, **_kwargs: object) -> None:
            return None

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(meeting_changes.meeting_checks, "same_title_and_start", missed)
            with pytest.raises(DuplicateMeeting):
                await add_meeting(session, ADMIN, values())
        # The refusal rolled back to a savepoint: the same transaction goes on (as /import does).
        await add_meeting(session, ADMIN, values("Energy talks"))
    async with database.sessions() as session:
        titles = await session.scalars(select(Meeting.title_en).where(Meeting.starts_at == STARTS))
        assert sorted(titles) == ["Energy talks", "Water talks"]


async def test_unknown_meetings_are_reported(database: Database) -> None:
    async with database.sessions.begin() as session:
        with pytest.raises(MeetingNotFound):
            await edit_meeting(session, ADMIN, 9999, {"venue_en": "x"})
        with pytest.raises(MeetingNotFound):
            await cancel_meeting(session, ADMIN, 9999, None)
        with pytest.raises(MeetingNotFound):
            await delete_meeting(session, ADMIN, 9999)


async def test_a_meeting_someone_was_reminded_of_is_not_deleted(database: Database) -> None:
    async with database.sessions.begin() as session:
        meeting = await add_meeting(session, ADMIN, values())
        session.add(Chat(id=5, kind="private"))
        await session.flush()
        session.add(Subscription(chat_id=5, meeting_id=meeting.id))
        session.add(
            ReminderDelivery(meeting_id=meeting.id, offset_minutes=60, chat_id=5, status="sent")
        )
    with pytest.raises(MeetingWasReminded):
        async with database.sessions.begin() as session:
            await delete_meeting(session, ADMIN, meeting.id)
    async with database.sessions.begin() as session:
        delivery = await session.scalar(select(ReminderDelivery))
        assert delivery is not None
        delivery.status = DeliveryStatus.FAILED
    async with database.sessions.begin() as session:
        await delete_meeting(session, ADMIN, meeting.id)
    async with database.sessions() as session:
        left = await session.scalar(select(func.count()).select_from(Subscription))
    assert left == 0
