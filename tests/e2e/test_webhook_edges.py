"""The webhook server against hostile callers (issue 11, item 11; item 5 for the secret).

Bodies that are not updates are 400s, whatever breaks in them; the secret is checked on the
headers before any body is read; the body is capped; the feed answers its exact path only.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

import pytest

from bot.webhook import MAX_UPDATE_BYTES, SECRET_HEADER
from tests.e2e.test_webhook import SECRET, TOM, Served, post, served, start_update

__all__ = ["served"]  # the fixture, used by every test here


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"update_id": 1, "message": {"message_id": 1, "date": 1e20, "chat": '
        '{"id": 1, "type": "private"}}}',
        '{"update_id": 1, "message": {"message_id": 1, "date": -1e300, "chat": '
        '{"id": 1, "type": "private"}}}',
        "null",
        "[]",
        '"update"',
        '{"update_id": "x"}',
        "\xff\xfe",
    ],
    ids=["nested", "date-1e20", "date-negative", "null", "list", "string", "bad-id", "bytes"],
)
async def test_a_body_that_is_not_an_update_is_a_400(served: Served, body: str) -> None:
    response = await served.client.post(
        served.hook_url, content=body.encode("utf-8", "surrogateescape"),
        headers={SECRET_HEADER: SECRET},
    )  # fmt: skip
    assert response.status_code == 400
    # The server goes on: the next real update is answered.
    assert (await post(served, start_update(7, TOM))).status_code == 200
    await served.api.wait_for_message(chat_id=TOM.id)


async def raw_request(url: str, head: str) -> bytes:
    """Headers alone, with a body promised and never sent: what comes back, and how fast."""
    parsed = urlparse(url)
    reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
    writer.write(head.encode())
    await writer.drain()
    answer = await asyncio.wait_for(reader.readline(), timeout=5)
    writer.close()
    return answer


def promised(path: str, size: int, secret: str | None) -> str:
    lines = [f"POST {path} HTTP/1.1", "Host: bot", f"Content-Length: {size}"]
    lines += [f"{SECRET_HEADER}: {secret}"] if secret else []
    return "\r\n".join([*lines, "", ""])


@pytest.mark.parametrize("secret", [None, "wrong"])
async def test_the_secret_is_checked_before_the_body_is_read(
    served: Served, secret: str | None
) -> None:
    path = urlparse(served.hook_url).path
    # A 60 MB body is promised but never sent: only an answer from the headers arrives.
    status = await raw_request(served.hook_url, promised(path, 60_000_000, secret))
    assert status.startswith(b"HTTP/1.1 403")


async def test_a_body_larger_than_telegram_sends_is_refused_unread(served: Served) -> None:
    path = urlparse(served.hook_url).path
    status = await raw_request(served.hook_url, promised(path, MAX_UPDATE_BYTES + 1, SECRET))
    assert status.startswith(b"HTTP/1.1 413")


async def test_a_large_body_with_the_secret_is_refused(served: Served) -> None:
    content = b" " * (MAX_UPDATE_BYTES + 10)
    try:
        response = await served.client.post(
            served.hook_url, content=content, headers={SECRET_HEADER: SECRET}
        )
    except Exception:  # the server may close the connection while the body is still sent
        return
    assert response.status_code in (400, 413)


async def test_the_feed_answers_its_exact_path_and_head(served: Served) -> None:
    near = served.feed_url.replace("calendar.ics", "calendarXics")
    assert (await served.client.get(near)).status_code == 404
    head = await served.client.head(served.feed_url)
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/calendar")
    assert head.content == b""
