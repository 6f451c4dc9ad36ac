"""The fault switches do what a scenario relies on, seen from a plain HTTP client."""

from __future__ import annotations

import asyncio
import os
import time

import httpx
import pytest

from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.fixtures import fake_api_fixture  # noqa: F401 - provides `fake_api`
from tests.fakebotapi.switches import CHAT_NOT_FOUND


async def send(api: FakeBotApi, client: httpx.AsyncClient, chat_id: int = 7) -> httpx.Response:
    url = f"{api.base_url}{api.token}/sendMessage"
    return await client.post(url, json={"chat_id": chat_id, "text": "hello"})


async def test_latency_delays_each_send_and_counts_it_in_flight(fake_api: FakeBotApi) -> None:
    # A second each: long enough for all five to arrive before one is answered, even when a
    # loaded machine starts them slowly.
    fake_api.faults.latency(1.0, 1.2)
    began = time.monotonic()
    async with httpx.AsyncClient() as client:
        answers = await asyncio.gather(*(send(fake_api, client, n) for n in range(5)))
    assert all(a.status_code == 200 for a in answers)
    assert time.monotonic() - began >= 1.0
    assert fake_api.faults.most_in_flight == 5 and fake_api.faults.in_flight == 0


async def test_an_unreachable_server_refuses_then_listens_again_on_its_port(
    fake_api: FakeBotApi,
) -> None:
    port_before = fake_api.base_url
    async with httpx.AsyncClient() as client:
        assert (await send(fake_api, client)).status_code == 200
        await fake_api.faults.unreachable(30)
        with pytest.raises(httpx.ConnectError):
            await send(fake_api, client)
        fake_api.faults.end()
        assert (await send(fake_api, client)).status_code == 200
    assert fake_api.base_url == port_before
    assert len(fake_api.sent) == 2


async def test_an_outage_ends_by_itself(fake_api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as client:
        await fake_api.faults.unreachable(0.2)

        # Waited for, not slept: a loaded machine may run the timer late.
        async def answered() -> bool:
            try:
                return (await send(fake_api, client)).status_code == 200
            except httpx.ConnectError:
                return False

        async with asyncio.timeout(30):
            while not await answered():  # noqa: ASYNC110 - polled, not signalled
                await asyncio.sleep(0.1)


async def test_a_resetting_server_delivers_nothing(fake_api: FakeBotApi) -> None:
    fake_api.faults.resetting(30)
    async with httpx.AsyncClient() as client:
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            await send(fake_api, client)
        fake_api.faults.end()
        assert (await send(fake_api, client)).status_code == 200
    assert len(fake_api.sent) == 1


async def test_5xx_and_429_windows_refuse_sends_until_they_end(fake_api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as client:
        fake_api.faults.server_errors(30)
        assert (await send(fake_api, client)).status_code == 502
        fake_api.faults.end()
        fake_api.faults.storm(30, retry_after=2)
        storm = await send(fake_api, client)
        fake_api.faults.end()
        assert (await send(fake_api, client)).status_code == 200
    assert storm.status_code == 429
    assert storm.json()["parameters"] == {"retry_after": 2}
    assert fake_api.faults.refused == {502: 1, 429: 1}
    assert len(fake_api.sent) == 1


async def test_refused_chats_get_their_error_and_others_are_delivered(
    fake_api: FakeBotApi,
) -> None:
    fake_api.faults.refuse_chats([5], CHAT_NOT_FOUND)
    fake_api.faults.refuse_chats([6])
    async with httpx.AsyncClient() as client:
        codes = [(await send(fake_api, client, chat)).status_code for chat in (5, 6, 7)]
    assert codes == [400, 403, 200]
    assert fake_api.requests[0].response["description"] == "Bad Request: chat not found"


async def test_each_send_names_the_process_that_made_it(fake_api: FakeBotApi) -> None:
    fake_api.faults.identify_senders(lambda: [os.getpid()])
    async with httpx.AsyncClient() as client:
        await send(fake_api, client)
    assert fake_api.sent[0]["sender"] == os.getpid()
    assert fake_api.requests[0].sender == os.getpid()
