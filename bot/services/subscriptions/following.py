"""/subscribe and /unsubscribe with words: following the meetings a filter matches (a country,
a city, a series, a kind of meeting, a topic), those added later too."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.filters import FilterSpec, Unknown, read_filter
from bot.services.subscriptions.matching import match_new_filter
from bot.texts import Html, t
from storage.repositories import filters


async def subscribe_filter(session: AsyncSession, request: Request) -> Reply:
    assert request.chat_id is not None
    spec = await read_filter(session, request.args)
    if isinstance(spec, Unknown):
        return Reply(_unknown(spec, request.language))
    made = await filters.add(
        session, request.chat_id, spec.kind, spec.value, spec.label, request.now
    )
    if made is None:
        return Reply(t(request.language, "follow.already", label=spec.label))
    count = await match_new_filter(session, made, request.now)
    schedule_changed(session)
    kind = t(request.language, f"follow.kind.{spec.kind}")
    return Reply(t(request.language, "follow.added", label=spec.label, kind=kind, count=count))


async def unsubscribe_filter(session: AsyncSession, request: Request) -> Reply:
    assert request.chat_id is not None
    spec = await read_filter(session, request.args)
    if isinstance(spec, FilterSpec) and await filters.remove_by_value(
        session, request.chat_id, spec.kind, spec.value
    ):
        return Reply(t(request.language, "follow.removed", label=spec.label))
    return Reply(t(request.language, "follow.not_following", label=request.args[:60]))


def _unknown(spec: Unknown, language: str) -> Html:
    if not spec.suggestions:
        return t(language, "follow.unknown", words=spec.words)
    closest = ", ".join(spec.suggestions)
    return t(language, "follow.unknown_closest", words=spec.words, closest=closest)
