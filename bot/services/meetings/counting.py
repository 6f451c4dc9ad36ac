"""'How many meetings were held in 2015?': a count of the meetings that happen, and the list.

Cancelled meetings are not counted. At most COUNT_LIMIT rows are read: past that, the answer
says "more than" rather than a number it did not count.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings import lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import lines
from bot.services.meetings.reference import describe
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding import MeetingRef, Question
from storage.repositories import meetings

COUNT_LIMIT = 50
SHOWN = 10


async def count_answer(session: AsyncSession, question: Question, request: Request) -> Answered:
    ref, language = question.meeting, request.language
    if ref.is_empty():
        found = [*await meetings.upcoming(session, request.now, limit=COUNT_LIMIT + 1)]
        found += await meetings.past(session, request.now, limit=COUNT_LIMIT + 1)
    else:
        found = await lookup.find(session, ref, request.now, limit=COUNT_LIMIT + 1)
    happening = [meeting for meeting in found if lookup.happens(meeting)]
    scope = _scope(ref, language)
    if not happening:
        return Answered(t(language, "answer.count_none", scope=scope, known=""))
    shown = lines(happening[:SHOWN], language)
    if len(happening) > COUNT_LIMIT:
        text = t(language, "answer.count_more", count=COUNT_LIMIT, scope=scope, meetings=shown)
        return Answered(text)
    noun = t(language, "count.one" if len(happening) == 1 else "count.many")
    text = t(language, "answer.count", count=len(happening), noun=noun, scope=scope,
             meetings=shown)  # fmt: skip
    return Answered(text, happening[:SHOWN])


def _scope(ref: MeetingRef, language: str) -> Html:
    if ref.anchor() == MeetingRef():
        return Html("")
    return Html(" " + describe(ref, language, style="scope"))
