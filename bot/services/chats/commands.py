"""The chat's own commands: /start, /help and /language."""

from __future__ import annotations

from bot.services.chats import language, welcome
from bot.services.request import CommandRun

COMMANDS: dict[str, CommandRun] = {
    "start": welcome.start,
    "help": welcome.help_,
    "language": language.choose_language,
}
