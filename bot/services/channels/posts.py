"""What a change to a meeting owes the linked channels: the change hook that writes their posts,
and the channels with their languages for any other kind of post (`linked_channels`).

Runs inside the change's transaction, like the notices (bot.services.reminders.notices), for the
same changes: a new meeting, a move, a cancellation, a restoration of a meeting still to come.
The scheduler sends them (bot/outbound/channel_posts.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import LANGUAGES
from bot.services.meeting_writes.changes import MeetingChange
from bot.services.reminders.notices import news
from bot.services.runtime import schedule_changed
from storage.repositories import channels

# A channel's language setting that posts English and Russian in one post (the default).
BOTH = "both"
# The languages a post in "both" is written in, in this order.
BOTH_LANGUAGES = ("en", "ru")
CHANNEL_LANGUAGES = (BOTH, *LANGUAGES)


@dataclass(frozen=True)
class LinkedChannel:
    chat_id: int
    # The interface languages a post there is written in, in order (one post holds them all).
    languages: tuple[str, ...]


def post_languages(setting: str | None) -> tuple[str, ...]:
    """The languages of a post for a channel's language setting."""
    return (setting,) if setting in LANGUAGES else BOTH_LANGUAGES


async def linked_channels(session: AsyncSession) -> list[LinkedChannel]:
    """The channels posts go to now (linked, not broken), with the languages to write in."""
    return [
        LinkedChannel(link.chat_id, post_languages(link.language))
        for link in await channels.links(session)
        if link.broken_at is None
    ]


async def post_to_channels(session: AsyncSession, changes: Sequence[MeetingChange]) -> None:
    """The change hook: a post of each change for every linked channel (of a delete, for those
    that had posted the meeting: its post is marked deleted); the changes' posts written at
    once."""
    written = 0
    for change in changes:
        if change.kind == "delete":
            written += await _post_deleted(session, change)
    told = [one for one in map(news, changes) if one is not None]
    if told:
        written += await channels.add_posts_of(session, told)
    if written:
        schedule_changed(session)


async def _post_deleted(session: AsyncSession, change: MeetingChange) -> int:
    return await channels.add_posts(
        session,
        change_id=change.change_id,
        kind="deleted",
        meeting_id=change.meeting_id,
        before=change.before,
        now=change.at,
        posted_only=True,
    )
