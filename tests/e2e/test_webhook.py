"""Webhook mode: our server takes Telegram's updates (with the secret) and serves the feed."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from icalendar import Calendar
from telegram.ext import Application

from bot import readiness
from bot.app import build_application
from bot.bot_data import bot_data
from bot.webhook import SECRET_HEADER, WebhookServer
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import open_database
from storage.models import MeetingStatus
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.updates import incoming_message, private_chat_json, text_content
from tests.support.factories import meeting
from tests.support.webhooks import webhook_bot

SECRET = "s3cret-Token_1-webhook"
TOM = FakeUser(2001, "Tom")
DILNOZA = FakeUser(2002, "Dilnoza", language_code="ru")


@dataclass
class Served:
    api: FakeBotApi
    client: httpx.AsyncClient
    hook_url: str
    feed_url: str
    app: Application


@pytest.fixture
async def served(database_url: str) -> AsyncIterator[Served]:
    async with (
        FakeBotApi() as api,
        httpx.AsyncClient() as client,
        webhook_bot(api, database_url, SECRET, hook_path="/telegram/hook") as (app, base),
    ):
        yield Served(api, client, f"{base}/telegram/hook", f"{base}/calendar.ics", app)


def start_update(update_id: int, user: FakeUser) -> dict[str, Any]:
    message = incoming_message(update_id, user, private_chat_json(user), **text_content("/start"))
    return {"update_id": update_id, "message": message}


async def post(served: Served, body: object, secret: str | None = SECRET) -> httpx.Response:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    return await served.client.post(served.hook_url, json=body, headers=headers)


async def test_the_webhook_is_set_with_the_secret(served: Served) -> None:
    call = next(c for c in served.api.requests if c.method == "setWebhook")
    assert call.params["url"] == served.hook_url
    assert call.params["secret_token"] == SECRET
    assert "message" in call.params["allowed_updates"]


async def test_an_update_with_the_secret_is_answered(served: Served) -> None:
    response = await post(served, start_update(1, TOM))
    assert response.status_code == 200
    reply = await served.api.wait_for_message(chat_id=TOM.id)
    assert reply["text"].startswith("Hello, Tom!")


@pytest.mark.parametrize("secret", ["wrong", "", None], ids=["wrong", "empty", "missing"])
async def test_an_update_without_the_secret_is_refused_and_not_handled(
    served: Served, secret: str | None
) -> None:
    refused = await post(served, start_update(1, TOM), secret)
    assert refused.status_code == 403
    # Updates are handled in order: once Dilnoza is answered, Tom's would have been too.
    assert (await post(served, start_update(2, DILNOZA))).status_code == 200
    await served.api.wait_for_message(chat_id=DILNOZA.id)
    assert [sent["chat_id"] for sent in served.api.sent] == [DILNOZA.id]


async def test_a_body_that_is_not_an_update_is_a_bad_request(served: Served) -> None:
    response = await served.client.post(
        served.hook_url, content=b"{not json", headers={SECRET_HEADER: SECRET}
    )
    assert response.status_code == 400


async def test_the_feed_has_every_meeting_and_marks_the_cancelled_one(
    served: Served, database_url: str
) -> None:
    """Issue 12: calendars must learn of a cancellation, so the cancelled meeting stays; its
    title says so too, for apps that drop cancelled events from a feed (issue 22)."""
    await add_meetings(database_url)
    response = await served.client.get(served.feed_url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [(str(e["SUMMARY"]), str(e.get("STATUS", ""))) for e in events] == [
        ("Fifth annual Meeting of Central Asian Deputy Ministers of Foreign Affairs", ""),
        ("Sixth annual Meeting of Central Asian Deputy Ministers of Foreign Affairs", ""),
        ("Water talks 1", ""),
        ("Cancelled: Postponed talks 2", "CANCELLED"),
    ]


async def test_the_feed_takes_no_updates_and_the_hook_serves_no_feed(served: Served) -> None:
    assert (await served.client.post(served.feed_url, json={})).status_code == 405
    assert (await served.client.get(served.hook_url)).status_code == 405


async def add_meetings(database_url: str) -> None:
    database = open_database(database_url)
    cancelled = meeting(2, datetime(2028, 1, 5, 5, tzinfo=UTC), "Postponed talks")
    cancelled.status = MeetingStatus.CANCELLED
    try:
        async with database.sessions.begin() as session:
            session.add_all(
                [meeting(1, datetime(2028, 1, 4, 5, tzinfo=UTC), "Water talks"), cancelled]
            )
    finally:
        await database.dispose()


async def test_health_and_metrics_are_served_beside_the_webhook(served: Served) -> None:
    base = served.feed_url.removesuffix("/calendar.ics")
    health = await served.client.get(f"{base}/healthz")
    assert (health.status_code, health.text.splitlines()[0]) == (200, "ok")
    await post(served, start_update(7, TOM))
    await served.api.wait_for_message(chat_id=TOM.id)
    metrics = await served.client.get(f"{base}/metrics")
    assert metrics.status_code == 200
    for name in (
        "unrcca_deliveries_sent_total",
        "unrcca_deliveries_failed_total",
        "unrcca_reminders_missed_total",
        "unrcca_reminder_lateness_seconds_bucket",
        "unrcca_telegram_retry_after_total",
        "unrcca_delivery_queue",
        "unrcca_leader",
        "unrcca_build_info",
    ):
        assert name in metrics.text
    # The update that was posted, counted by kind; nothing broke while handling it.
    assert 'unrcca_updates_total{kind="message"} 1.0' in metrics.text
    assert "unrcca_handler_errors_total 0.0" in metrics.text


async def test_a_time_without_a_leader_shows_on_health_and_metrics(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = served.feed_url.removesuffix("/calendar.ics")
    reminders = bot_data(served.app).reminders
    assert reminders is not None
    leadership = reminders.leadership
    for _ in range(100):  # the first sweep, as the application starts, takes the lock
        if leadership.held:
            break
        await asyncio.sleep(0.05)
    assert await gauges(served, base) == {"unrcca_leader": 1.0, "unrcca_leaderless_seconds": 0.0}
    # No grace, so that the test need not wait it out; then nobody leads.
    monkeypatch.setattr(readiness, "LEADERLESS_GRACE", 0.0)
    await leadership.release()
    health = await served.client.get(f"{base}/healthz")
    first = health.text.splitlines()[0]
    assert (health.status_code, first) == (503, "no process sends reminders: no leader for 0 s")
    after_gap = await gauges(served, base)
    assert after_gap["unrcca_leader"] == 0.0 and after_gap["unrcca_leaderless_seconds"] > 0
    assert await leadership.try_acquire() is True
    health = await served.client.get(f"{base}/healthz")
    assert (health.status_code, health.text.splitlines()[0]) == (200, "ok")
    assert await gauges(served, base) == {"unrcca_leader": 1.0, "unrcca_leaderless_seconds": 0.0}


async def gauges(served: Served, base: str) -> dict[str, float]:
    """The leadership gauges as /metrics shows them."""
    metrics = (await served.client.get(f"{base}/metrics")).text
    found = re.findall(r"^(unrcca_leader|unrcca_leaderless_seconds) (\S+)$", metrics, re.M)
    return {name: float(value) for name, value in found}


async def test_health_is_503_when_the_database_does_not_answer() -> None:
    """A server in front of an application whose database cannot be reached (port 1)."""
    async with FakeBotApi() as api, httpx.AsyncClient() as client:
        settings = load_settings(token=api.token, api_base_url=api.base_url)
        app = build_application(settings)
        server = WebhookServer(app, None, None)
        server.listen("127.0.0.1", 0)
        base = f"http://127.0.0.1:{server.port}"
        try:
            starting = await client.get(f"{base}/healthz")
            database = open_database("postgresql+asyncpg://postgres@127.0.0.1:1/none")
            bot_data(app).runtime = build_runtime(database, settings)
            async with app:  # initialized (getMe), not started: no scheduler runs
                unreachable = await client.get(f"{base}/healthz")
            await database.dispose()
        finally:
            await server.stop()
    assert (starting.status_code, starting.text) == (503, "starting\n")
    assert unreachable.status_code == 503
    assert unreachable.text.startswith("database unreachable, scheduler not running\n")
