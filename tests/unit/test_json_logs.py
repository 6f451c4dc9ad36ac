"""BOT_LOG_FORMAT=json: one object per line for log collectors, secrets scrubbed as in text."""

from __future__ import annotations

import io
import json
import logging
import sys

from bot.logs import RedactingFilter, RedactingJsonFormatter, secrets_of
from config.settings import load_settings

TOKEN = "123456789:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"


def test_a_json_line_per_record_with_the_traceback_and_no_token() -> None:
    secrets = secrets_of(load_settings(token=TOKEN))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingJsonFormatter(secrets))
    handler.addFilter(RedactingFilter(secrets))
    logger = logging.getLogger("test.json")
    logger.addHandler(handler)
    try:
        logger.warning("polling https://api.telegram.org/bot%s/getUpdates", TOKEN)
        try:
            raise ConnectionError(f"cannot reach /bot{TOKEN}/getMe")
        except ConnectionError:
            logger.error("it broke", exc_info=sys.exc_info())
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(line["level"], line["logger"]) for line in lines] == [
        ("WARNING", "test.json"),
        ("ERROR", "test.json"),
    ]
    assert lines[0]["message"] == "polling https://api.telegram.org/bot[BOT_TOKEN]/getUpdates"
    assert lines[1]["exc_info"].startswith("Traceback (most recent call last):")
    assert "[BOT_TOKEN]" in lines[1]["exc_info"]
    assert all(line["timestamp"][:2] == "20" for line in lines)
    assert TOKEN.split(":")[1] not in stream.getvalue()
