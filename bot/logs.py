"""Logging that never shows the bot token or the webhook secret.

httpx logs every request URL, and PTB puts the token in the URL (`/bot<TOKEN>/sendMessage`);
PTB logs the parameters of `setWebhook`, secret included, at DEBUG; a gateway may echo the path
percent-encoded (`/bot123%3AAbC.../getMe`). Raising httpx to WARNING is not enough on its own,
so every record is scrubbed on its way out, of every form a secret can take. A URL's password
(`postgresql+asyncpg://bot:PASSWORD@db/bot`, a Bot API behind basic auth) is masked wherever a
URL is written, whichever setting or library wrote it.

Two formats (BOT_LOG_FORMAT): `text`, a line per record for people, and `json`, an object per
line for log collectors (python-json-logger: `timestamp`, `level`, `logger`, `message`, and
`exc_info` with the traceback), scrubbed the same way.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from pythonjsonlogger.json import JsonFormatter

from config.settings import LogFormat, Settings

REDACTED = "[BOT_TOKEN]"
REDACTED_SECRET = "[BOT_WEBHOOK_SECRET]"
# Each secret, in each form it takes, and the mark that replaces it.
Secrets = Mapping[str, str]
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASKED_PASSWORD = "***"
# `scheme://user:password@`: the password ends at the last @ before the path (RFC 3986 says a
# password has no raw @ or /, but people paste them anyway).
URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]*:)[^\s/]*@")
# A URL's password shorter than this is masked inside URLs only: replacing it everywhere
# would mangle words of every log line.
MIN_BARE_PASSWORD = 8
URL_SETTINGS = ("database_url", "api_base_url", "api_base_file_url", "webhook_url")
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
JSON_NAMES = {"asctime": "timestamp", "levelname": "level", "name": "logger"}
# Libraries whose INFO lines are worth reading only when debugging: alembic names its context at
# every start; APScheduler writes two lines per job run (thousands a day).
QUIET_UNLESS_DEBUGGING = ("alembic", "apscheduler")


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: Secrets) -> None:
        super().__init__()
        # Longest first: the whole token before its secret half, so one mark replaces it.
        self._secrets = sorted(
            ((secret, mark) for secret, mark in secrets.items() if secret),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self._scrub(message), ()
        if record.exc_text:
            record.exc_text = self._scrub(record.exc_text)
        return True

    def _scrub(self, text: str) -> str:
        text = mask_url_passwords(text)
        for secret, mark in self._secrets:
            text = text.replace(secret, mark)
        return text


def mask_url_passwords(text: str) -> str:
    """Every `scheme://user:password@host` in `text` as `scheme://user:***@host`."""
    return URL_PASSWORD.sub(rf"\1{MASKED_PASSWORD}@", text)


def secrets_of(settings: Settings) -> Secrets:
    """Every form the token and the webhook secret can be written in, with their marks."""
    secrets: dict[str, str] = {}
    if settings.token is not None:
        token = settings.token.get_secret_value()
        encoded = quote(token, safe="")
        # The part after the colon is the secret; the bot's id before it is public.
        forms = [token, encoded, encoded.replace("%3A", "%3a"), token.partition(":")[2]]
        secrets |= dict.fromkeys(forms, REDACTED)
    if settings.webhook_secret is not None:
        secrets[settings.webhook_secret.get_secret_value()] = REDACTED_SECRET
    for name in URL_SETTINGS:
        password = urlsplit(getattr(settings, name) or "").password
        if password and len(unquote(password)) >= MIN_BARE_PASSWORD:
            # Drivers quote it on its own, out of its URL ("password ... for user").
            secrets |= dict.fromkeys({password, unquote(password)}, MASKED_PASSWORD)
    return secrets


class RedactingJsonFormatter(JsonFormatter):
    """One JSON object per record; the traceback is scrubbed as the message is (by the filter)."""

    def __init__(self, secrets: Secrets) -> None:
        super().__init__(JSON_FIELDS, rename_fields=JSON_NAMES, timestamp=False)
        self._filter = RedactingFilter(secrets)

    def formatException(self, ei: Any) -> str:
        return self._filter._scrub(str(super().formatException(ei)))


def configure_logging(level: str, secrets: Secrets, log_format: LogFormat = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    json = log_format == "json"
    handler.setFormatter(RedactingJsonFormatter(secrets) if json else logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Request URLs hold the token; at INFO they would fill the log with one line per poll anyway.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("httpcore").setLevel(max(logging.INFO, root.level))
    debugging = root.level <= logging.DEBUG
    for name in QUIET_UNLESS_DEBUGGING:
        logging.getLogger(name).setLevel(logging.DEBUG if debugging else logging.WARNING)


def scrub(text: str, secrets: Secrets) -> str:
    return RedactingFilter(secrets)._scrub(text)
