"""The meeting an admin command names (`/cancelevent 5 ...`), or the refusal that says why not.

Every refusal names the command that was typed, so its example is one the admin can copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin import args
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.models import Meeting
from storage.repositories import meetings


@dataclass(frozen=True)
class Named:
    meeting: Meeting
    # What follows the id: a cancellation's reason, an edit's form.
    rest: str


async def named_meeting(session: AsyncSession, request: Request, command: str) -> Named | Reply:
    """The meeting whose id starts the arguments; a reply showing how to write it otherwise."""
    ref = args.meeting_args(request, command)
    if isinstance(ref, Reply):
        return ref
    meeting = await meetings.get(session, ref.meeting_id)
    if meeting is None:
        return unknown_meeting(request, ref.meeting_id, command)
    return Named(meeting, ref.rest)


def unknown_meeting(request: Request, meeting_id: int, command: str) -> Reply:
    """No meeting has this id; the example is the command the admin used (`/cancelevent 5`)."""
    example = t(request.language, f"admin.usage.{command}")
    return Reply(
        t(request.language, "admin.error.unknown_meeting", id=meeting_id, example=example)
    )
