"""/calendar: the organisation's feed and the chat's own, as links calendar apps subscribe to;
`/calendar reset` revokes the chat's link. And the chat's own feed, built when it is asked for:
only the meetings the chat follows (storage.repositories.followers), with alarms at its
reminder offsets."""

from __future__ import annotations

import asyncio
from urllib.parse import quote, urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.export import FEED_REFRESH
from bot.services.calendars.file import FeedHeader, calendar_bytes
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import as_language, t
from config.offsets import offsets_from_text
from storage.repositories import documents, feeds, followers

ORGANISATION_PATH = "/calendar.ics"
PERSONAL_PATH = "/calendar/{token}.ics"
# Google Calendar's page that subscribes to a calendar by its URL.
GOOGLE_ADD = "https://calendar.google.com/calendar/r?cid={url}"
RESET_WORDS = frozenset({"reset", "new", "сброс", "сбросить", "новая", "новый"})


async def calendar(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    if request.public_base_url is None:
        return Reply(t(language, "calendar.links.unset"))
    if request.chat_id is None:
        return Reply(t(language, "subscriptions.no_chat"))
    words = request.args.casefold().split()
    if words and words[0] not in RESET_WORDS:
        return Reply(t(language, "calendar.links.bad_args", value=request.args[:30]))
    if words:
        token = await feeds.reset(session, request.chat_id, request.now)
    else:
        token = await feeds.token_of(session, request.chat_id, request.now)
    base = request.public_base_url
    organisation, personal = _webcal(base, ORGANISATION_PATH), _webcal(base, _personal(token))
    key = "calendar.links.reset" if words else "calendar.links"
    text = t(language, key, organisation=organisation, personal=personal)
    buttons = (
        (Button(t(language, "button.google_all"), url=_google(organisation)),),
        (Button(t(language, "button.google_own"), url=_google(personal)),),
    )
    return Reply(text, buttons=buttons)


async def personal_feed(
    session: AsyncSession, token: str, default_offsets: tuple[int, ...], default_language: str
) -> bytes | None:
    """The feed a token opens; None when no chat has that token (revoked, or never made)."""
    chat = await feeds.chat_of(session, token)
    if chat is None:
        return None
    followed = await followers.meetings_followed(session, chat.id)
    language = as_language(chat.language) or as_language(chat.seen_language) or default_language
    offsets = offsets_from_text(chat.reminder_offsets) if chat.reminder_offsets else None
    alarms = tuple(offsets or default_offsets)
    header = FeedHeader(t(language, "calendar.feed.own_name"), FEED_REFRESH, alarms)
    links = await documents.links(session)
    return await asyncio.to_thread(calendar_bytes, followed, language, header, links)


def _personal(token: str) -> str:
    return PERSONAL_PATH.format(token=token)


def _webcal(base: str, path: str) -> str:
    """The feed's webcal:// link, which calendar apps take as "subscribe to this"."""
    parts = urlsplit(base)
    return f"webcal://{parts.netloc}{parts.path.rstrip('/')}{path}"


def _google(url: str) -> str:
    return GOOGLE_ADD.format(url=quote(url, safe=""))
