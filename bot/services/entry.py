"""The one way in for every message, command and button press.

`opened` starts the update's transaction and reads the request (the chat remembered, the
reader's language chosen, the clock read); `refused_unless_admin` is the admin check every admin
entry point makes before anything else runs: a non-admin is answered politely, nothing changes,
and the attempt is logged.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin.access import is_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request, request_for
from bot.services.runtime import Runtime
from bot.texts import Language, t

log = logging.getLogger(__name__)


@asynccontextmanager
async def opened(
    runtime: Runtime,
    inquiry: Inquiry,
    *,
    args: str | None = None,
    detected: Language | None = None,
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
