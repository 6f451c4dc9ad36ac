"""Admins manage meetings through the running bot; everyone else is refused and changes nothing."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from storage.database import Database
from storage.models import Admin, AdminDraft, AuditEntry, Meeting
from tests.e2e.admins import count, press
from tests.e2e.conftest import Clock
from tests.e2e.users import TOM, ask, buttons, press_forged
from tests.fakebotapi import FakeBotApi, FakeUser

ADMIN = FakeUser(1001, "Aida", language_code="en")
NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
FORM = "\ntitle: Water talks\nstarts: 2026-12-10 10:00\ncity: Almaty"


@pytest.fixture
def clock() -> Clock:
    return lambda: NOW


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id})


async def snapshot(database: Database) -> tuple[int, ...]:
    models = (Meeting, Admin, AuditEntry, AdminDraft)
    return tuple([await count(database, model) for model in models])


async def test_an_admin_adds_edits_cancels_and_deletes_a_meeting(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    preview = await ask(bot_api, ADMIN, "addevent", FORM)
    assert preview["text"].startswith("<b>Preview</b>")
    assert "<b>Water talks</b>" in preview["text"] and "Almaty" in preview["text"]
    save, drop = buttons(preview)
    assert save.startswith("adm:save:") and drop.startswith("adm:drop:")
    saved = await press(bot_api, ADMIN, preview, save)
    assert saved["text"].startswith("Saved: meeting <b>3</b>, Water talks.")

    edit = await ask(bot_api, ADMIN, "editevent", "3\nvenue: Ministry of Foreign Affairs")
    assert "Ministry of Foreign Affairs" in edit["text"] and "ID: 3" in edit["text"]
    edited = await press(bot_api, ADMIN, edit, buttons(edit)[0])
    assert edited["text"].startswith("Saved the changes to meeting <b>3</b>")

    cancelled = await ask(bot_api, ADMIN, "cancelevent", "3 The venue is closed")
    assert cancelled["text"].startswith("Meeting <b>3</b>, Water talks, is cancelled")
    listing = await ask(bot_api, ADMIN, "events")
    # Issue 10: a cancelled meeting's line says so first, with its reason.
    assert "• ❌ <b>Cancelled</b>: The venue is closed — " in listing["text"]
    assert "Water talks /event_3" in listing["text"]
    # Delete asks first (issue 13): the card with Delete / Keep, and only Delete deletes.
    confirm = await ask(bot_api, ADMIN, "deleteevent", "3")
    assert confirm["text"].startswith("<b>Delete</b> meeting 3?")
    deleted = await press(bot_api, ADMIN, confirm, buttons(confirm)[0])
    assert deleted["text"].startswith("Meeting <b>3</b>, Water talks, is deleted.")

    async with bot_database.sessions() as session:
        assert await session.get(Meeting, 3) is None
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["add", "edit", "cancel", "delete"]
    audit = await ask(bot_api, ADMIN, "audit")
    assert "deleted meeting 3" in audit["text"]
    # Field names as the form names them (issue 13), not columns.
    assert "venue: — → Ministry of Foreign Affairs" in audit["text"]


async def test_a_draft_survives_until_cancelled_and_a_stale_one_is_refused(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    preview = await ask(bot_api, ADMIN, "addevent", FORM)
    dropped = await press(bot_api, ADMIN, preview, buttons(preview)[1])
    assert dropped["text"] == "Cancelled: nothing was saved."
    save = buttons(preview)[0]
    stale = press_forged(bot_api, ADMIN, preview, save)
    assert stale
    answer = await bot_api.wait_for_message(chat_id=ADMIN.id)
    assert answer["text"].startswith("This draft is no longer there")
    assert await count(bot_database, Meeting) == 2


async def test_the_guided_dialog_asks_one_question_at_a_time(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    first = await ask(bot_api, ADMIN, "addevent")
    assert "<b>title</b>" in first["text"]
    for answer, asked in [
        ("Energy talks", "<b>city</b>"),
        ("Atlantis", "<b>time zone</b>"),
        ("Asia/Nowhere", "is not a time zone I know"),
        ("Asia/Tashkent", "<b>start</b>"),
        ("yesterday-ish", "I could not read the date"),
        ("2026-12-12 10:00", "<b>end</b>"),
    ]:
        bot_api.send_text(ADMIN, answer)
        reply = await bot_api.wait_for_message(chat_id=ADMIN.id)
        assert asked in reply["text"], (answer, reply["text"])
    skipped = await ask(bot_api, ADMIN, "skip")
    assert "<b>venue</b>" in skipped["text"]
    by_button = await press(bot_api, ADMIN, skipped, buttons(skipped)[0])
    assert "<b>organizer</b>" in by_button["text"]
    await ask(bot_api, ADMIN, "skip")
    bot_api.send_text(ADMIN, "Energy and water")
    preview = await bot_api.wait_for_message(chat_id=ADMIN.id)
    assert "<b>Energy talks</b>" in preview["text"] and "Atlantis" in preview["text"]
    saved = await press(bot_api, ADMIN, preview, buttons(preview)[0])
    assert saved["text"].startswith("Saved: meeting <b>3</b>, Energy talks.")
    async with bot_database.sessions() as session:
        meeting = await session.get(Meeting, 3)
    assert meeting is not None and meeting.time_zone == "Asia/Tashkent"
    assert meeting.starts_at == datetime(2026, 12, 12, 5, tzinfo=UTC)


async def test_cancel_leaves_the_dialog_and_questions_are_answered_again(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await ask(bot_api, ADMIN, "addevent")
    refused = await ask(bot_api, ADMIN, "skip")
    assert "cannot be skipped" in refused["text"]
    left = await ask(bot_api, ADMIN, "cancel")
    assert left["text"] == "Stopped: the meeting was not added."
    bot_api.send_text(ADMIN, "When is the next meeting?")
    answer = await bot_api.wait_for_message(chat_id=ADMIN.id)
    assert "city" not in answer["text"]
    assert await count(bot_database, AdminDraft) == 0


ADMIN_COMMANDS = [
    ("admins", ""),
    ("grant", str(TOM.id)),
    ("revoke", str(ADMIN.id)),
    ("addevent", FORM),
    ("addevent", ""),
    ("editevent", "1 venue: Elsewhere"),
    ("cancelevent", "1"),
    ("restoreevent", "1"),
    ("deleteevent", "1"),
    ("events", ""),
    ("audit", ""),
    ("stats", ""),
]


@pytest.mark.parametrize(("command", "args"), ADMIN_COMMANDS)
async def test_a_non_admin_is_refused_and_nothing_changes(
    bot_api: FakeBotApi,
    bot_database: Database,
    caplog: pytest.LogCaptureFixture,
    command: str,
    args: str,
) -> None:
    before = await snapshot(bot_database)
    reply = await ask(bot_api, TOM, command, args)
    assert reply["text"] == "Sorry, this is for the bot's administrators only."
    assert await snapshot(bot_database) == before
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert f"refused /{command} to user {TOM.id}: not an admin" in warnings


async def test_a_forged_admin_button_from_a_non_admin_is_refused(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await ask(bot_api, ADMIN, "addevent", FORM)
    # A modified client sends the admin's draft id on a message in the non-admin's own chat.
    own = await ask(bot_api, TOM, "help")
    before = await snapshot(bot_database)
    press_forged(bot_api, TOM, own, "adm:save:1")
    reply = await bot_api.wait_for_message(chat_id=TOM.id)
    assert reply["text"] == "Sorry, this is for the bot's administrators only."
    assert await snapshot(bot_database) == before


async def test_another_admins_draft_cannot_be_saved(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    preview = await ask(bot_api, ADMIN, "addevent", FORM)
    await ask(bot_api, TOM, "start")  # only a person the bot has seen can be granted
    await ask(bot_api, ADMIN, "grant", str(TOM.id))
    own = await ask(bot_api, TOM, "help")
    press_forged(bot_api, TOM, own, buttons(preview)[0])
    reply = await bot_api.wait_for_message(chat_id=TOM.id)
    assert reply["text"].startswith("This draft is no longer there")
    assert await count(bot_database, Meeting) == 2


async def test_admins_are_granted_and_revoked_but_the_last_one_stays(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    listed = await ask(bot_api, ADMIN, "admins")
    assert (
        f"<code>{ADMIN.id}</code>" in listed["text"]
        and "from the bot's settings" in listed["text"]
    )
    await ask(bot_api, TOM, "start")  # only a person the bot has seen can be granted
    granted = await ask(bot_api, ADMIN, "grant", str(TOM.id))
    assert granted["text"] == f"User <code>{TOM.id}</code> is now an admin."
    assert (await ask(bot_api, TOM, "stats"))["text"].startswith("<b>Chats</b>: 2 active")
    revoked = await ask(bot_api, TOM, "revoke", str(ADMIN.id))
    # ADMIN is in BOT_ADMIN_IDS: the reply says the revoke lasts until a restart (issue 13).
    assert revoked["text"].startswith(f"User Aida (<code>{ADMIN.id}</code>) is no longer an admin")
    assert "until the bot restarts" in revoked["text"]
    last = await ask(bot_api, TOM, "revoke", str(TOM.id))
    assert "is the last admin" in last["text"]
    for args in ("", "abc", "-5"):
        bad = await ask(bot_api, TOM, "grant", args)
        assert "<b>user id</b>" in bad["text"] and "<code>/grant 123456789</code>" in bad["text"]
    assert await count(bot_database, Admin) == 1


BAD_INPUT = [
    ("addevent", "\ntitle: Water talks\ncity: Almaty", "The <b>starts</b> line is missing"),
    ("addevent", FORM + "\ncolour: blue", "I do not know the key <b>colour</b>"),
    ("addevent", FORM.replace("2026-12-10 10:00", "soon"), "date <i>soon</i> in <b>starts</b>"),
    ("addevent", FORM.replace("2026-12-10", "2026-11-01"), "starts: 2027-12-10 10:00"),
    ("addevent", FORM + "\nends: 2026-12-09 10:00", "ends: 2027-12-10 18:00"),
    ("addevent", FORM.replace("Almaty", "Atlantis"), "timezone: Asia/Tashkent"),
    ("addevent", FORM + "\ntimezone: Mars/Base", "timezone: Asia/Almaty"),
    ("addevent", FORM.replace("Water talks", "x" * 201), "The <b>title</b> is too long: 201"),
    ("addevent", FORM + "\nsummary: " + "y" * 2001, "The <b>summary</b> is too long: 2001"),
    ("editevent", "999 venue: Hall", "There is no meeting with <b>ID</b> 999"),
    ("cancelevent", "999", "There is no meeting with <b>ID</b> 999"),
    ("deleteevent", "999", "There is no meeting with <b>ID</b> 999"),
    ("editevent", "abc", "<code>/editevent 5 venue: Ministry of Foreign Affairs</code>"),
    ("editevent", "", "meeting's <b>ID</b>"),
    ("cancelevent", "first", "<code>/cancelevent 5 The venue is closed</code>"),
    ("deleteevent", "", "<code>/deleteevent 5</code>"),
    ("audit", "500", "<code>/audit 20</code>"),
]


@pytest.mark.parametrize(("command", "args", "expected"), BAD_INPUT)
async def test_bad_input_names_the_field_and_saves_nothing(
    bot_api: FakeBotApi, bot_database: Database, command: str, args: str, expected: str
) -> None:
    before = await snapshot(bot_database)
    reply = await ask(bot_api, ADMIN, command, args)
    assert expected in reply["text"]
    assert buttons(reply) == []
    assert await snapshot(bot_database) == before


async def test_a_second_meeting_with_the_same_title_and_start_is_refused(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    preview = await ask(bot_api, ADMIN, "addevent", FORM)
    await press(bot_api, ADMIN, preview, buttons(preview)[0])
    again = await ask(bot_api, ADMIN, "addevent", FORM)
    assert "same <b>title</b> and <b>starts</b> already exists (ID 3)" in again["text"]
    assert buttons(again) == []
    assert await count(bot_database, Meeting) == 3
