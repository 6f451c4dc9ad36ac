"""/upcoming and /past: the meetings a page at a time, with buttons to turn the pages.

A page costs two indexed queries with a limit, whatever the archive holds: a count that stops a
few pages past the one shown (further on, the page line says "more than"), and the page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.formatting.fitting import fit
from bot.services import callbacks
from bot.services.callbacks import Listing
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import Meeting
from storage.repositories import meetings

PAGE_SIZE = 5
# Titles run to 200 characters; a list line needs only enough to recognise the meeting.
TITLE_LIMIT = 120
# How many pages past the one shown are counted; the rest is "more than".
PAGES_AHEAD = 20

Count = Callable[[AsyncSession, datetime, int | None], Awaitable[int]]
Fetch = Callable[..., Awaitable[Sequence[Meeting]]]
SOURCES: dict[Listing, tuple[Count, Fetch]] = {
    "upcoming": (meetings.count_upcoming, meetings.upcoming),
    "past": (meetings.count_past, meetings.past),
}


async def upcoming(session: AsyncSession, request: Request) -> Reply:
    return await page_reply(session, "upcoming", 1, request.language, request.now, edit=False)


async def past(session: AsyncSession, request: Request) -> Reply:
    return await page_reply(session, "past", 1, request.language, request.now, edit=False)


async def page_reply(
    session: AsyncSession,
    listing: Listing,
    page: int,
    language: str,
    now: datetime,
    *,
    edit: bool = True,
) -> Reply:
    """One page; a page number past the end (meetings were removed) shows the last page."""
    count, fetch = SOURCES[listing]
    page = max(page, 1)
    at_most = (page + PAGES_AHEAD) * PAGE_SIZE + 1
    total = await count(session, now, at_most)
    if total == 0:
        return Reply(t(language, f"listing.{listing}.empty"), edit=edit)
    pages = -(-min(total, at_most - 1) // PAGE_SIZE)
    page = min(page, pages)
    found = await fetch(session, now, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    lines = [meeting_line(meeting, language, title_limit=TITLE_LIMIT) for meeting in found]
    head = [t(language, f"listing.{listing}.header")]
    text = fit(head, lines, _page_line(page, pages, total >= at_most, language),
               t(language, "listing.shortened"))  # fmt: skip
    return Reply(text, buttons=_pager(listing, page, pages, language), edit=edit)


def _page_line(page: int, pages: int, uncounted: bool, language: str) -> list[Html]:
    if uncounted:
        return [t(language, "listing.page_of_more", page=page, pages=pages)]
    return [t(language, "listing.page", page=page, pages=pages)] if pages > 1 else []


def _pager(
    listing: Listing, page: int, pages: int, language: str
) -> tuple[tuple[Button, ...], ...]:
    row = []
    if page > 1:
        data = callbacks.encode(callbacks.Page(listing, page - 1))
        row.append(Button(t(language, "button.previous"), data))
    if page < pages:
        data = callbacks.encode(callbacks.Page(listing, page + 1))
        row.append(Button(t(language, "button.next"), data))
    return (tuple(row),) if row else ()
