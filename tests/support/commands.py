"""Running a message or a button press through the services, as every front end does."""

from __future__ import annotations

from datetime import datetime

from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.router import press as press_button
from bot.services.router import respond
from bot.services.runtime import Runtime
from bot.texts import InterfaceLanguage
from storage.database import Database
from tests.support.factories import BEFORE_SIXTH
from tests.support.runtimes import runtime_at

CHAT_ID = 4242


def runtime(database: Database, now: datetime = BEFORE_SIXTH) -> Runtime:
    return runtime_at(database, now)


async def say(
    database: Database, text: str, language: InterfaceLanguage = "en", now: datetime = BEFORE_SIXTH
) -> Reply:
    inquiry = Inquiry(text, chat_id=CHAT_ID, telegram_language=language)
    return await respond(runtime(database, now), inquiry)


async def press(
    database: Database, data: str, language: str = "en", now: datetime = BEFORE_SIXTH
) -> Reply:
    button = Inquiry(data, chat_id=CHAT_ID, telegram_language=language)
    return await press_button(runtime(database, now), button)


def button_data(reply: Reply) -> list[str]:
    return [button.data for row in reply.buttons for button in row]
