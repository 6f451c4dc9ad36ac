"""What every use case needs: the database, the settings that shape answers, the clock, and what
must follow a change to a meeting.

Built once per application (bot/lifecycle.py), so two applications in one process share nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes.changes import ChangeHook, bind_hooks
from bot.texts import InterfaceLanguage
from storage.database import Database

_SCHEDULE_CHANGED = "schedule_changed"


def schedule_changed(session: AsyncSession) -> None:
    """What is due changed in this transaction (a subscription, offsets, a meeting, notices)."""
    session.info[_SCHEDULE_CHANGED] = True


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Runtime:
    database: Database
    default_language: InterfaceLanguage = "en"
    admin_ids: frozenset[int] = frozenset()
    clock: Callable[[], datetime] = field(default=utc_now)
    # BOT_REMINDER_OFFSETS: minutes before a meeting, for chats that chose none.
    reminder_offsets: tuple[int, ...] = (1440, 60)
    # BOT_PUBLIC_BASE_URL: where people reach the calendar feeds (None: /calendar cannot say).
    public_base_url: str | None = None
    # Run after every change to a meeting, in the transaction that made it (notices, reminders).
    change_hooks: tuple[ChangeHook, ...] = ()
    # Called after a commit that changed what reminders or notices are due (`schedule_changed`):
    # the scheduler looks again at once instead of at its next sweep.
    wake_scheduler: Callable[[], None] = field(default=lambda: None)
    # The bot's @username (getMe), for deep links to it; None where no bot runs (the CLI).
    bot_username: str | None = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One session and transaction for one update or job; committed when the block ends.

        Changes to meetings made in it run this runtime's hooks
        (bot.services.meeting_writes.changes).
        """
        async with self.database.sessions.begin() as session:
            bind_hooks(session, self.change_hooks)
            yield session
        if session.info.get(_SCHEDULE_CHANGED):
            self.wake_scheduler()
