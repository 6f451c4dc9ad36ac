"""An edit previewed before another admin changed the same meeting is not saved over that change.

The draft keeps the id of the meeting's latest audit entry (every change is audited, so it
grows with each); at Save, a newer entry means the preview showed a meeting that no longer is.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin.audit import entry_text
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import AdminDraft
from storage.repositories import audit, meetings


async def version_of(session: AsyncSession, meeting_id: int | None) -> int | None:
    """What a draft of this meeting remembers; None for a meeting still to be added."""
    return await audit.last_change_id(session, meeting_id) if meeting_id is not None else None


async def refused_if_stale(
    session: AsyncSession, request: Request, draft: AdminDraft
) -> Reply | None:
    """The refusal, with what changed since the preview; None when the draft is current."""
    if draft.meeting_id is None or draft.meeting_version is None:
        return None
    # Held to the end of the save, so a second admin's save waits and then sees this one.
    await meetings.lock(session, draft.meeting_id)
    since = await audit.changes_since(session, draft.meeting_id, draft.meeting_version)
    if not since:
        return None
    language = request.language
    head = t(language, "admin.error.stale_draft", id=draft.meeting_id)
    meeting = await meetings.get(session, draft.meeting_id)
    named = {meeting.id: meeting} if meeting is not None else {}
    changes = [entry_text(entry, named, language) for entry in since]
    tail = t(language, "admin.stale.again", id=draft.meeting_id)
    return Reply(join([head, *changes, Html(""), tail]), edit=True)
