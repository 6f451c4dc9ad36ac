"""/mydata and /forget: everything the bot stores about a chat, and deleting it.

What is shown and deleted is derived from the tables' declarations
(storage.repositories.chat_data), so a table added to `CHAT_OWNED` is shown and forgotten with no
change here. The audit log keeps an admin's past changes with their author's id; an admin's own
right to administer the bot is theirs, not the chat's, and stays (README, "Your data").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.fitting import fit
from bot.services import callbacks
from bot.services.admin.access import is_admin
from bot.services.reply import NO_TEXT, Button, Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.services.subscriptions.permissions import refused_in_group
from bot.texts import Html, t
from storage.repositories import chat_data

# Rows shown of one table; the count says how many there are.
ROWS_SHOWN = 20
VALUE_LIMIT = 60


async def show_data(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    if request.chat_id is None:
        return Reply(t(language, "subscriptions.no_chat"))
    stored = await chat_data.stored_about(session, request.chat_id)
    admin = request.user_id is not None and await is_admin(session, request.user_id)
    head = [t(language, "mydata.header", chat=request.chat_id)]
    lines: list[Html] = []
    for table in stored:
        lines.append(t(language, "mydata.table", table=table.table, count=len(table.rows)))
        lines += [t(language, "mydata.row", values=_row(row)) for row in table.rows[:ROWS_SHOWN]]
    tail = [t(language, "mydata.admin_yes" if admin else "mydata.admin_no")]
    tail.append(t(language, "mydata.forget_hint"))
    return Reply(fit(head, lines, tail, t(language, "listing.shortened")))


async def forget(session: AsyncSession, request: Request) -> Reply:
    """Asks first: nothing is deleted until the button is pressed."""
    if request.chat_id is None:
        return Reply(t(request.language, "subscriptions.no_chat"))
    button = Button(t(request.language, "button.forget"), callbacks.encode(callbacks.Forget()))
    return Reply(t(request.language, "forget.confirm"), buttons=((button,),))


async def forget_pressed(session: AsyncSession, request: Request) -> Reply:
    if refusal := refused_in_group(request):
        return Reply(NO_TEXT, notice=refusal.text)
    assert request.chat_id is not None
    deleted = await chat_data.forget(session, request.chat_id)
    # Its reminders and notices went with it: the scheduler looks again.
    schedule_changed(session)
    text = t(request.language, "forget.done", count=deleted)
    return Reply(text, edit=True, notice=t(request.language, "forget.notice"))


def _row(row: tuple[tuple[str, Any], ...]) -> str:
    return "; ".join(f"{name}: {_value(value)}" for name, value in row)


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    text = str(value)
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"
