"""The token and the webhook secret never reach a log line, in any form (issue 11, item 5)."""

from __future__ import annotations

import logging
import sys
from urllib.parse import quote

import pytest

from bot.logs import RedactingFilter, scrub, secrets_of
from config.settings import load_settings

TOKEN = "123456789:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
SECRET = "hook-Secret_42"


@pytest.fixture
def secrets() -> dict[str, str]:
    return dict(secrets_of(load_settings(token=TOKEN, webhook_secret=SECRET)))


@pytest.mark.parametrize(
    "leak",
    [
        f"GET https://api.telegram.org/bot{TOKEN}/getMe",
        f"502 from gateway for /bot{quote(TOKEN, safe='')}/getMe",
        f"502 from gateway for /bot{quote(TOKEN, safe='').replace('%3A', '%3a')}/getMe",
        f"the secret half alone: {TOKEN.split(':')[1]}",
        f"setWebhook params: {{'url': 'https://x.org/hook', 'secret_token': '{SECRET}'}}",
    ],
    ids=["plain", "percent-encoded", "lower-case-encoded", "secret-half", "webhook-secret"],
)
def test_every_form_is_scrubbed_from_text_and_records(secrets: dict[str, str], leak: str) -> None:
    cleaned = scrub(leak, secrets)
    assert TOKEN.split(":")[1] not in cleaned and SECRET not in cleaned
    assert "[BOT_TOKEN]" in cleaned or "[BOT_WEBHOOK_SECRET]" in cleaned
    record = logging.LogRecord("httpx", logging.ERROR, __file__, 1, "%s", (leak,), None)
    try:
        raise RuntimeError(leak)
    except RuntimeError:
        record.exc_info = sys.exc_info()
    RedactingFilter(secrets).filter(record)
    assert TOKEN.split(":")[1] not in record.getMessage() + (record.exc_text or "")
    assert SECRET not in record.getMessage() + (record.exc_text or "")


def test_the_bot_id_alone_is_not_a_secret(secrets: dict[str, str]) -> None:
    assert scrub("bot 123456789 started", secrets) == "bot 123456789 started"
