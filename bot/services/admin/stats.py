"""/stats: chats, subscriptions, and per meeting its subscribers and reminders sent, failed and
missed."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.fitting import fit, shorten
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import DeliveryStatus
from storage.repositories import channels, digests, stats

TITLE_LIMIT = 80


async def show_stats(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    chats = await stats.chats_by_activity(session)
    every, single = await stats.subscriptions(session)
    digested = await digests.tally(session)
    head = [
        t(language, "admin.stats.chats", active=chats.get(True, 0), inactive=chats.get(False, 0)),
        t(language, "admin.stats.subscriptions", every=every, single=single),
        await _channels(session, language),
        t(language, "admin.stats.following", filters=await stats.filters(session), **digested),
    ]
    reminded = await stats.reminders_by_meeting(session, request.now)
    if not reminded:
        return Reply(join([*head, t(language, "admin.stats.no_reminders")]))
    head.append(t(language, "admin.stats.reminders"))
    items = [
        t(
            language,
            "admin.stats.meeting",
            id=row.meeting_id,
            title=shorten(row.title, TITLE_LIMIT),
            subscribers=row.subscribers,
            sent=row.sent,
            failed=row.failed,
            missed=row.missed,
        )
        for row in reminded
    ]
    return Reply(fit(head, items, [], t(language, "admin.stats.too_long")))


async def _channels(session: AsyncSession, language: str) -> Html:
    linked = await channels.links(session)
    posts = await channels.posts_by_status(session)
    return t(
        language,
        "admin.stats.channels",
        linked=len(linked),
        broken=sum(1 for link in linked if link.broken_at is not None),
        sent=posts.get(DeliveryStatus.SENT, 0),
        failed=posts.get(DeliveryStatus.FAILED, 0) + posts.get(DeliveryStatus.MISSED, 0),
        pending=posts.get(DeliveryStatus.PENDING, 0),
    )
