"""'When is the next meeting in Ashgabat?' when none is scheduled there: said so, with the latest
meeting there, never the next meeting somewhere else."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings import lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import lines
from bot.services.meetings.cards import card_text
from bot.services.meetings.reference import describe
from bot.services.request import Request
from bot.texts import t
from bot.understanding import MeetingRef, Question
from storage.repositories import meetings


async def nothing_scheduled(
    session: AsyncSession, question: Question, request: Request
) -> Answered:
    """Nothing scheduled that fits: where the question names more than "next", the latest
    meeting that fits the rest; otherwise the most recent meeting of all."""
    rest = replace(question.meeting, relative=None)
    if rest == MeetingRef():
        return await _nothing_at_all(session, request)
    found = [m for m in await lookup.find(session, rest, request.now) if m.starts_at < request.now]
    language = request.language
    scope = describe(rest, language, style="scope")
    if not found:
        known = await lookup.known_meetings(session, request.now)
        text = t(language, "answer.exists_no", what=scope, known=lines(list(known), language))
        return Answered(text)
    text = t(language, "next.none_there", scope=scope, meetings=lines(found[:1], language))
    return Answered(text, found[:1])


async def _nothing_at_all(session: AsyncSession, request: Request) -> Answered:
    latest = await meetings.latest_before(session, request.now)
    if latest is None:
        return Answered(t(request.language, "answer.no_meetings"))
    card = card_text(
        latest, request.language, request.now, reserve=200, reader_zone=request.time_zone
    )
    return Answered(t(request.language, "answer.none_next", card=card), [latest])
