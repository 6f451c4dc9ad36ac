"""Whether a failed send is tried again, and when: retries that fit a reminder.

A network error, a timeout, a 5xx (PTB raises NetworkError for it) and a 429 are passing
troubles: the message goes back to the queue and is tried again until its deadline (a
reminder: its meeting's start), then recorded as MISSED with the last error. Only a chat that
is gone ends a delivery at once: 403 (blocked, removed) and "chat not found"; any other 400
would fail again the same way, so it ends too.

Backoff: exponential with full jitter (AWS Architecture Blog, "Exponential Backoff And
Jitter"): attempt n waits a random time in [0, min(CAP, BASE * 2**n)] seconds, so chats that
failed together do not come back together. A 429 waits exactly what Telegram asked. The
formula is tenacity's `wait_random_exponential`, written out: a failed send is not retried in
a loop that tenacity could drive but goes back to the queue, for whichever worker takes it when
its time comes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

BASE_SECONDS = 0.5
CAP_SECONDS = 30.0


@dataclass(frozen=True)
class Failure:
    # Seconds to wait before trying again; None: the delivery ends now.
    retry_in: float | None
    reason: str
    # The chat is gone for good (blocked the bot, left, deleted): mark it inactive.
    chat_gone: bool = False


def backoff(attempt: int, draw: float | None = None) -> float:
    """Seconds before retry number `attempt` (0 first); `draw` in [0, 1) replaces the random
    draw (tests)."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * 2**attempt)
    return ceiling * (random.random() if draw is None else draw)


def classify(error: TelegramError, attempt: int) -> Failure:
    if isinstance(error, RetryAfter):
        return Failure(
            retry_after_seconds(error.retry_after), f"429: retry after {error.retry_after}"
        )
    if isinstance(error, Forbidden):
        return Failure(None, f"chat unreachable: {error.message}", chat_gone=True)
    if isinstance(error, BadRequest):
        gone = "chat not found" in error.message.lower()
        return Failure(None, error.message, chat_gone=gone)
    if isinstance(error, NetworkError):  # TimedOut and 5xx included
        return Failure(backoff(attempt), f"network: {error.message}")
    return Failure(None, str(error))


def retry_after_seconds(retry_after: object) -> float:
    """Telegram's retry_after in seconds (PTB gives an int, or a timedelta with PTB_TIMEDELTA)."""
    total = getattr(retry_after, "total_seconds", None)
    return float(total() if callable(total) else retry_after)  # type: ignore[arg-type]
