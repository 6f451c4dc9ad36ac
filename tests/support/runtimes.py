"""The runtime a test runs use cases with: built by the composition root (bot/wiring.py), as the
bot builds its own, with the test's clock."""

from __future__ import annotations

from datetime import datetime

from bot.services.runtime import Runtime, utc_now
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import Database


def runtime_at(database: Database, now: datetime | None = None, **settings: object) -> Runtime:
    """`now`: the clock stands still there (None: the wall clock); `settings`: as BOT_* would."""
    clock = (lambda: now) if now is not None else utc_now
    return build_runtime(database, load_settings(**settings), clock=clock)
