"""/next, /event and /about."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.callbacks import MAX_NUMBER
from bot.services.documents.listing import with_documents
from bot.services.meetings.cards import card_reply, card_text, chat_card_buttons
from bot.services.meetings.centre import centre_answer
from bot.services.numbers import is_number, parse_number
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.repositories import meetings

INTRO_ROOM = 200


async def next_meeting(session: AsyncSession, request: Request) -> Reply:
    """The next scheduled meeting; when none is, the most recent one, said to be past."""
    language, now = request.language, request.now
    found = await meetings.next_scheduled(session, now)
    if found is not None:
        shown = await card_reply(session, found, request)
        return await with_documents(session, shown, found, language)
    latest = await meetings.latest_before(session, now)
    if latest is None:
        return Reply(t(language, "next.no_meetings"))
    # The card goes inside a sentence, which needs room of its own.
    card = card_text(latest, language, now, reserve=INTRO_ROOM, reader_zone=request.time_zone)
    text = t(language, "next.none_scheduled", card=card)
    return Reply(text, buttons=await chat_card_buttons(session, latest, request))


async def event(session: AsyncSession, request: Request) -> Reply:
    language, value = request.language, request.args.strip()
    if not value:
        return Reply(t(language, "event.no_id"))
    if not is_number(value):
        return Reply(t(language, "event.bad_id", value=value[:50]))
    # A number too big for an id cannot be one; it must not reach the query either.
    meeting_id = parse_number(value, high=MAX_NUMBER)
    found = await meetings.get(session, meeting_id) if meeting_id else None
    if found is None:
        return Reply(t(language, "event.unknown", id=value[:20]))
    shown = await card_reply(session, found, request)
    return await with_documents(session, shown, found, language)


async def about(session: AsyncSession, request: Request) -> Reply:
    return await centre_answer(session, "about", request.language)
