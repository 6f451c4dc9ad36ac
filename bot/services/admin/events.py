"""/events: every meeting with its id, cancelled ones too, ten a page."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.services.callbacks import admin_data
from bot.services.numbers import parse_number
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import join, t
from storage.repositories import meetings

# A line is at most about 370 characters (a 90-character title, a 200-character city and
# country), so ten of them stay below Telegram's 4,096.
PAGE_SIZE = 10
TITLE_LIMIT = 90
# A page past the last one shows the last; a number this long is not meant as a page at all.
MAX_PAGE = 10**6


async def list_events(session: AsyncSession, request: Request) -> Reply:
    page = parse_number(request.args, high=MAX_PAGE) if request.args.strip() else 1
    if page is None:
        return Reply(t(request.language, "admin.error.bad_page", limit=MAX_PAGE))
    return await events_page(session, request, page)


async def events_page(session: AsyncSession, request: Request, page: int) -> Reply:
    total = await meetings.count_all(session)
    if total == 0:
        return Reply(t(request.language, "admin.events.empty"))
    pages = -(-total // PAGE_SIZE)
    page = min(page, pages)
    found = await meetings.page(session, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    lines = [t(request.language, "admin.events.header", page=page, pages=pages, count=total)]
    lines += [meeting_line(m, request.language, title_limit=TITLE_LIMIT) for m in found]
    return Reply(join(lines), buttons=_pager(request.language, page, pages))


def _pager(language: str, page: int, pages: int) -> tuple[tuple[Button, ...], ...]:
    row = []
    if page > 1:
        row.append(Button(t(language, "admin.button.previous"), admin_data("ev", page - 1)))
    if page < pages:
        row.append(Button(t(language, "admin.button.next"), admin_data("ev", page + 1)))
    return (tuple(row),) if row else ()
