"""Answers to questions in plain English or Russian."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t


async def answer_question(session: AsyncSession, request: Request) -> Reply:
    return Reply(t(request.language, "fallback.not_understood"))
