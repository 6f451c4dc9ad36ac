"""A linked channel that refused a post for good (the bot was removed or lost its rights): the
link is marked broken, so nothing more is written for it, and every admin is told once what
happened and how to link it again. It is not retried: /channel links it again."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.reply import Reply
from bot.services.runtime import Runtime
from bot.texts import as_language, t
from storage.models import ChannelLink
from storage.repositories import admins, channels, chats


@dataclass(frozen=True)
class AdminReport:
    chat_id: int
    reply: Reply


async def channel_refused(runtime: Runtime, chat_id: int, reason: str) -> list[AdminReport]:
    """Mark the link broken; the reports to send the admins (none if it was broken already)."""
    async with runtime.transaction() as session:
        if not await channels.mark_broken(session, chat_id, reason, runtime.clock()):
            return []
        link = await channels.link(session, chat_id)
        assert link is not None
        reports = []
        for admin in await admins.listed(session):
            chat = await chats.get(session, admin.user_id)
            chosen = chat and (as_language(chat.language) or as_language(chat.seen_language))
            language = chosen or runtime.default_language
            text = t(language, "admin.channel.lost", channel=channel_name(link), reason=reason)
            reports.append(AdminReport(admin.user_id, Reply(text)))
        return reports


def channel_name(link: ChannelLink) -> str:
    """How a channel is named to an admin: its title, with @username or its id."""
    return (
        f"{link.title} (@{link.username})" if link.username else f"{link.title} ({link.chat_id})"
    )
