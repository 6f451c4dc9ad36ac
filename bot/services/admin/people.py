"""Whom /grant and /revoke mean: a numeric id typed after the command, or the person whose
message the command replies to (their own message in a group, or one forwarded to the bot);
and whether that is a person the bot has seen, who may be made an admin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin import args
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.models import Admin
from storage.repositories import admins

# Telegram's own accounts, which write in groups but are nobody (Bot API docs, "Message"):
# GroupAnonymousBot signs an anonymous group admin's messages (so granting it would make every
# anonymous admin of every group an admin), 777000 is Telegram's service notices and a
# channel's posts in its discussion group, Channel_Bot a channel writing in a group.
SERVICE_ACCOUNTS = frozenset({1087968824, 777000, 136817688})


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


async def seen_person(session: AsyncSession, request: Request, target: Target) -> Target | Reply:
    """The target, named where Telegram told a name, if the bot has seen them as a person: in a
    message (a reply or a forward names them), as a member of the group the command came from
    (the handler looks them up: `request.about`), or in a private chat with the bot. Never a
    bot or one of Telegram's service accounts. Otherwise why not, and what to do instead."""
    if target.user_id in SERVICE_ACCOUNTS:
        return Reply(t(request.language, "admin.error.service_account", user_id=target.user_id))
    if target.name is not None:
        return target
    looked_up = request.about
    if looked_up is not None and looked_up.user_id == target.user_id:
        if looked_up.is_bot:
            return Reply(t(request.language, "admin.error.bot_user", name=looked_up.name))
        return Target(target.user_id, looked_up.name)
    if await admins.wrote_to_bot(session, [target.user_id]):
        return target
    return Reply(t(request.language, "admin.error.unseen_user", user_id=target.user_id))


async def real_people(session: AsyncSession, listed: Sequence[Admin]) -> set[int]:
    """The admins who are people: not a service account, and listed in BOT_ADMIN_IDS, or named
    (Telegram showed them in a message), or known from a private chat. An id granted before
    grants were checked, that nobody owns, is not one."""
    ids = {admin.user_id for admin in listed if admin.user_id not in SERVICE_ACCOUNTS}
    known = {admin.user_id for admin in listed if admin.configured or admin.name}
    return (ids & known) | await admins.wrote_to_bot(session, ids - known)
