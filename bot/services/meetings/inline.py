"""Inline mode: `@bot <question or words>` in any chat offers up to ten meetings, each to be
inserted as its card with a deep link back to the bot; an empty query offers those to come.

The same reading as a private question (bot.understanding, bot.services.meetings.lookup and the
full-text index of /search); the handler turns the cards into Telegram's inline results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import place, when_text
from bot.languages import reading_order
from bot.services.entry import opened
from bot.services.inquiry import Inquiry
from bot.services.meetings import lookup
from bot.services.meetings.cards import card_text
from bot.services.meetings.links import meeting_link
from bot.services.meetings.subjects import on_subject
from bot.services.meetings.terms import pattern_word, search_words
from bot.services.reply import Button
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Html, join, t
from bot.understanding import Intent, detect_language, understand
from storage.models import Meeting
from storage.repositories import meetings

# Telegram shows a handful; ten is what a reader scrolls through (the API allows 50).
INLINE_LIMIT = 10
# A query longer than this is not a question (Telegram sends up to 256 characters).
QUERY_LIMIT = 256
# Room kept in a card for the deep-link line under it.
LINK_ROOM = 200


@dataclass(frozen=True)
class InlineCard:
    meeting_id: int
    title: str
    description: str
    text: Html
    buttons: tuple[tuple[Button, ...], ...]


async def inline_cards(runtime: Runtime, inquiry: Inquiry) -> list[InlineCard]:
    text = inquiry.text[:QUERY_LIMIT]
    detected = detect_language(text) if text.strip() else None
    async with opened(runtime, inquiry, args=text, detected=detected) as (session, request):
        found = await matching(session, request.args, request)
        return [_card(meeting, request) for meeting in found[:INLINE_LIMIT]]


async def matching(session: AsyncSession, text: str, request: Request) -> Sequence[Meeting]:
    """The meetings a query names, read as a question is; the upcoming ones for no query."""
    now = request.now
    if not text:
        return await meetings.upcoming(session, now, limit=INLINE_LIMIT)
    question = understand(text)
    ref = question.meeting
    if question.intent == Intent.LIST_UPCOMING and not ref.topic:
        return await meetings.upcoming(session, now, limit=INLINE_LIMIT)
    if ref.topic and replace(ref, topic=None).is_empty():
        found: Sequence[Meeting] = await on_subject(session, ref.topic, INLINE_LIMIT)
    else:
        found = await lookup.find(session, ref, now, limit=INLINE_LIMIT)
    if not found and (words := search_words(text)):
        patterns = [pattern_word(word) for word in words]
        found = await meetings.search(session, patterns, limit=INLINE_LIMIT)
    return found


def _card(meeting: Meeting, request: Request) -> InlineCard:
    language = request.language
    card = card_text(meeting, language, request.now, reserve=LINK_ROOM)
    buttons: tuple[tuple[Button, ...], ...] = ()
    if request.bot_username:
        link = meeting_link(request.bot_username, meeting.id)
        card = join([card, t(language, "card.link", link=link)])
        buttons = ((Button(t(language, "button.open_in_bot"), url=link),),)
    title = meeting.text("title", reading_order(language)) or str(meeting.id)
    description = f"{when_text(meeting, language)} · {place(meeting, language)}"
    return InlineCard(meeting.id, title, description, card, buttons)
