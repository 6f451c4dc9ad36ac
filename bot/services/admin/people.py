"""Whom /grant and /revoke mean: a numeric id typed after the command, or the person whose
message the command replies to (their own message in a group, or one forwarded to the bot)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.admin import args
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t


@dataclass(frozen=True)
class Target:
    user_id: int
    # None when only the id was typed: Telegram tells a name only with a message.
    name: str | None


def target_of(request: Request, command: str) -> Target | Reply:
    """The typed id wins; without one, the replied-to person; otherwise how to name someone."""
    about = request.about
    if request.args.strip() or about is None:
        user_id = args.user_id(request, command)
        return user_id if isinstance(user_id, Reply) else Target(user_id, None)
    if about.user_id is None:
        return Reply(t(request.language, "admin.error.hidden_user", name=about.name))
    if about.is_bot:
        return Reply(t(request.language, "admin.error.bot_user", name=about.name))
    return Target(about.user_id, about.name)
