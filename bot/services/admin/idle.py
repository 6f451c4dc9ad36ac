"""/cancel, /skip and /back when no guided dialog waits for an answer: said plainly, for anyone.

In a dialog these commands are taken by the dialog itself (bot.services.admin.entry.run_dialog)
before any other handler sees them; these answers are for the rest of the time.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reply import Reply
from bot.services.request import CommandRun, Request
from bot.texts import t

DIALOG_COMMANDS = ("skip", "cancel", "back")


def answer_idle(command: str) -> CommandRun:
    async def answer(session: AsyncSession, request: Request) -> Reply:
        return Reply(t(request.language, f"dialog.none.{command}"))

    return answer
