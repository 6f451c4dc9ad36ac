"""Which failed sends are tried again (until their deadline) and which end at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.outbound.send_failures import BASE_SECONDS, CAP_SECONDS, backoff, classify


@pytest.mark.parametrize(
    "error",
    [NetworkError("Bad Gateway"), TimedOut(), NetworkError("Internal Server Error (500)")],
)
def test_network_errors_and_5xx_are_tried_again(error: NetworkError) -> None:
    failure = classify(error, attempt=3)
    assert failure.retry_in is not None and 0 <= failure.retry_in <= BASE_SECONDS * 8
    assert not failure.chat_gone


def test_a_429_waits_exactly_what_telegram_asked() -> None:
    failure = classify(RetryAfter(timedelta(seconds=7)), attempt=0)
    assert failure.retry_in == 7.0


@pytest.mark.parametrize(
    ("error", "gone"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), True),
        (BadRequest("Bad Request: chat not found"), True),
        (BadRequest("Bad Request: can't parse entities"), False),
    ],
)
def test_a_gone_chat_or_a_bad_request_ends_at_once(error: Exception, gone: bool) -> None:
    failure = classify(error, attempt=0)  # type: ignore[arg-type]
    assert failure.retry_in is None
    assert failure.chat_gone is gone


def test_backoff_grows_with_full_jitter_up_to_its_cap() -> None:
    assert backoff(0, draw=0.999) < BASE_SECONDS
    assert backoff(3, draw=0.5) == BASE_SECONDS * 8 * 0.5
    assert backoff(50, draw=0.999) < CAP_SECONDS
    assert backoff(50, draw=0.0) == 0.0
