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
from storage.repositories import meetings

LISTED = 10


async def subject_list(
    session: AsyncSession, question: Question, request: Request
) -> Answered | None:
    """The meetings on the subject (still to come only, when the list asked for those); None
    when no meeting holds it, so that the plain list is given with the words named."""
    topic = question.meeting.topic
    if not topic:
        return None
    found = await meetings.search(session, search_patterns(topic), limit=LISTED + 1)
    found = [meeting for meeting in found if topic_holds(meeting, topic)]
    if question.intent == Intent.LIST_UPCOMING:
        found = [meeting for meeting in found if meeting.starts_at >= request.now]
    if not found:
        return None
    language = request.language
    words = " ".join(topic)
    text = t(language, "subject.list", topic=words, meetings=lines(list(found[:LISTED]), language))
    return Answered(text, found[:3])
