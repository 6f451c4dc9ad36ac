"""/remind and /timezone: how long before each meeting the chat is reminded, and its own zone;
typed, or chosen by a button (common offset sets; the venues' zones and the reader's)."""

from __future__ import annotations

from babel.lists import format_list
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.durations import duration_text
from bot.formatting.fitting import shorten
from bot.languages import interface
from bot.services import callbacks
from bot.services.reply import NO_TEXT, Button, Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.permissions import refused_in_group
from bot.services.subscriptions.zones import (
    UnknownZoneName,
    city_of,
    is_place_zone,
    language_zones,
    read_zone,
)
from bot.texts import Html, t
from config.offsets import MAX_MINUTES, MAX_OFFSETS, OffsetError, offsets_text, parse_offsets
from storage.repositories import chats, meetings

# Echoed input is shortened: a reply must not repeat a page of what was typed.
ECHO_LIMIT = 40
# The offset sets /remind offers as buttons, minutes before a meeting, largest first.
OFFSET_CHOICES: tuple[tuple[int, ...], ...] = (
    (1440, 60),
    (1440,),
    (60,),
    (10080, 1440),
    (1440, 180, 30),
    (30,),
)
# Venue zones /timezone offers, before those of the reader's language.
VENUE_ZONES = 6


async def set_offsets(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        return Reply(t(request.language, "remind_offsets.usage"), buttons=offset_buttons(request))
    try:
        offsets = parse_offsets(request.args)
    except OffsetError as error:
        return Reply(offset_error(error, request.language))
    return await _store_offsets(session, request, offsets)


async def offsets_pressed(
    session: AsyncSession, request: Request, minutes: tuple[int, ...]
) -> Reply:
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    if len(minutes) > MAX_OFFSETS or not all(0 < m <= MAX_MINUTES for m in minutes):
        return Reply(NO_TEXT, notice=t(request.language, "button.stale"))
    stored = await _store_offsets(session, request, tuple(sorted(set(minutes), reverse=True)))
    return Reply(stored.text, edit=True)


async def _store_offsets(
    session: AsyncSession, request: Request, offsets: tuple[int, ...]
) -> Reply:
    assert request.chat_id is not None
    await chats.set_offsets(session, request.chat_id, offsets_text(offsets), request.now)
    schedule_changed(session)
    return Reply(
        t(request.language, "remind_offsets.set", offsets=offsets_words(offsets, request.language))
    )


def offset_buttons(request: Request) -> tuple[tuple[Button, ...], ...]:
    buttons = [
        Button(
            offsets_words(choice, request.language),
            callbacks.encode(callbacks.ChooseOffsets(choice)),
        )
        for choice in OFFSET_CHOICES
    ]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


async def set_time_zone(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        buttons = await zone_buttons(session, request)
        return Reply(t(request.language, "timezone.usage"), buttons=buttons)
    try:
        zone = read_zone(request.args)
    except UnknownZoneName:
        value = shorten(request.args, ECHO_LIMIT)
        return Reply(t(request.language, "timezone.unknown", value=value))
    return await _store_zone(session, request, zone)


async def zone_pressed(session: AsyncSession, request: Request, zone: str | None) -> Reply:
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    if zone is not None and not is_place_zone(zone):
        return Reply(NO_TEXT, notice=t(request.language, "button.stale"))
    stored = await _store_zone(session, request, zone)
    return Reply(stored.text, edit=True)


async def _store_zone(session: AsyncSession, request: Request, zone: str | None) -> Reply:
    assert request.chat_id is not None
    await chats.set_time_zone(session, request.chat_id, zone, request.now)
    if zone is None:
        return Reply(t(request.language, "timezone.off"))
    return Reply(t(request.language, "timezone.set", zone=zone))


async def zone_buttons(session: AsyncSession, request: Request) -> tuple[tuple[Button, ...], ...]:
    """The venues' zones (of meetings to come first), then the reader's language's; "off"."""
    venues = await meetings.venue_zones(session, request.now, VENUE_ZONES)
    ours = language_zones(request.language, request.telegram_language)
    locale = interface(request.language).locale
    buttons = [
        Button(f"{city_of(zone, locale)} ({zone})", callbacks.encode(callbacks.ChooseZone(zone)))
        for zone in dict.fromkeys([*venues, *ours])
        if is_place_zone(zone)
    ]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    off = callbacks.encode(callbacks.ChooseZone(None))
    rows.append((Button(t(request.language, "button.zone_off"), off),))
    return tuple(rows)


def offsets_words(offsets: tuple[int, ...], language: str) -> str:
    """'1 day and 1 hour' / '1 день и 1 час': a list, so two offsets never read as one."""
    words = [duration_text(minutes, language, "before") for minutes in offsets]
    return format_list(words, locale=interface(language).locale)


def offset_error(error: OffsetError, language: str) -> Html:
    value = shorten(error.value, ECHO_LIMIT)
    reason = t(language, f"remind_offsets.error.{error.code}", value=value, limit=MAX_OFFSETS)
    return t(language, "remind_offsets.error", reason=reason)
