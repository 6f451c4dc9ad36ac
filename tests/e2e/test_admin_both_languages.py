"""An admin writing both languages at once (issue 25): a Latin and a Cyrillic value under the
same key fill the English and the Russian field, in the form, in the guided dialog, and as the
preview's own hint; /stats counts the chats that follow every meeting. English and Russian."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.database import Database
from storage.models import AdminDraft, Meeting
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    LANGUAGES,
    NOW,
    admin_ids,
    clock,
    press,
)
from tests.e2e.users import Json, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.subscribers import add_subscribers

BOTH = (
    "\ntitle: Seminar on water\nназвание: Семинар по воде\nstarts: 2026-12-10 10:00"
    "\ncity: Almaty\nsummary: Water and energy\nповестка: Вода и энергия"
)
PREVIEW = {
    "en": ("<b>Preview</b>", "<b>For Russian readers</b>"),
    "ru": ("<b>Предпросмотр</b>", "<b>Для читателей на английском</b>"),
}
HINT_LEFT = {"en": "No Russian text for: title", "ru": "Нет текста на русском: название"}


async def answer(api: FakeBotApi, user: FakeUser, text: str) -> Json:
    api.send_text(user, text)
    return await api.wait_for_message(chat_id=user.id)


async def saved(api: FakeBotApi, admin: FakeUser, form: str) -> Json:
    preview = await ask(api, admin, "addevent", form)
    await press(api, admin, preview, buttons(preview)[0])
    return preview


async def stored(database: Database) -> Meeting:
    async with database.sessions() as session:
        meeting = await session.scalar(select(Meeting).order_by(Meeting.id.desc()).limit(1))
    assert meeting is not None
    return meeting


@LANGUAGES
async def test_one_form_in_both_languages_fills_both_fields(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    preview = await saved(bot_api, ADMINS[language], BOTH)
    assert "duplicate" not in preview["text"] and "дважды" not in preview["text"]
    assert all(part in preview["text"] for part in PREVIEW[language])
    assert "Seminar on water" in preview["text"] and "Семинар по воде" in preview["text"]
    meeting = await stored(bot_database)
    assert (meeting.title_en, meeting.title_ru) == ("Seminar on water", "Семинар по воде")
    assert (meeting.summary_en, meeting.summary_ru) == ("Water and energy", "Вода и энергия")


@LANGUAGES
async def test_the_same_key_twice_in_one_script_is_still_refused(
    bot_api: FakeBotApi, language: str
) -> None:
    form = "\ntitle: Seminar\ntitle: Workshop\nstarts: 2026-12-10 10:00\ncity: Almaty"
    refused = await ask(bot_api, ADMINS[language], "addevent", form)
    assert buttons(refused) == []
    assert "title" in refused["text"] or "название" in refused["text"]


@LANGUAGES
async def test_the_dialog_takes_a_title_in_both_languages(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    await ask(bot_api, admin, "addevent")
    await answer(bot_api, admin, "title: Seminar on water\nназвание: Семинар по воде")
    async with bot_database.sessions() as session:
        draft = await session.scalar(select(AdminDraft))
    assert draft is not None
    assert draft.values == {"title": "Seminar on water", "title_ru": "Семинар по воде"}


@LANGUAGES
async def test_the_previews_own_hint_amends_the_draft_in_the_admins_language(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    await ask(bot_api, admin, "addevent")
    for reply in ("Water talks", "Almaty", "2026-12-10 10:00", "/skip", "/skip", "/skip"):
        last = await answer(bot_api, admin, reply)
    last = await answer(bot_api, admin, "/skip")
    assert HINT_LEFT[language] in last["text"]
    amended = await answer(bot_api, admin, "название: Переговоры по воде")
    assert PREVIEW[language][0] in amended["text"]
    assert HINT_LEFT[language] not in amended["text"]
    assert "…" not in amended["text"] and "{" not in amended["text"]
    await press(bot_api, admin, amended, buttons(amended)[0])
    meeting = await stored(bot_database)
    assert (meeting.title_en, meeting.title_ru) == ("Water talks", "Переговоры по воде")


@LANGUAGES
async def test_stats_count_the_chats_that_follow_every_meeting(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    await saved(bot_api, admin, BOTH)
    async with bot_database.sessions.begin() as session:
        await add_subscribers(session, (-1001, -1002, 5001), NOW - timedelta(days=1))
    stats = await ask(bot_api, admin, "stats")
    meeting = await stored(bot_database)
    line = next(line for line in stats["text"].splitlines() if line.startswith(f"• {meeting.id} "))
    assert "3" in line.split(":", 1)[1].split(",")[0]
