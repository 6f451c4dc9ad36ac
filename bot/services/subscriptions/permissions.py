"""Who may change what a chat receives: anyone in a private chat, a group's administrators in a
group (Telegram's getChatMember, asked by the handler; bot.services.request.is_chat_admin)."""

from __future__ import annotations

from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t


def refused_in_group(request: Request) -> Reply | None:
    """None when the sender may change the chat's reminders; else a polite refusal."""
    if not request.in_group or request.is_chat_admin:
        return None
    return Reply(t(request.language, "subscriptions.group_admins_only"))
