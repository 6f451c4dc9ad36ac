"""What a chat's weekly digest says: the meetings it follows in the next 14 days, and those it
follows that changed since its last digest, each with the link to its card (/event_ID). None
when there is nothing to say: such a digest is not sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.formatting.fitting import fit
from bot.languages import reading_order
from bot.services.reply import Reply
from bot.texts import Html, as_language, t
from storage.models import Chat
from storage.repositories import digests, followers

HORIZON = timedelta(days=14)
TITLE_LIMIT = 60
CHANGES = frozenset({"add", "edit", "cancel", "restore"})


async def digest_reply(
    session: AsyncSession, chat: Chat, due_at: datetime, now: datetime, default_language: str
) -> Reply | None:
    language = as_language(chat.language) or as_language(chat.seen_language) or default_language
    since = await digests.previous_due(session, chat.id, due_at) or chat.digest_set_at or due_at
    coming = await followers.meetings_followed(session, chat.id, now, now + HORIZON)
    changed = [
        (meeting, action)
        for meeting, action in await digests.changes_since(session, chat.id, since, now)
        if action in CHANGES
    ]
    if not coming and not changed:
        return None
    lines: list[Html] = [t(language, "digest.coming", count=len(coming))]
    lines += [meeting_line(m, language, title_limit=TITLE_LIMIT) for m in coming]
    if not coming:
        lines.append(t(language, "digest.nothing_coming"))
    if changed:
        lines.append(t(language, "digest.changed"))
    for meeting, action in changed:
        title = meeting.text("title", reading_order(language)) or ""
        what = t(language, f"digest.change.{action}")
        lines.append(t(language, "digest.change_line", title=title, change=what, id=meeting.id))
    head = [t(language, "digest.head")]
    tail = [t(language, "digest.tail")]
    return Reply(fit(head, lines, tail, t(language, "listing.shortened")))
