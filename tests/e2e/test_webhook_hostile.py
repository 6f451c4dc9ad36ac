"""Anyone who can reach the port (issue 20): refused secrets counted and logged once, a bad
Content-Length a 400, silent connections closed, and the feed cached, validated and limited."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

import pytest
from telegram.ext import Application, ApplicationBuilder

from bot.feed import FEED_REQUESTS_PER_MINUTE, accepts_gzip
from bot.webhook import SECRET_HEADER, WebhookServer
from storage.database import open_database
from tests.e2e.test_webhook import SECRET, TOM, Served, post, served, start_update
from tests.support.factories import meeting

__all__ = ["served"]  # the fixture, used by most tests here


async def raw_answer(url: str, head: bytes) -> bytes:
    parsed = urlparse(url)
    reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
    writer.write(head)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=30)
    writer.close()
    return answer


@pytest.mark.parametrize("length", ["abc", "1e3", "-5", "+5", "٣"])
async def test_a_content_length_that_is_not_a_number_is_a_400(
    served: Served, length: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = urlparse(served.hook_url).path
    head = f"POST {path} HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n"
    head += f"{SECRET_HEADER}: {SECRET}\r\nContent-Length: {length}\r\n\r\n"
    answer = await raw_answer(served.hook_url, head.encode())
    assert answer.startswith(b"HTTP/1.1 400")
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_refused_secrets_are_counted_and_logged_once_a_minute(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(20):
        assert (await post(served, start_update(1, TOM), "wrong")).status_code == 403
    metrics = await served.client.get(served.feed_url.replace("calendar.ics", "metrics"))
    assert "unrcca_webhook_refused_total 20.0" in metrics.text
    refusals = [r for r in caplog.records if "refused a webhook call" in r.getMessage()]
    assert len(refusals) == 1


def bare_application() -> Application:
    """Enough of an application for the server's routes; it never talks to Telegram."""
    return ApplicationBuilder().token("123456789:" + "A" * 35).build()


@pytest.fixture
async def impatient() -> AsyncIterator[str]:
    """A server that closes connections silent for half a second."""
    server = WebhookServer(
        bare_application(), "/hook", SECRET, header_timeout=0.5, body_timeout=0.5
    )
    server.listen("127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.port}/hook"
    await server.stop()


@pytest.mark.parametrize(
    "head",
    [
        b"GET /healthz HTTP/1.1\r\nHost:",  # headers never finished
        f"POST /hook HTTP/1.1\r\nHost: b\r\n{SECRET_HEADER}: {SECRET}\r\n"
        "Content-Length: 100\r\n\r\n{".encode(),  # a body promised and not sent
    ],
    ids=["headers", "body"],
)
async def test_a_silent_connection_is_closed(impatient: str, head: bytes) -> None:
    # Closed after 0.5 s; the 30 s bound in raw_answer is for a loaded machine. tornado's
    # default kept such a connection (and its file descriptor) for an hour.
    answer = await raw_answer(impatient, head)
    assert answer in (b"", b"HTTP/1.1 408 Request Timeout\r\n\r\n") or b" 400 " in answer


async def test_the_feed_has_validators_and_answers_304(served: Served, database_url: str) -> None:
    first = await served.client.get(served.feed_url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.status_code == 200 and etag.startswith('"')
    head = await served.client.head(served.feed_url)
    assert (head.headers["etag"], head.content) == (etag, b"")
    again = await served.client.get(served.feed_url, headers={"If-None-Match": etag})
    assert (again.status_code, again.content) == (304, b"")
    since = await served.client.get(served.feed_url, headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    await add_meeting(database_url)
    changed = await served.client.get(served.feed_url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert b"Water talks 1" in changed.content
    assert parsedate_to_datetime(changed.headers["last-modified"]) > parsedate_to_datetime(
        modified
    )


async def test_the_feed_is_gzipped_for_a_client_that_takes_it(served: Served) -> None:
    plain = await served.client.get(served.feed_url, headers={"Accept-Encoding": "identity"})
    zipped = await served.client.get(served.feed_url, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert (
        "Accept-Encoding" in zipped.headers["vary"] and "Accept-Encoding" in plain.headers["vary"]
    )
    # httpx decoded it: the same calendar, fewer bytes on the wire, and its own validator.
    assert zipped.content == plain.content and b"BEGIN:VCALENDAR" in plain.content
    assert zipped.num_bytes_downloaded < len(plain.content)
    assert zipped.headers["etag"] != plain.headers["etag"]
    held = {"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["etag"]}
    assert (await served.client.get(served.feed_url, headers=held)).status_code == 304
    refused = await served.client.get(served.feed_url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers


@pytest.mark.parametrize(
    ("header", "takes"),
    [
        ("gzip, deflate, br", True),
        ("GZIP", True),
        ("x-gzip", True),
        ("*", True),
        ("br;q=1.0, gzip;q=0.5", True),
        ("gzip;q=0", False),
        ("gzip;q=0.0", False),
        ("gzip;q=abc", False),
        ("identity", False),
        ("", False),
        ("deflate", False),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, takes: bool) -> None:
    assert accepts_gzip(header) is takes


async def test_a_client_asking_too_often_is_told_to_wait(served: Served) -> None:
    asked = FEED_REQUESTS_PER_MINUTE + 15
    began = time.monotonic()
    answers = await asyncio.gather(*(served.client.get(served.feed_url) for _ in range(asked)))
    elapsed = time.monotonic() - began
    statuses = [answer.status_code for answer in answers]
    # A minute's allowance at once; the bucket then frees one request every two seconds, so a
    # loaded machine that took longer lets that many more through (bounded, not timed).
    allowed = FEED_REQUESTS_PER_MINUTE + int(elapsed * FEED_REQUESTS_PER_MINUTE / 60) + 1
    assert FEED_REQUESTS_PER_MINUTE <= statuses.count(200) <= allowed
    assert statuses.count(429) == asked - statuses.count(200)
    refused = next(answer for answer in answers if answer.status_code == 429)
    assert int(refused.headers["retry-after"]) >= 1
    # The webhook is not limited by the feed's allowance.
    assert (await post(served, start_update(3, TOM))).status_code == 200


async def add_meeting(database_url: str) -> None:
    database = open_database(database_url)
    try:
        async with database.sessions.begin() as session:
            added = meeting(1, datetime(2028, 1, 4, 5, tzinfo=UTC), "Water talks")
            added.updated_at = datetime.now(UTC)
            session.add(added)
    finally:
        await database.dispose()
