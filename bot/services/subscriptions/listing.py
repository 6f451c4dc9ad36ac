"""/subscriptions: what this chat receives, when, in which language and zone, with Stop buttons."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.formatting.fitting import fit
from bot.services import callbacks
from bot.services.reply import NO_TEXT, Button, Reply
from bot.services.request import Request
from bot.services.subscriptions.filter_listing import filter_buttons, filter_lines
from bot.services.subscriptions.permissions import refused_in_group
from bot.services.subscriptions.settings import offsets_words
from bot.texts import Html, t
from config.offsets import offsets_from_text
from storage.models import Meeting
from storage.repositories import chats, filters, subscriptions

# A Stop button each; Telegram shows a long keyboard badly, and /unsubscribe ID does the rest.
LISTED = 10
TITLE_LIMIT = 60


async def show_subscriptions(
    session: AsyncSession, request: Request, *, edit: bool = False
) -> Reply:
    language = request.language
    if request.chat_id is None:
        return Reply(t(language, "subscriptions.no_chat"))
    every, meetings = await subscriptions.of_chat(
        session, request.chat_id, request.now, LISTED + 1
    )
    head = [await _settings(session, request)]
    held = (await filters.of_chat(session, request.chat_id))[:LISTED]
    if not every and not meetings and not held:
        return Reply(Html("\n\n".join([*head, t(language, "subscriptions.none")])), edit=edit)
    lines = [t(language, "subscriptions.every")] if every else []
    lines += [meeting_line(m, language, title_limit=TITLE_LIMIT) for m in meetings[:LISTED]]
    lines += await filter_lines(session, held, request.now, language)
    tail = [t(language, "subscriptions.more")] if len(meetings) > LISTED else []
    text = fit(
        [*head, t(language, "subscriptions.header")], lines, tail, t(language, "listing.shortened")
    )
    buttons = _stop_buttons(every, meetings[:LISTED], language) + filter_buttons(held, language)
    return Reply(text, buttons=buttons, edit=edit)


async def stop_from_list(session: AsyncSession, request: Request, meeting_id: int | None) -> Reply:
    """A Stop button of the list: the subscription ends and the list is shown again."""
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    removed = await subscriptions.unsubscribe(session, request.chat_id, meeting_id)
    reply = await show_subscriptions(session, request, edit=True)
    key = "remind.stopped" if removed else "remind.not_subscribed"
    return Reply(reply.text, buttons=reply.buttons, edit=True, notice=t(request.language, key))


async def stop_filter_from_list(session: AsyncSession, request: Request, filter_id: int) -> Reply:
    """A filter's Stop button: the chat no longer follows it; the list is shown again."""
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    removed = await filters.remove(session, request.chat_id, filter_id)
    reply = await show_subscriptions(session, request, edit=True)
    key = "follow.stopped" if removed else "follow.stopped_already"
    return Reply(reply.text, buttons=reply.buttons, edit=True, notice=t(request.language, key))


async def _settings(session: AsyncSession, request: Request) -> Html:
    assert request.chat_id is not None
    chat = await chats.get(session, request.chat_id)
    stored = chat.reminder_offsets if chat is not None else None
    offsets = offsets_from_text(stored) if stored else request.default_offsets
    zone = request.time_zone or t(request.language, "subscriptions.venue_zone")
    return t(
        request.language,
        "subscriptions.settings",
        offsets=offsets_words(offsets, request.language),
        reader_language=t(request.language, "language.name"),
        zone=zone,
    )


def _stop_buttons(
    every: bool, meetings: Sequence[Meeting], language: str
) -> tuple[tuple[Button, ...], ...]:
    rows = []
    if every:
        data = callbacks.encode(callbacks.Stop(None, from_list=True))
        rows.append((Button(t(language, "button.stop_every"), data),))
    for meeting in meetings:
        data = callbacks.encode(callbacks.Stop(meeting.id, from_list=True))
        rows.append((Button(t(language, "button.stop_one", id=meeting.id), data),))
    return tuple(rows)
