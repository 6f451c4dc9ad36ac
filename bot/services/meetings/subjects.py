"""'Which meetings were about water?': a list narrowed by subject, the same match /search makes
(every word in a title or summary, in any word form)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import lines
from bot.services.meetings.claims import search_patterns, topic_holds
from bot.services.request import Request
from bot.texts import t
from bot.understanding import Intent, Question
from storage.models import Meeting
from storage.repositories import meetings

LISTED = 10


async def on_subject(session: AsyncSession, topic: tuple[str, ...], limit: int) -> list[Meeting]:
    """Up to `limit` meetings on the subject, newest first, found through the store's full-text
    index by the first letters every form of each word shares: all of them when they are few,
    else the newest `limit`."""
    patterns = search_patterns(topic)
    ids = await meetings.matching_ids(session, patterns, subject_only=True)
    found = await meetings.by_ids(session, ids if len(ids) <= meetings.FEW else ids[:limit])
    # First letters match inside longer words ("mate" begins "material"): whole forms decide.
    return [meeting for meeting in found if topic_holds(meeting, topic)][:limit]


async def subject_list(
    session: AsyncSession, question: Question, request: Request
) -> Answered | None:
    """The meetings on the subject (still to come only, when the list asked for those); None
    when no meeting holds it, so that the plain list is given with the words named."""
    topic = question.meeting.topic
    if not topic:
        return None
    found = await on_subject(session, topic, LISTED + 1)
    if question.intent == Intent.LIST_UPCOMING:
        found = [meeting for meeting in found if meeting.starts_at >= request.now]
    if not found:
        return None
    language = request.language
    words = " ".join(topic)
    text = t(language, "subject.list", topic=words, meetings=lines(list(found[:LISTED]), language))
    return Answered(text, found[:3])
