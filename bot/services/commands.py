"""What runs behind each public command. The Telegram handlers and `unrcca-bot ask` both
dispatch through this table, so a command behaves the same wherever it is typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import language, listings, meeting_commands, search, welcome
from bot.services.reply import Reply
from bot.services.request import Request

CommandRun = Callable[[AsyncSession, Request], Awaitable[Reply]]

PUBLIC_COMMANDS: dict[str, CommandRun] = {
    "start": welcome.start,
    "help": welcome.help_,
    "next": meeting_commands.next_meeting,
    "upcoming": listings.upcoming,
    "past": listings.past,
    "event": meeting_commands.event,
    "about": meeting_commands.about,
    "search": search.search,
    "language": language.choose_language,
}
