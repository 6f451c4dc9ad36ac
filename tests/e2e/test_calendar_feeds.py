"""Calendar feeds end to end (issue 22, item 5): /calendar gives the organisation's feed and
the chat's own as webcal:// links with Google Calendar buttons; the own feed, fetched over HTTP
from the bot's server, holds exactly the meetings the chat follows, with alarms at its reminder
offsets, and a cancelled one says so in its title; after /calendar reset the old link is 404."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from icalendar import Calendar

from bot.app import build_application
from bot.services.meeting_writes.changes import add_meeting, cancel_meeting
from bot.serving import polling
from bot.webhook import WebhookServer
from config.settings import load_settings
from storage.database import Database, open_database
from tests.e2e.users import TOM, ask
from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.store import Json
from tests.support.factories import BEFORE_SIXTH
from tests.support.network import free_port
from tests.support.runtimes import runtime_at


@dataclass
class Served:
    api: FakeBotApi
    database: Database
    client: httpx.AsyncClient


@pytest.fixture
async def served(database_url: str) -> AsyncIterator[Served]:
    """The bot polling the fake Bot API, its HTTP server (the feeds) on a free port."""
    port = free_port()
    async with FakeBotApi() as api, httpx.AsyncClient() as client:
        settings = load_settings(
            token=api.token,
            api_base_url=api.base_url,
            api_base_file_url=api.base_file_url,
            database_url=database_url,
            public_base_url=f"http://127.0.0.1:{port}",
        )
        app = build_application(settings, clock=lambda: BEFORE_SIXTH)
        server = WebhookServer(app, None, None)
        server.listen("127.0.0.1", port)
        database = open_database(database_url)
        try:
            async with polling(app, poll_timeout=1):
                yield Served(api, database, client)
        finally:
            await server.stop()
            await database.dispose()


async def command(api: FakeBotApi, name: str, args: str, words: str) -> Json:
    """The bot's answer to a command: the message to Tom that holds `words` (a notice of the
    cancelled meeting may come in between)."""
    api.send_command(TOM, name, args)
    return await api.wait_for_message(
        chat_id=TOM.id, predicate=lambda sent: words in (sent["text"] or "")
    )


def links(text: str) -> list[str]:
    return [word for word in text.replace("<", " ").replace(">", " ").split() if "://" in word]


async def add_in(database: Database, title: str, days: int) -> int:
    values = {
        "title_en": title,
        "starts_at": BEFORE_SIXTH + timedelta(days=days),
        "time_zone": "Asia/Dushanbe",
        "city_en": "Dushanbe",
        "country_code": "TJ",
    }
    async with runtime_at(database, BEFORE_SIXTH).transaction() as session:
        return (await add_meeting(session, None, values, BEFORE_SIXTH)).id


async def test_the_personal_feed_holds_exactly_the_followed_meetings_and_a_reset_revokes_it(
    served: Served,
) -> None:
    api, client = served.api, served.client
    followed = await add_in(served.database, "Water dialogue", 3)
    cancelled = await add_in(served.database, "Border seminar", 5)
    await add_in(served.database, "Unrelated briefing", 7)
    await ask(api, TOM, "subscribe", str(followed))
    await ask(api, TOM, "subscribe", str(cancelled))
    await ask(api, TOM, "remind", "1d 2h")
    async with runtime_at(served.database, BEFORE_SIXTH).transaction() as session:
        await cancel_meeting(session, None, cancelled, None, BEFORE_SIXTH)

    reply = await command(api, "calendar", "", "Calendar feeds")
    organisation, personal = links(reply["text"])
    assert organisation.endswith("/calendar.ics") and organisation.startswith("webcal://")
    assert personal.startswith("webcal://") and "/calendar/" in personal
    rows = reply["reply_markup"]["inline_keyboard"]
    google = [row[0]["url"] for row in rows]
    assert all(url.startswith("https://calendar.google.com/calendar/r?cid=") for url in google)
    assert parse_qs(urlsplit(google[1]).query)["cid"] == [personal]

    url = personal.replace("webcal://", "http://")
    response = await client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    titles = sorted(str(event["SUMMARY"]) for event in events)
    assert titles == ["Cancelled: Border seminar", "Water dialogue"]
    gone = next(e for e in events if "Border" in str(e["SUMMARY"]))
    assert str(gone["STATUS"]) == "CANCELLED"
    for event in events:
        triggers = sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))
        assert triggers == [-timedelta(days=1), -timedelta(hours=2)]

    organisation_feed = await client.get(organisation.replace("webcal://", "http://"))
    assert "Unrelated briefing" in organisation_feed.text

    reset = await command(api, "calendar", "reset", "old personal link")
    (new_personal,) = [link for link in links(reset["text"]) if "/calendar/" in link]
    assert new_personal != personal
    assert (await client.get(url)).status_code == 404
    assert (await client.get(new_personal.replace("webcal://", "http://"))).status_code == 200


async def test_a_calendar_argument_it_does_not_take_is_named_with_an_example(
    served: Served,
) -> None:
    reply = await ask(served.api, TOM, "calendar", "please")
    assert "“please”" in reply["text"] and "<code>/calendar reset</code>" in reply["text"]
