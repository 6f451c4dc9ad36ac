"""/subscribe, /unsubscribe, /subscriptions, /remind and /timezone: what this chat receives."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reply import Reply
from bot.services.request import CommandRun, Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions import listing, settings
from bot.services.subscriptions.numbers import meeting_id_of
from bot.services.subscriptions.permissions import refused_in_group
from bot.services.subscriptions.remind import Outcome, subscribe_to_meeting
from bot.texts import t
from storage.repositories import subscriptions


async def subscribe(session: AsyncSession, request: Request) -> Reply:
    if (refusal := refused_in_group(request)) or request.chat_id is None:
        return refusal or Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        added = await subscriptions.subscribe(session, request.chat_id, None, request.now)
        schedule_changed(session)
        key = "subscribe.every" if added else "subscribe.every_already"
        return Reply(t(request.language, key))
    meeting_id = meeting_id_of(request.args)
    if meeting_id is None:
        return Reply(t(request.language, "subscribe.bad_id", value=request.args[:30]))
    outcome, meeting = await subscribe_to_meeting(
        session, request.chat_id, meeting_id, request.now
    )
    if meeting is None or outcome == Outcome.UNKNOWN:
        return Reply(t(request.language, "subscribe.unknown", id=meeting_id))
    title = meeting.text("title", request.language)
    return Reply(t(request.language, f"subscribe.{outcome}", title=title, id=meeting.id))


async def unsubscribe(session: AsyncSession, request: Request) -> Reply:
    if (refusal := refused_in_group(request)) or request.chat_id is None:
        return refusal or Reply(t(request.language, "subscriptions.no_chat"))
    if not request.args:
        removed = await subscriptions.unsubscribe_all(session, request.chat_id)
        key = "unsubscribe.all" if removed else "unsubscribe.nothing"
        return Reply(t(request.language, key))
    meeting_id = meeting_id_of(request.args)
    if meeting_id is None:
        return Reply(t(request.language, "unsubscribe.bad_id", value=request.args[:30]))
    removed = await subscriptions.unsubscribe(session, request.chat_id, meeting_id)
    key = "unsubscribe.one" if removed else "unsubscribe.not_subscribed"
    return Reply(t(request.language, key, id=meeting_id))


COMMANDS: dict[str, CommandRun] = {
    "subscribe": subscribe,
    "unsubscribe": unsubscribe,
    "subscriptions": listing.show_subscriptions,
    "remind": settings.set_offsets,
    "timezone": settings.set_time_zone,
}
