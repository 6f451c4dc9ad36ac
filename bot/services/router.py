"""Where a public message or button press goes: the one dispatch both Telegram and
`unrcca-bot ask` use, so a command behaves the same wherever it is typed.

A command is looked up in the command table (bot.services.commands), which says who may run
it; a message that is no command is a question. Every call runs in one transaction
(bot.services.entry).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import callbacks
from bot.services.admin.entry import dialog_reply
from bot.services.calendars.buttons import calendar_reply
from bot.services.callbacks import (
    Calendar,
    ChooseLanguage,
    ChooseOffsets,
    ChooseZone,
    Fetch,
    Forget,
    Page,
    Remind,
    Stop,
    StopFilter,
)
from bot.services.chats.language import language_pressed
from bot.services.chats.privacy import forget_pressed
from bot.services.commands import CommandText, command_named, parse_command
from bot.services.documents.listing import document_pressed
from bot.services.entry import opened, run_command
from bot.services.inquiry import Inquiry
from bot.services.meetings.answering import answer_question
from bot.services.meetings.listings import page_reply
from bot.services.reply import Reply, stale_button
from bot.services.request import look_at, request_for
from bot.services.runtime import Runtime
from bot.services.subscriptions.listing import stop_filter_from_list, stop_from_list
from bot.services.subscriptions.remind import remind_pressed, stop_every_pressed, stop_pressed
from bot.services.subscriptions.settings import offsets_pressed, zone_pressed
from bot.texts import t
from bot.understanding import detect_language
from storage.repositories.arrivals import Arrival

# A question longer than this is not a question; answering it would only cost time.
MAX_QUESTION_LENGTH = 1000


async def respond(runtime: Runtime, inquiry: Inquiry) -> Reply:
    """A message: an answer in the admin's guided dialog, a command, or a question; one
    transaction, whichever it is."""
    typed = parse_command(inquiry.text)
    async with runtime.transaction() as session:
        name = typed.name if typed else None
        arrival = await look_at(session, inquiry)
        if (in_dialog := await dialog_reply(session, runtime, inquiry, name, arrival)) is not None:
            return in_dialog
        if typed is not None:
            return await _command(session, runtime, inquiry, typed, arrival)
        return await _question(session, runtime, inquiry, arrival)


async def _command(
    session: AsyncSession, runtime: Runtime, inquiry: Inquiry, typed: CommandText, arrival: Arrival
) -> Reply:
    command = command_named(typed.name)
    worded = command is not None and command.worded and inquiry.language is None
    detected = detect_language(typed.args) if worded else None
    request = await request_for(session, runtime, inquiry, typed.args, detected, arrival)
    if command is None or command.run is None:
        return Reply(t(request.language, "fallback.unknown_command", command=typed.name))
    return await run_command(session, request, command)


async def _question(
    session: AsyncSession, runtime: Runtime, inquiry: Inquiry, arrival: Arrival
) -> Reply:
    detected = detect_language(inquiry.text)
    request = await request_for(session, runtime, inquiry, detected=detected, arrival=arrival)
    if len(inquiry.text) > MAX_QUESTION_LENGTH:
        return Reply(t(request.language, "fallback.too_long", length=len(inquiry.text)))
    return await answer_question(session, request)


async def press(runtime: Runtime, inquiry: Inquiry) -> Reply:
    """A public button: `inquiry.text` is its data, decoded strictly (bot.services.callbacks)."""
    async with opened(runtime, inquiry) as (session, request):
        language, now = request.language, request.now
        match callbacks.decode(inquiry.text):
            case Page(listing, page):
                return await page_reply(session, listing, page, language, now)
            case Calendar(meeting_id):
                return await calendar_reply(session, meeting_id, language)
            case Remind(meeting_id) if request.chat_id is not None:
                return await remind_pressed(session, request, meeting_id)
            case Stop(meeting_id, from_list=True) if request.chat_id is not None:
                return await stop_from_list(session, request, meeting_id)
            case Stop(int(meeting_id)) if request.chat_id is not None:
                return await stop_pressed(session, request, meeting_id)
            case Stop(None) if request.chat_id is not None:
                return await stop_every_pressed(session, request)
            case StopFilter(filter_id) if request.chat_id is not None:
                return await stop_filter_from_list(session, request, filter_id)
            case ChooseLanguage(code):
                return await language_pressed(session, request, code)
            case ChooseOffsets(minutes) if request.chat_id is not None:
                return await offsets_pressed(session, request, minutes)
            case ChooseZone(zone) if request.chat_id is not None:
                return await zone_pressed(session, request, zone)
            case Forget() if request.chat_id is not None:
                return await forget_pressed(session, request)
            case Fetch(document_id):
                return await document_pressed(session, document_id, language)
        return stale_button(language)
