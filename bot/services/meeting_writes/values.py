"""A draft's meeting values kept as JSON between messages, and the meeting they describe."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.services.meeting_writes.changes import WRITABLE, json_safe
from storage.models import Meeting

DATETIME_COLUMNS = frozenset({"starts_at", "ends_at"})


def to_json(values: Mapping[str, object]) -> dict[str, Any]:
    return {key: json_safe(value) for key, value in values.items()}


def from_json(values: Mapping[str, Any]) -> dict[str, object]:
    return {
        key: datetime.fromisoformat(value)
        if key in DATETIME_COLUMNS and isinstance(value, str)
        else value
        for key, value in values.items()
    }


def columns_of(meeting: Meeting) -> dict[str, object]:
    return {key: getattr(meeting, key) for key in WRITABLE}


def draft_meeting(values: Mapping[str, object], current: Meeting | None) -> Meeting:
    """A meeting never added to a session: showing it cannot write it by autoflush."""
    base = columns_of(current) if current is not None else {}
    meeting = Meeting(**{**base, **values})
    meeting.id = current.id if current is not None else None  # type: ignore[assignment]
    return meeting
