"""A draft shown as subscribers will see it, with Save and Cancel; and its values kept as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.formatting.cards import meeting_card
from bot.services import admin_callbacks
from bot.services.meeting_changes import WRITABLE, json_safe
from bot.services.reply import Button, Reply
from bot.texts import Html, join, t
from storage.models import AdminDraft, Meeting

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


def preview(draft: AdminDraft, meeting: Meeting, language: str, now: datetime) -> Reply:
    card = meeting_card(meeting, language, now)
    if meeting.id is None:
        # The card ends with the meeting's id, which an added meeting gets only when saved.
        card = Html(card.rsplit("\n", 1)[0])
    header = t(language, f"admin.preview.{draft.kind}", id=draft.meeting_id or "")
    save = Button(t(language, "admin.button.save"), admin_callbacks.encode("save", draft.id))
    drop = Button(t(language, "admin.button.cancel"), admin_callbacks.encode("drop", draft.id))
    return Reply(join([header, Html(""), card]), buttons=((save, drop),))
