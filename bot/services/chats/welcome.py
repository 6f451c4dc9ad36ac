"""/start and /help; an admin, in their private chat, also reads the admin commands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin.access import is_admin
from bot.services.meetings.cards import card_reply
from bot.services.meetings.links import OpenMeeting, SubscribeEvery, read_payload
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.subscriptions.commands import subscribe
from bot.services.subscriptions.permissions import refused_in_group
from bot.texts import Html, join, t
from storage.repositories import meetings

if TYPE_CHECKING:
    from bot.services.commands import Audience


async def start(session: AsyncSession, request: Request) -> Reply:
    """The greeting; with a deep link's payload, what the link asks for instead."""
    match read_payload(request.args):
        case OpenMeeting(meeting_id):
            return await _open_meeting(session, request, meeting_id)
        case SubscribeEvery():
            refused = refused_in_group(request)
            return refused or await subscribe(session, replace(request, args=""))
    name = f", {request.user_name}" if request.user_name else ""
    help_text = await _help_for(session, request)
    return Reply(t(request.language, "start.greeting", name=name, help=help_text))


async def _open_meeting(session: AsyncSession, request: Request, meeting_id: int) -> Reply:
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return Reply(t(request.language, "event.unknown", id=meeting_id))
    return await card_reply(session, meeting, request)


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
