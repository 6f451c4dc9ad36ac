"""The one entry point for a button press: remember the chat, choose the language, dispatch.

Like `respond` for messages, it runs in one transaction. The data comes from the client and
is decoded strictly; a press that does not decode, or names a meeting that is gone, is answered
with a polite notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.services import callbacks
from bot.services.callbacks import Calendar, Page, Remind
from bot.services.listings import page_reply
from bot.services.meeting_actions import calendar_reply, remind_reply, stale_button
from bot.services.reply import Reply
from bot.services.requests import reader_language, remember_chat
from bot.services.runtime import Runtime


@dataclass(frozen=True)
class ButtonPress:
    data: str
    # None when the message is not in a chat the bot can see (an inline message).
    chat_id: int | None = None
    chat_kind: str = "private"
    telegram_language: str | None = None


async def respond_to_button(runtime: Runtime, press: ButtonPress) -> Reply:
    async with runtime.database.sessions.begin() as session:
        chosen = await remember_chat(session, press.chat_id, press.chat_kind)
        language = reader_language(runtime, chosen, press.telegram_language)
        now = runtime.clock()
        match callbacks.decode(press.data):
            case Page(listing, page):
                return await page_reply(session, listing, page, language, now)
            case Calendar(meeting_id):
                return await calendar_reply(session, meeting_id, language)
            case Remind(meeting_id) if press.chat_id is not None:
                return await remind_reply(session, meeting_id, press.chat_id, language, now)
        return stale_button(language)
