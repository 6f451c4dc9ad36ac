"""Logging that never shows the bot token.

httpx logs every request URL, and PTB puts the token in the URL (`/bot<TOKEN>/sendMessage`).
Raising httpx to WARNING is not enough on its own: a DEBUG run, an exception text or a library
we do not control may still carry it. So every record is scrubbed on its way out.
"""

from __future__ import annotations

import logging
import sys

REDACTED = "[BOT_TOKEN]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self._scrub(message), ()
        if record.exc_text:
            record.exc_text = self._scrub(record.exc_text)
        return True

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Request URLs hold the token; at INFO they would fill the log with one line per poll anyway.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("httpcore").setLevel(max(logging.INFO, root.level))


def scrub(text: str, secrets: list[str]) -> str:
    return RedactingFilter(secrets)._scrub(text)
