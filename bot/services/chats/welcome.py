"""/start and /help."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.chats.menu import MENU
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, join, t


async def start(session: AsyncSession, request: Request) -> Reply:
    name = f", {request.user_name}" if request.user_name else ""
    help_text = help_body(request.language)
    return Reply(t(request.language, "start.greeting", name=name, help=help_text))


async def help_(session: AsyncSession, request: Request) -> Reply:
    return Reply(help_body(request.language))


def help_body(language: str) -> Html:
    lines = [
        t(language, "help.command_line", command=name, description=t(language, f"command.{name}"))
        for name in MENU
    ]
    return t(language, "help.body", commands=join(lines))
