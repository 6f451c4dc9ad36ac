"""Admins of the end-to-end tests, one per language, and what they do beyond asking."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.database import Database
from tests.e2e.users import Json
from tests.fakebotapi import FakeBotApi, FakeUser

AIDA = FakeUser(1001, "Aida", language_code="en")
BAKHTIYOR = FakeUser(1002, "Бахтиёр", language_code="ru")
ADMINS = {"en": AIDA, "ru": BAKHTIYOR}


async def press(api: FakeBotApi, user: FakeUser, sent: Json, data: str) -> Json:
    api.press_button(user, sent, data)
    return await api.wait_for_message(chat_id=user.id)


async def count(database: Database, model: type) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)
