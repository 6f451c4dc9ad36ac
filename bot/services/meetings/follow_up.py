"""The meeting a follow-up refers to: the one of the bot's message being replied to, or the one
of the chat's last answer (kept in the database for half an hour, so any process can read it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.request import Request
from bot.understanding import MeetingRef, Question
from storage.models import Meeting
from storage.repositories import conversations, meetings
from storage.repositories.arrivals import StoredContext

LIFETIME = timedelta(minutes=30)
# The same answer again within this renews nothing: the context lives LIFETIME after the last
# answer, give or take this.
RENEWED_AFTER = timedelta(minutes=1)
# Every answer about meetings ends with their links; a reply to it names them.
LINK = re.compile(r"/event_(\d{1,9})\b")
# A follow-up answer covers at most as many meetings as an answer lists in detail.
CONTEXT_SIZE = 3


def linked_ids(text: str | None) -> list[int]:
    """The meetings a message of the bot links to, in order, each once."""
    ids: list[int] = []
    for match in LINK.finditer(text or ""):
        if int(match.group(1)) not in ids:
            ids.append(int(match.group(1)))
    return ids


def names_no_meeting(question: Question) -> bool:
    """Nothing in the question picks a meeting by itself ("and the one before?" needs one)."""
    ref = question.meeting
    return ref.anchor() == MeetingRef() or ref.anchor() == MeetingRef(relative=ref.relative)


async def context_meetings(
    session: AsyncSession, request: Request, question: Question
) -> list[Meeting]:
    """The meetings a follow-up is about; [] when the question is not one or nothing is kept."""
    if not names_no_meeting(question):
        return []
    ids = linked_ids(request.replied_text)
    if not ids and question.refers_back and request.context is not None:
        ids = request.context.ids_at(request.now)
    return await meetings.by_ids(session, ids[:CONTEXT_SIZE])


async def remember(session: AsyncSession, request: Request, shown: Sequence[Meeting]) -> None:
    """Keep what this answer was about, for the chat's next question: written only when it
    changes what is kept, or to renew it once a minute of its lifetime has passed (the update's
    first look read it into `request.context`)."""
    if request.conversation_id is None or not shown:
        return
    ids = [meeting.id for meeting in shown[:CONTEXT_SIZE]]
    if _kept_already(request.context, ids, request.now):
        return
    await conversations.remember(session, request.conversation_id, ids, request.now + LIFETIME)


def _kept_already(context: StoredContext | None, ids: list[int], now: datetime) -> bool:
    if context is None or list(context.meeting_ids) != ids[: conversations.MAX_IDS]:
        return False
    return context.expires_at - now > LIFETIME - RENEWED_AFTER
