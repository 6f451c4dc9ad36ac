"""/upcoming and /past: the meetings a page at a time, with buttons to turn the pages.

A page costs two indexed queries (a count and one page with a limit), whatever the archive holds.
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
from bot.texts import t
from storage.models import Meeting
from storage.repositories import meetings

PAGE_SIZE = 5
# Titles run to 200 characters; a list line needs only enough to recognise the meeting.
TITLE_LIMIT = 120

Count = Callable[[AsyncSession, datetime], Awaitable[int]]
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
    total = await count(session, now)
    if total == 0:
        return Reply(t(language, f"listing.{listing}.empty"), edit=edit)
    pages = -(-total // PAGE_SIZE)
    page = min(max(page, 1), pages)
    found = await fetch(session, now, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    lines = [meeting_line(meeting, language, title_limit=TITLE_LIMIT) for meeting in found]
    head = [t(language, f"listing.{listing}.header")]
    tail = [t(language, "listing.page", page=page, pages=pages)] if pages > 1 else []
    text = fit(head, lines, tail, t(language, "listing.shortened"))
    return Reply(text, buttons=_pager(listing, page, pages, language), edit=edit)


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
