"""'How many meetings were held in 2015?': a count of the meetings that happen, and the list.

Cancelled meetings are not counted. At most COUNT_LIMIT rows are read: past that, the answer
says "more than" rather than a number it did not count.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings import lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import lines
from bot.services.meetings.reference import describe
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding import MeetingRef, Question
from storage.models import Meeting
from storage.repositories import meetings

COUNT_LIMIT = 50
SHOWN = 10


async def count_answer(session: AsyncSession, question: Question, request: Request) -> Answered:
    ref, language = question.meeting, request.language
    found = await _counted(session, ref, request)
    happening = [meeting for meeting in found if lookup.happens(meeting)]
    if question.yes_no is not None and question.yes_no.status == "cancelled":
        found = [*await meetings.cancelled(session, limit=COUNT_LIMIT + 1)]
        happening = [meeting for meeting in found if lookup.same_local_date(meeting, ref)]
        return _cancelled_count(happening, language)
    scope = _scope(ref, language)
    unread = lookup.topic_unused(ref, found)
    if unread:
        # Part of the question was not understood: no number, only what fits the rest.
        shown = lines(happening[:SHOWN], language)
        return Answered(t(language, "count.unread", scope=scope, meetings=shown), (), unread)
    if not happening:
        return Answered(t(language, "answer.count_none", scope=scope, known=""))
    shown = lines(happening[:SHOWN], language)
    if len(happening) > COUNT_LIMIT:
        text = t(language, "answer.count_more", count=COUNT_LIMIT, scope=scope, meetings=shown)
        return Answered(text)
    text = t(language, "answer.count", count=len(happening), scope=scope, meetings=shown)
    return Answered(text, happening[:SHOWN])


def _cancelled_count(found: list[Meeting], language: str) -> Answered:
    if not found:
        return Answered(t(language, "count.cancelled_none"))
    if len(found) > COUNT_LIMIT:
        return Answered(t(language, "count.cancelled_more", count=COUNT_LIMIT,
                          meetings=lines(found[:SHOWN], language)))  # fmt: skip
    text = t(
        language, "count.cancelled", count=len(found), meetings=lines(found[:SHOWN], language)
    )
    return Answered(text, found[:SHOWN])


async def _counted(session: AsyncSession, ref: MeetingRef, request: Request) -> list[Meeting]:
    """Up to COUNT_LIMIT + 1 meetings that fit, whether still to come, past, or both."""
    now, limit = request.now, COUNT_LIMIT + 1
    if ref.is_empty() or ref == MeetingRef(relative=ref.relative):
        upcoming = (
            [] if ref.relative == "past" else await meetings.upcoming(session, now, limit=limit)
        )
        past = [] if ref.relative == "upcoming" else await meetings.past(session, now, limit=limit)
        return [*upcoming, *past]
    return await lookup.find(session, ref, now, limit=limit)


def _scope(ref: MeetingRef, language: str) -> Html:
    if replace(ref, relative=None, topic=None) == MeetingRef():
        return Html(t(language, f"scope.{ref.relative}")) if ref.relative else Html("")
    return Html(" " + describe(ref, language, style="scope"))
