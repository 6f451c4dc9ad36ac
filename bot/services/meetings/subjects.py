"""'Which meetings were about water?': a list narrowed by subject, the same match /search makes
(every word in a title or summary, in any word form)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import lines
from bot.services.meetings.claims import search_patterns, topic_holds
from bot.services.meetings.vocabulary import meetings_about
from bot.services.request import Request
from bot.texts import t
from bot.understanding import Intent, Question
from storage.models import Meeting
from storage.repositories import meetings

LISTED = 10
# Up to this many meetings on a subject are read by id; past it, a query that stops at its limit.
BY_IDS = 200


async def on_subject(session: AsyncSession, topic: tuple[str, ...], limit: int) -> list[Meeting]:
    """Up to `limit` meetings on the subject, newest first, found through the store's vocabulary:
    a few by their ids, or (for a word most meetings hold) by a query that stops at `limit`."""
    ids = await meetings_about(session, topic)
    if not ids:
        return []
    if len(ids) > BY_IDS:
        found = list(await meetings.search(session, search_patterns(topic), limit=limit))
    else:
        found = await meetings.by_ids(session, sorted(ids))
        found.sort(key=lambda meeting: (meeting.starts_at, meeting.id), reverse=True)
    # The query matches inside words ("mate" in "climate"); whole word forms decide.
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
