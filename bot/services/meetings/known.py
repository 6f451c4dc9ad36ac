"""What to offer when the meeting asked about is not in the records: the ones that are."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings import lookup
from bot.services.meetings.answers import lines
from bot.services.request import Request
from bot.texts import Html, t


async def known_text(session: AsyncSession, request: Request) -> Html:
    known = list(await lookup.known_meetings(session, request.now))
    if not known:
        return t(request.language, "answer.no_meetings")
    return t(request.language, "answer.known_meetings", meetings=lines(known, request.language))
