"""Who follows a meeting, asked one way (storage.repositories.followers) on each backend: a
chat subscribed to it, to every meeting, or to a filter matching it, including a meeting added
after the filter and one changed so that it matches no more."""

from __future__ import annotations

from datetime import timedelta

from bot.services.meeting_writes.changes import add_meeting, edit_meeting
from bot.services.subscriptions.matching import match_new_filter
from storage.database import Database
from storage.models import Chat
from storage.repositories import filters, followers, subscriptions
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

EVERY, TAJIK, WATER, ONE, NOBODY = 11, 12, 13, 14, 15


async def add_in(database: Database, title: str, city: str, code: str) -> int:
    values = {
        "title_en": title,
        "starts_at": STAMP + timedelta(days=10),
        "time_zone": "Asia/Dushanbe",
        "city_en": city,
        "country_code": code,
    }
    async with runtime_at(database, STAMP).transaction() as session:
        return (await add_meeting(session, None, values, STAMP)).id


async def test_every_way_of_following_is_one_question(database: Database) -> None:
    dushanbe = await add_in(database, "Border talks", "Dushanbe", "TJ")
    async with runtime_at(database, STAMP).transaction() as session:
        for chat_id in (EVERY, TAJIK, WATER, ONE, NOBODY):
            session.add(Chat(id=chat_id, kind="private", created_at=STAMP, updated_at=STAMP))
        await session.flush()
        await subscriptions.subscribe(session, EVERY, None, STAMP)
        await subscriptions.subscribe(session, ONE, dushanbe, STAMP)
        for chat_id, kind, value in ((TAJIK, "country", "TJ"), (WATER, "topic", "water")):
            made = await filters.add(session, chat_id, kind, value, value, STAMP)
            assert made is not None
            await match_new_filter(session, made, STAMP)
    almaty = await add_in(database, "Regional water dialogue", "Almaty", "KZ")
    async with runtime_at(database, STAMP).transaction() as session:
        found = await followers.followed_by(
            session, [EVERY, TAJIK, WATER, ONE, NOBODY], [dushanbe, almaty]
        )
        followed = await followers.meetings_followed(session, WATER, STAMP)
    assert found == {
        EVERY: {None},
        TAJIK: {dushanbe},
        WATER: {almaty},
        ONE: {dushanbe},
    }
    assert [m.id for m in followed] == [almaty]

    # Renamed away from water and moved to Tajikistan: the filters' matches follow the change.
    async with runtime_at(database, STAMP).transaction() as session:
        moved = {"title_en": "Regional dialogue", "city_en": "Khujand", "country_code": "TJ"}
        await edit_meeting(session, None, almaty, moved, STAMP + timedelta(hours=1))
    async with database.sessions() as session:
        found = await followers.followed_by(session, [TAJIK, WATER], [almaty])
    assert found == {TAJIK: {almaty}}
