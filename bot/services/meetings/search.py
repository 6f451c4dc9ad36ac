"""/search: meetings whose title, city, country or summary hold the words, typos forgiven.

At most two limited queries: every corrected word, then (when that finds nothing) only the
words recognised as places or domain words, so one odd word does not hide every result.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.formatting.fitting import fit
from bot.services.meetings.listings import TITLE_LIMIT
from bot.services.meetings.terms import is_known, pattern_word, search_words, shown
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import Meeting
from storage.repositories import meetings

RESULT_LIMIT = 10


async def search(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    words = search_words(request.args)
    if not words:
        return Reply(t(language, "search.usage"))
    found = await _find(session, words)
    query = " ".join(shown(word, language) for word in words)
    if not found:
        return Reply(t(language, "search.nothing", query=query))
    return Reply(_results(found, query, language))


async def _find(session: AsyncSession, words: list[str]) -> Sequence[Meeting]:
    patterns = [pattern_word(word) for word in words]
    found = await meetings.search(session, patterns, limit=RESULT_LIMIT + 1)
    known = [pattern_word(word) for word in words if is_known(word)]
    if not found and known and known != patterns:
        found = await meetings.search(session, known, limit=RESULT_LIMIT + 1)
    return found


def _results(found: Sequence[Meeting], query: str, language: str) -> Html:
    lines = [meeting_line(m, language, title_limit=TITLE_LIMIT) for m in found[:RESULT_LIMIT]]
    head = [t(language, "search.results", query=query)]
    tail = [t(language, "search.more", count=RESULT_LIMIT)] if len(found) > RESULT_LIMIT else []
    return fit(head, lines, tail, t(language, "listing.shortened"))
