"""The runtime a test runs use cases with: built by the composition root (bot/wiring.py), as the
bot builds its own, with the test's clock.

A test that only puts the world in place (chats, subscriptions, meetings that were already there)
writes through `database.sessions.begin()` instead: no runtime, so no change hook announces a
meeting the test's subscribers are meant to have known about all along.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.services.meeting_writes.changes import EachChangeHook
from bot.services.runtime import Runtime, utc_now
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import Database


def runtime_at(
    database: Database,
    now: datetime | Callable[[], datetime] | None = None,
    *,
    observers: tuple[EachChangeHook, ...] = (),
    **settings: object,
) -> Runtime:
    """`now`: the clock stands still there, or a clock the test moves (None: the wall clock);
    `observers`: change hooks run after the bot's own; `settings`: as BOT_* would."""
    clock = _clock(now)
    return build_runtime(database, load_settings(**settings), clock=clock, observers=observers)


def _clock(now: datetime | Callable[[], datetime] | None) -> Callable[[], datetime]:
    if now is None:
        return utc_now
    if isinstance(now, datetime):
        return lambda: now
    return now
