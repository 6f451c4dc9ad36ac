"""/subscribe, /unsubscribe, /subscriptions, /remind and /timezone: what this chat receives."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import reading_order
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.following import subscribe_filter, unsubscribe_filter
from bot.services.subscriptions.numbers import meeting_id_of
from bot.services.subscriptions.remind import SubscribeOutcome, subscribe_to_meeting
from bot.texts import t
from storage.repositories import filters, subscriptions


async def subscribe(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        added = await subscriptions.subscribe(session, request.chat_id, None, request.now)
        schedule_changed(session)
        key = "subscribe.every" if added else "subscribe.every_already"
        return Reply(t(request.language, key))
    meeting_id = meeting_id_of(request.args)
    if meeting_id is None:
        return await subscribe_filter(session, request)
    outcome, meeting = await subscribe_to_meeting(
        session, request.chat_id, meeting_id, request.now
    )
    if meeting is None or outcome == SubscribeOutcome.UNKNOWN:
        return Reply(t(request.language, "subscribe.unknown", id=meeting_id))
    title = meeting.text("title", reading_order(request.language))
    return Reply(t(request.language, f"subscribe.{outcome}", title=title, id=meeting.id))


async def unsubscribe(session: AsyncSession, request: Request) -> Reply:
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        removed = await subscriptions.unsubscribe_all(session, request.chat_id)
        removed += await filters.remove_all(session, request.chat_id)
        key = "unsubscribe.all" if removed else "unsubscribe.nothing"
        return Reply(t(request.language, key))
    meeting_id = meeting_id_of(request.args)
    if meeting_id is None:
        return await unsubscribe_filter(session, request)
    removed = await subscriptions.unsubscribe(session, request.chat_id, meeting_id)
    key = "unsubscribe.one" if removed else "unsubscribe.not_subscribed"
    return Reply(t(request.language, key, id=meeting_id))
