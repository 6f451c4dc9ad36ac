"""Cancel, restore and delete as admins on a phone meet them: nothing is lost without a way back.

Each test runs for an English and a Russian admin; refusals are also tried by a non-admin.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from storage.database import Database
from storage.models import AuditEntry, Meeting, MeetingStatus
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    AIDA,
    BAKHTIYOR,
    LANGUAGES,
    admin_ids,
    clock,
    count,
    press,
)
from tests.e2e.users import DILNOZA, TOM, ask, buttons, press_forged
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.factories import FIFTH_ID, meeting

FUTURE_ID = 3
TEXTS = {
    "en": {
        "ended": "has already taken place",
        "cancelled": "is cancelled",
        "restored": "is scheduled again",
        "already": "is already cancelled (reason: postponed), so nothing changed",
        "reason": "stays cancelled; the reason is now: new date soon",
        "not_cancelled": "is not cancelled, so there is nothing to restore",
        "confirm": "<b>Delete</b> meeting 3?",
        "kept": "Kept: meeting <b>3</b> was not deleted.",
        "deleted": "Meeting <b>3</b>, Consultations 0, is deleted.",
        "unknown": "<code>/cancelevent 5 The venue is closed</code>",
        "nothing": "There is nothing to cancel",
        "refused": "Sorry, this is for the bot's administrators only.",
    },
    "ru": {
        "ended": "уже прошла",
        "cancelled": "отменена",
        "restored": "снова запланирована",
        "already": "уже отменена (причина: postponed), поэтому ничего не изменилось",
        "reason": "остаётся отменённой; теперь причина: new date soon",
        "not_cancelled": "не отменена, поэтому возвращать нечего",
        "confirm": "<b>Удалить</b> встречу 3?",
        "kept": "Оставлено: встреча <b>3</b> не удалена.",
        "deleted": "Встреча <b>3</b>, Consultations 0, удалена.",
        "unknown": "<code>/cancelevent 5 Площадка закрыта</code>",
        "nothing": "Отменять нечего",
        "refused": "доступно только администраторам",
    },
}


@pytest.fixture
async def future(bot_database: Database) -> int:
    """Meeting 3, on 10 December 2026 in Almaty: still to come."""
    async with bot_database.sessions.begin() as session:
        session.add(meeting(0, datetime(2026, 12, 10, 4, tzinfo=UTC)))
    return FUTURE_ID


async def stored(database: Database, meeting_id: int) -> Meeting | None:
    async with database.sessions() as session:
        return await session.get(Meeting, meeting_id)


async def audit_actions(database: Database) -> list[str]:
    async with database.sessions() as session:
        return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


@LANGUAGES
async def test_a_meeting_that_took_place_is_not_cancelled(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    reply = await ask(bot_api, ADMINS[language], "cancelevent", str(FIFTH_ID))
    assert TEXTS[language]["ended"] in reply["text"]
    fifth = await stored(bot_database, FIFTH_ID)
    assert fifth is not None and fifth.status == MeetingStatus.SCHEDULED
    past = await ask(bot_api, ADMINS[language], "past")
    assert f"/event_{FIFTH_ID}" in past["text"]


@LANGUAGES
async def test_a_cancelled_meeting_is_restored(
    bot_api: FakeBotApi, bot_database: Database, future: int, language: str
) -> None:
    admin, texts = ADMINS[language], TEXTS[language]
    cancelled = await ask(bot_api, admin, "cancelevent", f"{future} postponed")
    assert (
        texts["cancelled"] in cancelled["text"] and f"/restoreevent {future}" in cancelled["text"]
    )
    assert f"/event_{future}" not in (await ask(bot_api, admin, "upcoming"))["text"]
    restored = await ask(bot_api, admin, "restoreevent", str(future))
    assert texts["restored"] in restored["text"]
    assert f"/event_{future}" in (await ask(bot_api, admin, "upcoming"))["text"]
    again = await ask(bot_api, admin, "restoreevent", str(future))
    assert texts["not_cancelled"] in again["text"]
    assert await audit_actions(bot_database) == ["cancel", "restore"]


@LANGUAGES
async def test_cancelling_again_keeps_the_reason_unless_a_new_one_is_given(
    bot_api: FakeBotApi, bot_database: Database, future: int, language: str
) -> None:
    admin, texts = ADMINS[language], TEXTS[language]
    await ask(bot_api, admin, "cancelevent", f"{future} postponed")
    again = await ask(bot_api, admin, "cancelevent", str(future))
    assert texts["already"] in again["text"]
    kept = await stored(bot_database, future)
    assert kept is not None and kept.cancel_reason == "postponed"
    assert await audit_actions(bot_database) == ["cancel"]
    changed = await ask(bot_api, admin, "cancelevent", f"{future} new date soon")
    assert texts["reason"] in changed["text"]
    renamed = await stored(bot_database, future)
    assert renamed is not None and renamed.cancel_reason == "new date soon"
    assert await audit_actions(bot_database) == ["cancel", "cancel"]


@LANGUAGES
async def test_delete_shows_the_card_and_deletes_only_on_the_button(
    bot_api: FakeBotApi, bot_database: Database, future: int, language: str
) -> None:
    admin, texts = ADMINS[language], TEXTS[language]
    confirm = await ask(bot_api, admin, "deleteevent", str(future))
    assert confirm["text"].startswith(texts["confirm"]) and "Consultations 0" in confirm["text"]
    delete, keep = buttons(confirm)
    assert delete == f"adm:del:{future}"
    assert await stored(bot_database, future) is not None
    kept = await press(bot_api, admin, confirm, keep)
    assert kept["text"] == texts["kept"]
    assert await stored(bot_database, future) is not None
    confirm = await ask(bot_api, admin, "deleteevent", str(future))
    deleted = await press(bot_api, admin, confirm, buttons(confirm)[0])
    assert deleted["text"].startswith(texts["deleted"])
    assert await stored(bot_database, future) is None
    async with bot_database.sessions() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "delete"))
    assert entry is not None and entry.before is not None
    assert entry.before["title_en"] == "Consultations 0" and entry.before["city_ru"] == "Алматы"


@LANGUAGES
async def test_an_unknown_meeting_is_named_with_the_command_typed(
    bot_api: FakeBotApi, language: str
) -> None:
    reply = await ask(bot_api, ADMINS[language], "cancelevent", "99")
    assert TEXTS[language]["unknown"] in reply["text"]
    assert "/editevent" not in reply["text"]


@pytest.mark.parametrize("user", [AIDA, BAKHTIYOR, TOM, DILNOZA], ids=lambda u: u.first_name)
async def test_cancel_without_a_dialog_says_there_is_nothing_to_cancel(
    bot_api: FakeBotApi, user: FakeUser
) -> None:
    reply = await ask(bot_api, user, "cancel")
    assert TEXTS[user.language_code]["nothing"] in reply["text"]


@pytest.mark.parametrize("user", [TOM, DILNOZA], ids=lambda u: u.first_name)
async def test_a_non_admin_can_neither_restore_nor_press_delete(
    bot_api: FakeBotApi, bot_database: Database, future: int, user: FakeUser
) -> None:
    texts = TEXTS[user.language_code]
    assert texts["refused"] in (await ask(bot_api, user, "restoreevent", str(future)))["text"]
    own = await ask(bot_api, user, "help")
    press_forged(bot_api, user, own, f"adm:del:{future}")
    refused = await bot_api.wait_for_message(chat_id=user.id)
    assert texts["refused"] in refused["text"]
    assert await stored(bot_database, future) is not None
    assert await count(bot_database, AuditEntry) == 0
