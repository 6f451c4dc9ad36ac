"""The one entry point for a message: remember the chat, choose the language, dispatch.

The Telegram handler and `unrcca-bot ask` both call `respond`, so a message gets the same answer
through either; it runs in one database transaction.
"""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.answering import answer_question
from bot.services.commands import PUBLIC_COMMANDS
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.requests import request_for
from bot.services.runtime import Runtime
from bot.texts import t
from bot.understanding import detect_language

# A question longer than this is not a question; answering it would only cost time.
MAX_QUESTION_LENGTH = 1000
COMMAND = re.compile(r"^/([A-Za-z0-9]+)(?:_(\d+))?(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)


async def respond(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with runtime.database.sessions.begin() as session:
        command = COMMAND.match(inquiry.text.strip())
        if command is not None:
            name, number, rest = command.groups()
            args = " ".join(filter(None, (number, rest)))
            request = await request_for(session, runtime, inquiry, args)
            return await _run_command(session, name.lower(), request)
        detected = detect_language(inquiry.text)
        request = await request_for(session, runtime, inquiry, detected=detected)
        if len(inquiry.text) > MAX_QUESTION_LENGTH:
            return Reply(t(request.language, "fallback.too_long", length=len(inquiry.text)))
        return await answer_question(session, request)


async def _run_command(session: AsyncSession, name: str, request: Request) -> Reply:
    run = PUBLIC_COMMANDS.get(name)
    if run is None:
        return Reply(t(request.language, "fallback.unknown_command", command=name))
    return await run(session, request)
