"""/start and /help; an admin, in their private chat, also reads the admin commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin.access import is_admin
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, join, t

if TYPE_CHECKING:
    from bot.services.commands import Audience


async def start(session: AsyncSession, request: Request) -> Reply:
    name = f", {request.user_name}" if request.user_name else ""
    help_text = await _help_for(session, request)
    return Reply(t(request.language, "start.greeting", name=name, help=help_text))


async def help_(session: AsyncSession, request: Request) -> Reply:
    return Reply(await _help_for(session, request))


def help_body(language: str) -> Html:
    return t(language, "help.body", commands=command_lines(language, _menu("public")))


def admin_help(language: str) -> Html:
    return t(language, "help.admin", commands=command_lines(language, _menu("admin")))


def _menu(audience: Audience) -> tuple[str, ...]:
    # Imported here: the command table names /help itself, so it imports this module first.
    from bot.services.commands import menu

    return menu(audience)


def command_lines(language: str, names: Iterable[str]) -> Html:
    return join(
        [
            t(
                language,
                "help.command_line",
                command=name,
                description=t(language, f"command.{name}"),
            )
            for name in names
        ]
    )


async def _help_for(session: AsyncSession, request: Request) -> Html:
    body = help_body(request.language)
    # In a group the admin section would be read by everyone; it is for the admin's own chat.
    private = request.chat_id is not None and request.chat_id == request.user_id
    if private and await is_admin(session, request.user_id):
        return Html(body + admin_help(request.language))
    return body
