"""The token and the webhook secret never reach a log line, in any form (issue 11, item 5)."""

from __future__ import annotations

import logging
import sys
from urllib.parse import quote

import pytest

from bot.logs import RedactingFilter, scrub, secrets_of
from config.settings import load_settings

TOKEN = "123456789:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
SECRET = "hook-Secret_42-of-sixteen"


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


@pytest.mark.parametrize(
    ("line", "password"),
    [
        ("cannot reach http://bot:hunter2-long@10.0.0.5:8081/bot/getMe", "hunter2-long"),
        ("DATABASE_URL=postgresql+asyncpg://app:pw@db:5432/bot failed", "pw"),
        ("two: https://a:x1@h/ and https://b:y2@k/", "x1"),
    ],
)
def test_a_password_in_any_url_is_masked(line: str, password: str) -> None:
    """Issue 20: a password in BOT_API_BASE_URL was printed in the start-up failure line."""
    cleaned = scrub(line, {})
    assert f":{password}@" not in cleaned and ":***@" in cleaned
    assert "y2" not in cleaned


def test_a_url_without_a_password_is_left_alone() -> None:
    line = "GET http://127.0.0.1:8081/bot/getMe and mailto:someone@example.org"
    assert scrub(line, {}) == line


def test_a_long_url_password_is_masked_even_out_of_its_url() -> None:
    url = "postgresql+asyncpg://app:Sup3r-Secret-pass@db/bot"
    secrets = secrets_of(load_settings(database_url=url))
    cleaned = scrub('password "Sup3r-Secret-pass" refused for user "app"', secrets)
    assert "Sup3r-Secret-pass" not in cleaned and '"app"' in cleaned
