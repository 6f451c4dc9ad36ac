"""/livez and /readyz as an orchestrator sees them: not ready while the database or the Bot API
is away, ready again when it returns, without restarting the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy.engine import make_url

from bot import probe
from bot.api_watch import BotApiWatch
from bot.bot_data import bot_data
from tests.fakebotapi import FakeBotApi
from tests.support.gate import TcpGate
from tests.support.network import free_port
from tests.support.polling import wait_until_async
from tests.support.webhooks import webhook_bot

SECRET = "s3cret-Token_1-of-16-or-more"
# A bound on a wait, not a speed goal: the answer comes as soon as the lock is taken.
LEADER_WAIT = 30.0


@dataclass
class Served:
    base: str
    watch: BotApiWatch

    async def get(self, path: str) -> tuple[int, list[str]]:
        async with httpx.AsyncClient(timeout=20) as client:
            response = await client.get(f"{self.base}{path}")
        return response.status_code, response.text.splitlines()


async def leads(served: Served) -> bool:
    return "leader: yes" in (await served.get("/readyz"))[1]


@asynccontextmanager
async def serving(api: FakeBotApi, database_url: str) -> AsyncIterator[Served]:
    """The bot in webhook mode, once Telegram knows its hook."""
    async with webhook_bot(api, database_url, SECRET) as (app, base):
        watch = bot_data(app).api_watch
        assert watch is not None
        yield Served(base, watch)


async def test_livez_and_readyz_say_what_works(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with FakeBotApi() as api, serving(api, database_url) as served:
        # The leader lock is taken as the scheduler starts; a connection of the test before may
        # still hold it for a moment (seen once in CI: "leads again after 0.1 s").
        await wait_until_async(lambda: leads(served), LEADER_WAIT)
        live = await served.get("/livez")
        ready = await served.get("/readyz")
        health = await served.get("/healthz")
        # The image's HEALTHCHECK, with the settings the bot has.
        monkeypatch.setenv("BOT_WEBHOOK_URL", "https://bot.example.org/hook")
        monkeypatch.setenv("BOT_WEBHOOK_PORT", served.base.rsplit(":", 1)[1])
        probed = await asyncio.to_thread(probe.main)
        monkeypatch.setenv("BOT_WEBHOOK_PORT", str(free_port()))
        nothing_there = await asyncio.to_thread(probe.main)
    assert live == (200, ["alive"])
    assert ready == (
        200,
        [
            "ok",
            "database: ok",
            "bot api: ok",
            "scheduler: ok",
            "reminders sent: ok",
            "leader: yes",
        ],
    )
    assert health == ready  # an alias, for what was configured before /readyz existed
    assert (probed, nothing_there) == (0, 1)


async def test_not_ready_while_the_bot_api_is_away_and_ready_when_it_returns(
    database_url: str,
) -> None:
    api = await FakeBotApi().start()
    port = int(api.base_url.split(":")[2].split("/")[0])
    try:
        async with serving(api, database_url) as served:
            # Every probe asks the Bot API (no answer counts as recent), as one a minute later.
            served.watch.fresh = 0
            before = await served.get("/readyz")
            await api.stop()
            away = await served.get("/readyz")
            live = await served.get("/livez")
            api = await FakeBotApi(port=port).start()
            back = await served.get("/readyz")
    finally:
        await api.stop()
    assert before[0] == 200
    assert away[0] == 503
    assert away[1] == [
        "bot api unreachable",
        "database: ok",
        "bot api: bot api unreachable",
        "scheduler: ok",
        "reminders sent: ok",
        "leader: yes",
    ]
    assert live == (200, ["alive"])  # alive all along: restarting would not bring Telegram back
    assert back[0] == 200


async def test_not_ready_while_the_database_is_away_and_ready_when_it_returns(
    postgres_url: str,
) -> None:
    server = make_url(postgres_url)
    async with TcpGate(server.host or "127.0.0.1", server.port or 5432) as gate:
        through_gate = server.set(host="127.0.0.1", port=gate.port)
        async with (
            FakeBotApi() as api,
            serving(api, through_gate.render_as_string(hide_password=False)) as served,
        ):
            before = await served.get("/readyz")
            gate.shut()
            away = await served.get("/readyz")
            gate.open()
            back = await served.get("/readyz")
    assert before[0] == 200
    assert away[0] == 503
    assert away[1][:2] == ["database unreachable", "database: database unreachable"]
    assert back[0] == 200
