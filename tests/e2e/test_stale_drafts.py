"""Two admins edit one meeting: the later save of an older preview is refused (issue 11, 8)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.database import Database
from storage.models import AdminDraft, Meeting
from tests.e2e.conftest import Clock
from tests.e2e.users import Json, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeUser

AIDA = FakeUser(1001, "Aida", language_code="en")
BORIS = FakeUser(1002, "Борис", language_code="ru")
NOW = datetime(2015, 11, 1, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return lambda: NOW  # one instant for every change: versions must not rely on the clock


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({AIDA.id, BORIS.id})


async def save(api: FakeBotApi, user: FakeUser, preview: Json) -> Json:
    api.press_button(user, preview, buttons(preview)[0])
    return await api.wait_for_message(chat_id=user.id)


async def venue(database: Database) -> str | None:
    async with database.sessions() as session:
        meeting = await session.get(Meeting, 2)
        assert meeting is not None
        return meeting.venue_en


async def test_a_stale_edit_is_refused_showing_what_changed(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    aida = await ask(bot_api, AIDA, "editevent", "2\nvenue: Hotel Serena")
    boris = await ask(bot_api, BORIS, "editevent", "2\nvenue: Ministry of Foreign Affairs")
    assert (await save(bot_api, BORIS, boris))["text"].endswith("сохранены.")
    refused = await save(bot_api, AIDA, aida)
    assert refused["text"].startswith("I did not save this edit: meeting 2 was changed")
    # The change is named as the form names it (issue 13's audit wording).
    assert "venue:" in refused["text"] and "Ministry of Foreign Affairs" in refused["text"]
    assert "/editevent 2" in refused["text"]
    assert await venue(bot_database) == "Ministry of Foreign Affairs"  # Boris's change stands
    async with bot_database.sessions() as session:
        assert await session.get(AdminDraft, 1) is None  # the stale draft is gone


async def test_a_cancellation_in_between_is_named_too(bot_api: FakeBotApi) -> None:
    aida = await ask(bot_api, AIDA, "editevent", "2\nvenue: Hotel Serena")
    await ask(bot_api, BORIS, "cancelevent", "2 postponed")
    refused = await save(bot_api, AIDA, aida)
    assert "status" in refused["text"] and "cancelled" in refused["text"]


async def test_edits_one_after_another_both_save(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    first = await ask(bot_api, AIDA, "editevent", "2\nvenue: Hotel Serena")
    assert (await save(bot_api, AIDA, first))["text"].startswith("Saved")
    second = await ask(bot_api, BORIS, "editevent", "2\nvenue: Ministry of Foreign Affairs")
    assert (await save(bot_api, BORIS, second))["text"].endswith("сохранены.")
    assert await venue(bot_database) == "Ministry of Foreign Affairs"
