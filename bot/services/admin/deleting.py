"""/deleteevent: the card first, with Delete and Keep; only the Delete button deletes.

The buttons carry the meeting's id, not a draft: pressing Delete checks again that the presser
is an admin, that the meeting is still there and that no one was reminded of it. The audit
keeps every value the meeting held.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_card
from bot.languages import content_order
from bot.services.admin.refusals import named_meeting, unknown_meeting
from bot.services.callbacks import admin_data
from bot.services.meeting_writes.changes import MeetingNotFound, MeetingWasReminded, delete_meeting
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.repositories import meeting_checks, meetings

# The question must leave room for the card; a long agenda is not what decides a delete.
SUMMARY_LIMIT = 300


async def delete_event(session: AsyncSession, request: Request) -> Reply:
    named = await named_meeting(session, request, "deleteevent")
    if isinstance(named, Reply):
        return named
    language, meeting = request.language, named.meeting
    if await meeting_checks.was_reminded(session, meeting.id):
        return _was_reminded(request, meeting.id)
    question = t(language, "admin.delete.confirm", id=meeting.id)
    card = meeting_card(meeting, language, request.now, summary_limit=SUMMARY_LIMIT)
    delete = Button(t(language, "admin.button.delete"), admin_data("del", meeting.id))
    keep = Button(t(language, "admin.button.keep"), admin_data("keep", meeting.id))
    return Reply(join([question, Html(""), card]), buttons=((delete, keep),))


async def confirm_delete(session: AsyncSession, request: Request, meeting_id: int) -> Reply:
    """The Delete button: the preview message is replaced by what became of the meeting."""
    meeting = await meetings.get(session, meeting_id)
    title = meeting.text("title", *content_order(request.language)) if meeting else None
    try:
        await delete_meeting(session, request.user_id, meeting_id, request.now)
    except MeetingNotFound:
        return _edit(unknown_meeting(request, meeting_id, "deleteevent"))
    except MeetingWasReminded:
        return _edit(_was_reminded(request, meeting_id))
    return Reply(t(request.language, "admin.deleted", id=meeting_id, title=title), edit=True)


def keep(request: Request, meeting_id: int) -> Reply:
    return Reply(t(request.language, "admin.delete.kept", id=meeting_id), edit=True)


def _was_reminded(request: Request, meeting_id: int) -> Reply:
    return Reply(t(request.language, "admin.error.was_reminded", id=meeting_id))


def _edit(reply: Reply) -> Reply:
    return Reply(reply.text, edit=True)
