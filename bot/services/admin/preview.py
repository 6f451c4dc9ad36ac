"""A draft shown as subscribers will see it, with Save and Cancel."""

from __future__ import annotations

from datetime import datetime

from bot.formatting.cards import meeting_card
from bot.services.admin import callbacks
from bot.services.admin.clock_notes import repeated_hour_note
from bot.services.reply import Button, Reply
from bot.texts import Html, join, t
from storage.models import AdminDraft, Meeting


def preview(draft: AdminDraft, meeting: Meeting, language: str, now: datetime) -> Reply:
    card = meeting_card(meeting, language, now)
    if meeting.id is None:
        # The card ends with the meeting's id, which an added meeting gets only when saved.
        card = Html(card.rsplit("\n", 1)[0])
    header = t(language, f"admin.preview.{draft.kind}", id=draft.meeting_id or "")
    save = Button(t(language, "admin.button.save"), callbacks.encode("save", draft.id))
    drop = Button(t(language, "admin.button.cancel"), callbacks.encode("drop", draft.id))
    note = repeated_hour_note(meeting, language)
    lines = [header, Html(""), card, *([Html(""), note] if note else [])]
    return Reply(join(lines), buttons=((save, drop),))
