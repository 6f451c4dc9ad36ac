"""/remind and /timezone: how long before each meeting the chat is reminded, and its own zone."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.durations import duration_text
from bot.formatting.fitting import shorten
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.zones import UnknownZoneName, read_zone
from bot.texts import Html, t
from config.offsets import MAX_OFFSETS, OffsetError, offsets_text, parse_offsets
from storage.repositories import chats

# Echoed input is shortened: a reply must not repeat a page of what was typed.
ECHO_LIMIT = 40


async def set_offsets(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    try:
        offsets = parse_offsets(request.args)
    except OffsetError as error:
        return Reply(offset_error(error, request.language))
    await chats.set_offsets(session, request.chat_id, offsets_text(offsets), request.now)
    schedule_changed(session)
    return Reply(
        t(request.language, "remind_offsets.set", offsets=offsets_words(offsets, request.language))
    )


async def set_time_zone(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        return Reply(t(request.language, "timezone.usage"))
    try:
        zone = read_zone(request.args)
    except UnknownZoneName:
        value = shorten(request.args, ECHO_LIMIT)
        return Reply(t(request.language, "timezone.unknown", value=value))
    await chats.set_time_zone(session, request.chat_id, zone, request.now)
    if zone is None:
        return Reply(t(request.language, "timezone.off"))
    return Reply(t(request.language, "timezone.set", zone=zone))


def offsets_words(offsets: tuple[int, ...], language: str) -> str:
    """'1 day, 1 hour' / '1 день, 1 час'."""
    return ", ".join(duration_text(minutes, language, "before") for minutes in offsets)


def offset_error(error: OffsetError, language: str) -> Html:
    value = shorten(error.value, ECHO_LIMIT)
    reason = t(language, f"remind_offsets.error.{error.code}", value=value, limit=MAX_OFFSETS)
    return t(language, "remind_offsets.error", reason=reason)
