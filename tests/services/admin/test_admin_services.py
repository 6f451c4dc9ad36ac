"""Admin use cases on SQLite and PostgreSQL: who is an admin, drafts, /stats counts, buttons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services import callbacks as admin_callbacks
from bot.services.admin import access as admin_access
from bot.services.admin import audit as admin_audit
from bot.services.admin import dialog as admin_dialog
from bot.services.admin import stats as admin_stats
from bot.services.callbacks import AdminAction
from bot.services.meeting_writes.changes import edit_meeting
from bot.services.meeting_writes.values import from_json, to_json
from bot.services.request import Request
from storage.database import Database
from storage.models import Chat, DeliveryStatus, Meeting, ReminderDelivery, Subscription
from storage.repositories import admins, chats, drafts
from tests.support.factories import STAMP

NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
FIRST, SECOND = 1001, 1002


def request(args: str = "", user_id: int = FIRST) -> Request:
    return Request(args=args, language="en", now=NOW, user_id=user_id)


async def test_configured_admins_are_seeded_once(database: Database) -> None:
    for _ in range(2):
        async with database.sessions.begin() as session:
            await admin_access.seed_admins(session, {FIRST, SECOND}, NOW)
    async with database.sessions() as session:
        assert [a.user_id for a in await admins.listed(session)] == [FIRST, SECOND]
        assert await admin_access.is_admin(session, FIRST)
        assert not await admin_access.is_admin(session, 5)
        assert not await admin_access.is_admin(session, None)


async def test_grant_revoke_and_the_last_admin_stays(database: Database) -> None:
    async with database.sessions.begin() as session:
        await admin_access.seed_admins(session, {FIRST}, NOW)
        await chats.remember(session, SECOND, "private", NOW)  # SECOND wrote to the bot
        granted = await admin_access.grant(session, request(str(SECOND)))
        again = await admin_access.grant(session, request(str(SECOND)))
    assert "is now an admin" in granted.text and "already is an admin" in again.text
    async with database.sessions.begin() as session:
        revoked = await admin_access.revoke(session, request(str(FIRST), user_id=SECOND))
        last = await admin_access.revoke(session, request(str(SECOND), user_id=SECOND))
        stranger = await admin_access.revoke(session, request("77", user_id=SECOND))
    assert "no longer an admin" in revoked.text
    assert "is the last admin" in last.text
    assert "is not an admin" in stranger.text
    async with database.sessions() as session:
        assert [a.user_id for a in await admins.listed(session)] == [SECOND]
        (admin,) = await admins.listed(session)
    assert admin.granted_by == FIRST


async def test_a_draft_keeps_its_values_between_sessions(database: Database) -> None:
    values = {"title_en": "Water talks", "starts_at": NOW, "ends_at": None, "time_known": True}
    async with database.sessions.begin() as session:
        await admin_access.seed_admins(session, {FIRST}, NOW)
        draft = await drafts.create(session, FIRST, "add", to_json(values), step="city", now=NOW)
    async with database.sessions.begin() as session:
        dialog = await drafts.dialog_of(session, FIRST)
        assert dialog is not None and dialog.id == draft.id
        assert from_json(dialog.values) == values
        await drafts.end_dialogs(session, FIRST)
    async with database.sessions() as session:
        assert await drafts.dialog_of(session, FIRST) is None


async def test_a_revoked_admins_drafts_go_with_them(database: Database) -> None:
    async with database.sessions.begin() as session:
        await admin_access.seed_admins(session, {FIRST, SECOND}, NOW)
        draft = await drafts.create(session, SECOND, "add", {}, now=NOW)
        await admin_access.revoke(session, request(str(SECOND)))
    async with database.sessions() as session:
        assert await drafts.get(session, draft.id) is None


async def test_stats_count_chats_subscriptions_and_reminders(database: Database) -> None:
    async with database.sessions.begin() as session:
        session.add_all(
            [
                Chat(id=1, kind="private", created_at=STAMP, updated_at=STAMP),
                Chat(id=2, kind="private", created_at=STAMP, updated_at=STAMP),
            ]
        )
        session.add(Chat(id=3, kind="group", is_active=False, created_at=STAMP, updated_at=STAMP))
        await session.flush()
        session.add_all(
            [
                Subscription(chat_id=1, meeting_id=None, created_at=STAMP),
                Subscription(chat_id=2, meeting_id=2, created_at=STAMP),
            ]
        )
        sent, failed = DeliveryStatus.SENT, DeliveryStatus.FAILED
        session.add_all(
            [
                ReminderDelivery(
                    meeting_id=2,
                    offset_minutes=60,
                    chat_id=1,
                    status=sent,
                    claimed_at=STAMP,
                    starts_at=STAMP,
                    due_at=STAMP,
                ),
                ReminderDelivery(
                    meeting_id=2,
                    offset_minutes=60,
                    chat_id=2,
                    status=sent,
                    claimed_at=STAMP,
                    starts_at=STAMP,
                    due_at=STAMP,
                ),
                ReminderDelivery(
                    meeting_id=2,
                    offset_minutes=1440,
                    chat_id=2,
                    status=failed,
                    claimed_at=STAMP,
                    starts_at=STAMP,
                    due_at=STAMP,
                ),
            ]
        )
    async with database.sessions() as session:
        sixth = await session.get(Meeting, 2)
        reply = await admin_stats.show_stats(session, request())
    assert sixth is not None
    assert reply.text.splitlines() == [
        "<b>Chats</b>: 2 active, 1 inactive",
        "<b>Subscriptions</b>: 1 to every meeting, 1 to single meetings",
        "<b>Channels</b>: 0 linked (0 stopped); posts: 0 sent, 0 failed, 0 waiting",
        "Filters followed: 0. Weekly digests: 0 chats; 0 sent, 0 with nothing to say (not sent),"
        " 0 failed.",
        "<b>Reminders</b> by meeting:",
        # Its own subscriber and the chat that follows every meeting.
        f"• 2 {sixth.title_en}: 2 subscribed, reminders 2 sent, 1 failed, 0 missed",
    ]


@pytest.mark.parametrize(
    ("data", "action"),
    [
        ("adm:save:12", AdminAction("save", 12)),
        ("adm:drop:1", AdminAction("drop", 1)),
        ("adm:skip:7", AdminAction("skip", 7)),
        ("adm:ev:3", AdminAction("ev", 3)),
        ("adm:save:0", None),
        ("adm:save:-1", None),
        ("adm:save:99999999999", None),
        ("adm:kill:1", None),
        ("adm:save:1 ", None),
        ("adm:save:١", None),
        ("", None),
        (None, None),
    ],
)
def test_admin_buttons_decode_only_their_grammar(data: str | None, action: object) -> None:
    assert admin_callbacks.decode(data) == action
    if isinstance(action, AdminAction):
        assert admin_callbacks.encode(action) == data


async def test_the_audit_fits_one_message_however_long_the_changes(database: Database) -> None:
    async with database.sessions.begin() as session:
        for number in range(60):
            long_text = f"{number} " + "word " * 200
            values = {"summary_en": long_text, "venue_en": long_text[:300]}
            await edit_meeting(session, FIRST, 2, values, NOW)
    async with database.sessions() as session:
        reply = await admin_audit.show_audit(session, request("50"))
    assert reply.text.startswith("<b>Latest changes</b> (50)")
    assert "edited meeting 2" in reply.text
    assert length(reply.text) <= MESSAGE_LIMIT


async def test_the_guided_dialog_starts_only_in_a_private_chat(database: Database) -> None:
    in_group = Request(args="", language="en", now=NOW, user_id=FIRST, chat_id=-100)
    async with database.sessions.begin() as session:
        await admin_access.seed_admins(session, {FIRST}, NOW)
        reply = await admin_dialog.add_event(session, in_group)
        assert "in a private chat" in reply.text and "/addevent\ntitle:" in reply.text
        assert await drafts.dialog_of(session, FIRST) is None
