"""What every use case needs: the database, the settings that shape answers, and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.texts import Language
from storage.database import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Runtime:
    database: Database
    default_language: Language = "en"
    admin_ids: frozenset[int] = frozenset()
    clock: Callable[[], datetime] = field(default=utc_now)
