"""The "Remind me" and "Stop reminding" buttons under a meeting card.

`subscribe_to_meeting` holds the rule (which meetings a chat may subscribe to) and takes plain
values, so a command, a button and a job all use it; the replies are built apart from it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from babel.lists import format_list
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import when_text
from bot.formatting.dates import locale_for
from bot.languages import reading_order
from bot.services import callbacks
from bot.services.documents.listing import meeting_document_buttons
from bot.services.meetings.cards import card_buttons, chat_card_buttons
from bot.services.reply import NO_TEXT, Button, Reply, unknown_meeting
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.permissions import refused_in_group
from bot.texts import t
from storage.models import Meeting, MeetingStatus
from storage.repositories import followers, meetings, subscriptions
from storage.repositories.followers import Following


class SubscribeOutcome(enum.StrEnum):
    SUBSCRIBED = "subscribed"
    ALREADY = "already"
    CANCELLED = "cancelled"
    PAST = "past"
    UNKNOWN = "unknown"


async def subscribe_to_meeting(
    session: AsyncSession, chat_id: int, meeting_id: int, now: datetime
) -> tuple[SubscribeOutcome, Meeting | None]:
    """Subscribe the chat to one meeting still to come; the outcome and the meeting."""
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return SubscribeOutcome.UNKNOWN, None
    if meeting.status == MeetingStatus.CANCELLED:
        return SubscribeOutcome.CANCELLED, meeting
    if meeting.starts_at < now:
        return SubscribeOutcome.PAST, meeting
    added = await subscriptions.subscribe(session, chat_id, meeting.id, now)
    # A reminder may be due for it at once: the scheduler looks now, not at its next sweep.
    schedule_changed(session)
    return (SubscribeOutcome.SUBSCRIBED if added else SubscribeOutcome.ALREADY), meeting


async def remind_pressed(session: AsyncSession, request: Request, meeting_id: int) -> Reply:
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    language = request.language
    if await followers.following(session, request.chat_id, meeting_id) == Following.EVERY:
        return await _follows_every(session, request, meeting_id, "remind.every_already")
    outcome, meeting = await subscribe_to_meeting(
        session, request.chat_id, meeting_id, request.now
    )
    if meeting is None:
        return unknown_meeting(language)
    if outcome in (SubscribeOutcome.CANCELLED, SubscribeOutcome.PAST):
        return Reply(NO_TEXT, notice=t(language, f"remind.{outcome}"))
    stop = card_buttons(
        meeting, language, request.now, Following.MEETING, bot_username=request.bot_username
    )
    if outcome == SubscribeOutcome.ALREADY:
        # No second message: the card's own button turns into "Stop reminding"; its document
        # buttons stay.
        documents = await meeting_document_buttons(session, meeting.id)
        return Reply(
            NO_TEXT,
            buttons=(*stop, *documents),
            edit_buttons=True,
            notice=t(language, "remind.already"),
        )
    when = when_text(meeting, language, request.time_zone)
    text = t(
        language,
        "remind.subscribed",
        title=meeting.text("title", reading_order(language)),
        when=when,
    )
    return Reply(text, buttons=stop, notice=t(language, "remind.notice"))


async def stop_pressed(session: AsyncSession, request: Request, meeting_id: int) -> Reply:
    """Under a card or a reminder: the chat stops, and the button turns back into "Remind me"."""
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    removed = await subscriptions.unsubscribe(session, request.chat_id, meeting_id)
    still = await followers.following(session, request.chat_id, meeting_id)
    if still == Following.EVERY:
        # Its own subscription (if any) is gone, yet the chat is still reminded: it follows
        # every meeting. Said plainly, with the one button that stops it.
        return await _follows_every(session, request, meeting_id, "remind.still_every")
    if still == Following.FILTER:
        return await _follows_by_filter(session, request, meeting_id)
    notice = t(request.language, "remind.stopped" if removed else "remind.not_subscribed")
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return Reply(NO_TEXT, notice=notice)
    # The card's buttons again, "Remind me" instead of "Stop", its document buttons kept.
    buttons = await chat_card_buttons(session, meeting, request)
    documents = await meeting_document_buttons(session, meeting.id)
    return Reply(NO_TEXT, buttons=(*buttons, *documents), edit_buttons=True, notice=notice)


async def stop_every_pressed(session: AsyncSession, request: Request) -> Reply:
    """ "Stop all reminders", offered when a chat that follows every meeting stops one."""
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    removed = await subscriptions.unsubscribe_all(session, request.chat_id)
    key = "unsubscribe.all" if removed else "unsubscribe.nothing"
    return Reply(t(request.language, key), edit=True, notice=t(request.language, key))


async def _follows_every(
    session: AsyncSession, request: Request, meeting_id: int, key: str
) -> Reply:
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return unknown_meeting(request.language)
    language = request.language
    title = meeting.text("title", reading_order(language))
    stop_every = callbacks.encode(callbacks.Stop(None))
    button = Button(t(language, "button.stop_every"), stop_every)
    return Reply(
        t(language, key, title=title),
        buttons=((button,),),
        notice=t(language, "remind.follows_every"),
    )


async def _follows_by_filter(session: AsyncSession, request: Request, meeting_id: int) -> Reply:
    """Still reminded: a filter of the chat matches the meeting. Said, with how to stop it."""
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return unknown_meeting(request.language)
    language = request.language
    labels = await followers.matching_filters(session, request.chat_id or 0, meeting_id)
    text = t(
        language,
        "remind.still_filter",
        title=meeting.text("title", reading_order(language)),
        filters=format_list([f"«{label}»" for label in labels], locale=locale_for(language)),
        first=labels[0],
    )
    return Reply(text, notice=t(language, "remind.follows_filter"))
