"""The one way in for every message, command and button press.

`opened` starts the update's transaction and reads the request (the chat remembered, the
reader's language chosen, the clock read); `refused_unless_admin` is the admin check every admin
entry point makes before anything else runs: a non-admin is answered politely, nothing changes,
and the attempt is logged. `run_command` makes the checks the command table declares.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import InterfaceLanguage
from bot.services.admin.access import is_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request, request_for
from bot.services.runtime import Runtime
from bot.texts import t
from storage.repositories import admins

if TYPE_CHECKING:
    from bot.services.commands import Command

log = logging.getLogger(__name__)


@asynccontextmanager
async def opened(
    runtime: Runtime,
    inquiry: Inquiry,
    *,
    args: str | None = None,
    detected: InterfaceLanguage | None = None,
) -> AsyncIterator[tuple[AsyncSession, Request]]:
    async with runtime.transaction() as session:
        yield session, await request_for(session, runtime, inquiry, args, detected)


async def refused_unless_admin(
    session: AsyncSession, request: Request, attempt: str
) -> Reply | None:
    """None for an admin; for anyone else the refusal, after logging `attempt` ("/grant")."""
    if await is_admin(session, request.user_id):
        return None
    log.warning("refused %s to user %s: not an admin", attempt, request.user_id)
    refusal = t(request.language, "admin.refused")
    return Reply(refusal, notice=refusal)


async def run_command(session: AsyncSession, request: Request, command: Command) -> Reply:
    """The command table's checks, then the command: an admin command runs for admins only
    (their name remembered for /admins); one that changes the chat, in a group, for the group's
    administrators only."""
    assert command.run is not None, "a command with a front end of its own is not routed"
    if command.audience == "admin":
        if refusal := await refused_unless_admin(session, request, f"/{command.name}"):
            return refusal
        reply = await command.run(session, request)
        # /admins shows names: an admin's own is learnt from their commands. Written after the
        # command, so that /revoke's ordered lock of the admins is the transaction's first
        # (two admins revoking each other, each holding their own row, deadlocked).
        assert request.user_id is not None
        await admins.remember_name(session, request.user_id, request.user_name)
        return reply
    if command.changes_chat and request.in_group and not request.is_chat_admin:
        return Reply(t(request.language, "group.admins_only", command=command.name))
    return await command.run(session, request)
