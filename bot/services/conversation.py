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
from bot.services.runtime import Runtime
from bot.texts import Language, as_language, t
from bot.understanding import detect_language
from storage.repositories import chats

# A question longer than this is not a question; answering it would only cost time.
MAX_QUESTION_LENGTH = 1000
COMMAND = re.compile(r"^/([A-Za-z0-9]+)(?:_(\d+))?(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)


async def respond(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with runtime.database.sessions.begin() as session:
        chosen = await _remember_chat(session, inquiry)
        command = COMMAND.match(inquiry.text.strip())
        if command is not None:
            name, number, rest = command.groups()
            language = _language(runtime, inquiry, chosen, inquiry_text=None)
            request = _request(runtime, inquiry, language, " ".join(filter(None, (number, rest))))
            return await _run_command(session, name.lower(), request)
        language = _language(runtime, inquiry, chosen, inquiry_text=inquiry.text)
        if len(inquiry.text) > MAX_QUESTION_LENGTH:
            return Reply(t(language, "fallback.too_long", length=len(inquiry.text)))
        return await answer_question(session, _request(runtime, inquiry, language, inquiry.text))


async def _remember_chat(session: AsyncSession, inquiry: Inquiry) -> str | None:
    if inquiry.chat_id is None:
        return None
    return await chats.remember(session, inquiry.chat_id, inquiry.chat_kind)


async def _run_command(session: AsyncSession, name: str, request: Request) -> Reply:
    run = PUBLIC_COMMANDS.get(name)
    if run is None:
        return Reply(t(request.language, "fallback.unknown_command", command=name))
    return await run(session, request)


def _language(
    runtime: Runtime, inquiry: Inquiry, chosen: str | None, inquiry_text: str | None
) -> Language:
    """The question's own language first; then the chat's choice, Telegram's, the default."""
    detected = detect_language(inquiry_text) if inquiry_text else None
    return (
        inquiry.language
        or detected
        or as_language(chosen)
        or as_language(inquiry.telegram_language)
        or runtime.default_language
    )


def _request(runtime: Runtime, inquiry: Inquiry, language: Language, args: str) -> Request:
    return Request(
        args=args.strip(),
        language=language,
        now=runtime.clock(),
        user_id=inquiry.user_id,
        user_name=inquiry.user_name,
        chat_id=inquiry.chat_id,
    )
