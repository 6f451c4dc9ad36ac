"""One meeting as a reply: its card, with the buttons that make sense for it now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_card
from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.languages import reading_order
from bot.services import callbacks
from bot.services.meetings.links import share_link
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import Meeting, MeetingStatus
from storage.repositories import followers
from storage.repositories.followers import Following

# However long the rest of a card, its summary keeps at least this much.
MIN_SUMMARY = 200


async def card_reply(session: AsyncSession, meeting: Meeting, request: Request) -> Reply:
    """The card for the request's chat: its reminder button says whether the chat follows the
    meeting, and a share button carries the meeting's deep link."""
    language, now = request.language, request.now
    text = card_text(meeting, language, now, reader_zone=request.time_zone)
    return Reply(text, buttons=await chat_card_buttons(session, meeting, request))


async def chat_card_buttons(
    session: AsyncSession, meeting: Meeting, request: Request
) -> tuple[tuple[Button, ...], ...]:
    following = Following.NOT
    if request.chat_id is not None:
        following = await followers.following(session, request.chat_id, meeting.id)
    return card_buttons(
        meeting, request.language, request.now, following, bot_username=request.bot_username
    )


def card_text(
    meeting: Meeting,
    language: str,
    now: datetime,
    reserve: int = 0,
    reader_zone: str | None = None,
) -> Html:
    """The card, its summary shortened when it and `reserve` more would not fit in a message;
    times also on the reader's clock when they chose a zone (/timezone)."""
    text = meeting_card(meeting, language, now, reader_zone=reader_zone)
    overflow = length(text) + reserve - MESSAGE_LIMIT
    if overflow <= 0:
        return text
    summary = meeting.text("summary", reading_order(language)) or ""
    limit = max(len(summary) - overflow - 1, MIN_SUMMARY)
    return meeting_card(meeting, language, now, summary_limit=limit, reader_zone=reader_zone)


def card_buttons(
    meeting: Meeting,
    language: str,
    now: datetime,
    following: Following = Following.NOT,
    *,
    bot_username: str | None = None,
) -> tuple[tuple[Button, ...], ...]:
    """Reminders only for what is still to come ("Stop reminding" when the chat follows it, in
    whatever way); a calendar entry for any meeting that happens; a share button when the bot's
    username is known."""
    share = share_row(meeting, language, bot_username)
    if meeting.status == MeetingStatus.CANCELLED:
        return share
    buttons = []
    if meeting.starts_at >= now:
        if following == Following.NOT:
            reminder = Button(
                t(language, "button.remind"), callbacks.encode(callbacks.Remind(meeting.id))
            )
        else:
            stop = callbacks.encode(callbacks.Stop(meeting.id))
            reminder = Button(t(language, "button.stop_reminding"), stop)
        buttons.append(reminder)
    calendar = callbacks.encode(callbacks.Calendar(meeting.id))
    buttons.append(Button(t(language, "button.calendar"), calendar))
    return (tuple(buttons), *share)


def share_row(
    meeting: Meeting, language: str, bot_username: str | None
) -> tuple[tuple[Button, ...], ...]:
    if bot_username is None:
        return ()
    title = meeting.text("title", reading_order(language)) or ""
    url = share_link(bot_username, meeting.id, title)
    return ((Button(t(language, "button.share"), url=url),),)
