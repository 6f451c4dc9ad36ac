"""When the Bot API last answered, seen on every request the bot makes (readiness, logs).

Every request goes through `WatchedRequest`: an HTTP answer below 500 is the Bot API speaking
(a 400 or a 429 too); a 5xx is a gateway in front of it failing, and a network error or a
timeout is no answer at all. Long polling asks every 10 s, so a polling bot always knows;
a webhook bot may not call Telegram for hours, so readiness asks (`getMe`) when the last
answer is older than `fresh` seconds.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from typing import Any

import httpx
from telegram.error import NetworkError, TelegramError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)
# HTTP statuses from here up come from a gateway, not from the Bot API.
GATEWAY_ERROR = 500


class BotApiWatch:
    """`fresh`: seconds an answer counts as recent (readiness asks again after that)."""

    def __init__(self, fresh: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.fresh = fresh
        self._clock = clock
        self._answered_at: float | None = None
        self.failures = 0

    def answered(self) -> None:
        self._answered_at = self._clock()
        self.failures = 0

    def failed(self) -> int:
        """One more call without an answer; the number of them in a row."""
        self.failures += 1
        return self.failures

    def age(self) -> float | None:
        """Seconds since the last answer; None if the Bot API never answered."""
        return None if self._answered_at is None else self._clock() - self._answered_at

    @property
    def recent(self) -> bool:
        age = self.age()
        return age is not None and age <= self.fresh and self.failures == 0


class WatchedRequest(HTTPXRequest):
    """PTB's HTTPXRequest, telling `watch` whether each call was answered."""

    def __init__(self, watch: BotApiWatch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._watch = watch

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            code, payload = await super().do_request(*args, **kwargs)
        except NetworkError:  # TimedOut too
            self._watch.failed()
            raise
        if code < GATEWAY_ERROR:
            self._watch.answered()
        else:
            self._watch.failed()
        return code, payload


# PTB's default long-poll pool has one connection. A poll cancelled mid-flight (at shutdown, or
# torn down by the network) can hold it past the 1 s pool timeout, so the last getUpdates at
# shutdown fails with PoolTimeout (seen in our tests on a loaded machine), and a stuck
# connection stops polling for good (claude-code-telegram#213). A spare connection avoids both.
LONG_POLL_CONNECTIONS = 2


def bot_api_tls() -> ssl.SSLContext:
    """The TLS settings httpx would make for each client (certifi's roots, or SSL_CERT_FILE /
    SSL_CERT_DIR), made once: each client making its own took 30 ms of the start-up."""
    return httpx.create_ssl_context()


def tls_settings(tls: ssl.SSLContext) -> dict[str, Any]:
    """HTTPXRequest's `httpx_kwargs` for a client that uses `tls`."""
    return {"verify": tls}


def watched_requests(
    watch: BotApiWatch, tls: ssl.SSLContext
) -> tuple[WatchedRequest, WatchedRequest]:
    """For ApplicationBuilder's `request` and `get_updates_request`: PTB's default pool for
    requests (256 connections), and LONG_POLL_CONNECTIONS for the long poll; both with `tls`."""
    return (
        WatchedRequest(watch, httpx_kwargs=tls_settings(tls)),
        WatchedRequest(
            watch, connection_pool_size=LONG_POLL_CONNECTIONS, httpx_kwargs=tls_settings(tls)
        ),
    )


def log_unanswered(watch: BotApiWatch | None, error: TelegramError) -> None:
    """One line per failed long poll, which PTB tries again: no traceback, a count."""
    in_a_row = watch.failures if watch is not None else 0
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, NetworkError):
        log.warning(
            "the Bot API did not answer getUpdates (%s: %s); trying again (failure %d in a row)",
            type(error).__name__,
            reason,
            in_a_row,
        )
    else:
        log.error("getUpdates failed (%s: %s); trying again", type(error).__name__, reason)
