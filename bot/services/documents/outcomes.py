"""Outcomes to those who follow a meeting: /publish DOC_ID sends an outcome document, /outcome
ID text a summary of outcomes the admin types, once to every chat that follows the meeting.

Publishing writes one notice of kind "outcome" per recipient in the publishing transaction
(unique per publication and chat, so each is sent once, across restarts); the delivery kind
"outcome" (bot/outbound/kinds.py) sends them, each in the reader's language where the meeting
has its outcome in both. Who receives is RECIPIENTS: the meeting's followers and every linked
channel (bot.services.channels); a row is written for those a publication reaches, so the
send-time check does not ask again whether they follow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import reading_order
from bot.services import callbacks
from bot.services.admin.refusals import Named, named_meeting
from bot.services.channels.posts import linked_channels
from bot.services.documents.extraction import Extracted
from bot.services.documents.history import described
from bot.services.documents.passages import passages_of
from bot.services.numbers import parse_number
from bot.services.reminders.outbox import Outgoing
from bot.services.reminders.send_check import SendRules
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.texts import Html, join, t
from storage.models import Document, Meeting
from storage.repositories import audit, documents, notices

MAX_ID = 2**31 - 1
# A typed summary longer than this belongs in a document.
SUMMARY_LIMIT = 3000
# Whom a publication reaches: each source writes its notices, and returns how many.
Recipients = Callable[[AsyncSession, int, int, dict[str, Any], datetime], Awaitable[int]]


async def _followers(
    session: AsyncSession, change_id: int, meeting_id: int, before: dict[str, Any], now: datetime
) -> int:
    return await notices.add_for_subscribers(
        session, change_id=change_id, kind=notices.OUTCOME, meeting_id=meeting_id,
        before=before, now=now,
    )  # fmt: skip


async def _linked_channels(
    session: AsyncSession, change_id: int, meeting_id: int, before: dict[str, Any], now: datetime
) -> int:
    chat_ids = [channel.chat_id for channel in await linked_channels(session)]
    return await notices.add_for_chats(
        session, chat_ids, change_id=change_id, kind=notices.OUTCOME, meeting_id=meeting_id,
        before=before, now=now,
    )  # fmt: skip


RECIPIENTS: tuple[Recipients, ...] = (_followers, _linked_channels)


async def publish(session: AsyncSession, request: Request) -> Reply:
    number = parse_number(request.args, high=MAX_ID)
    example = t(request.language, "admin.usage.publish")
    if number is None:
        return Reply(t(request.language, "admin.document.bad.id", example=example))
    document = await documents.get(session, number)
    if document is None or document.removed_at is not None:
        return Reply(t(request.language, "admin.document.unknown", id=number, example=example))
    if document.kind != "outcome":
        return Reply(t(request.language, "admin.outcome.not_outcome", id=number, example=example))
    return await _published(session, request, document)


async def type_outcome(session: AsyncSession, request: Request) -> Reply:
    named = await named_meeting(session, request, "outcome")
    if not isinstance(named, Named):
        return named
    text = named.rest.strip()
    example = t(request.language, "admin.usage.outcome")
    if not text:
        return Reply(t(request.language, "admin.outcome.no_text", example=example))
    if len(text) > SUMMARY_LIMIT:
        return Reply(t(request.language, "admin.outcome.too_long", limit=SUMMARY_LIMIT))
    language = "ru" if sum("а" <= c.lower() <= "я" for c in text) * 2 > len(text) else "en"
    document = Document(
        meeting_id=named.meeting.id, kind="outcome", language=language,
        title=t(language, "document.outcome.typed_title"), has_text=True,
        added_by=request.user_id, added_at=request.now,
    )  # fmt: skip
    texts = passages_of(Extracted("text", (text,), paged=False))
    await documents.add_with_passages(session, document, texts)
    return await _published(session, request, document)


async def _published(session: AsyncSession, request: Request, document: Document) -> Reply:
    if document.published_at is not None:
        return Reply(t(request.language, "admin.outcome.already", id=document.id))
    document.published_at = request.now
    entry = audit.record(
        session, at=request.now, actor_id=request.user_id, action="doc_publish",
        meeting_id=document.meeting_id, before=None, after={"document": described(document)},
    )  # fmt: skip
    await session.flush()
    versions = await _versions(session, document)
    count = 0
    for source in RECIPIENTS:
        count += await source(session, entry.id, document.meeting_id, versions, request.now)
    schedule_changed(session)
    return Reply(t(request.language, "admin.outcome.published", id=document.id, number=count))


async def _versions(session: AsyncSession, published: Document) -> dict[str, Any]:
    """The outcome in each language the meeting has it in (the published one first), with
    what a message needs to show it; kept with each notice, so sending reads no document."""
    versions = {published.language: await _version(session, published)}
    for other in await documents.of_meeting(session, published.meeting_id):
        if other.kind == "outcome" and other.language not in versions:
            versions[other.language] = await _version(session, other)
    return {"published": published.language, "versions": versions}


async def _version(session: AsyncSession, document: Document) -> dict[str, Any]:
    text = None
    if document.file_id is None and document.url is None:
        text = " ".join(p.text for p in await documents.passages_of(session, document.id, 50))
    return {"id": document.id, "title": document.title, "text": text, "url": document.url}


def outcome_reply(item: Outgoing, meeting: Meeting, language: str) -> Reply:
    """The message one follower gets: the outcome in their language where it exists."""
    before = item.before or {}
    versions: dict[str, dict[str, Any]] = before.get("versions", {})
    code = next((c for c in reading_order(language) if c in versions), before.get("published"))
    version = versions.get(str(code)) or next(iter(versions.values()), {})
    title = meeting.text("title", reading_order(language)) or meeting.title_en
    lines = [t(language, "document.outcome.header", meeting=title)]
    if version.get("text"):
        lines.append(Html(t(language, "document.outcome.text", text=version["text"])))
    else:
        lines.append(t(language, "document.outcome.document", title=version.get("title", "")))
    lines.append(t(language, "document.outcome.more", id=meeting.id))
    buttons: tuple[tuple[Button, ...], ...] = ()
    if version.get("id") and not version.get("text"):
        data = callbacks.encode(callbacks.Fetch(int(version["id"])))
        buttons = (
            (Button(t(language, "document.answer.button", title=version["title"][:40]), data),),
        )
    return Reply(join(lines, "\n\n"), buttons=buttons)


def _stale_outcome(item: Outgoing, meeting: Meeting, now: datetime) -> None:
    """An outcome is news after the meeting too; only its lifetime ends it."""
    return None


def _render_outcome(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    return outcome_reply(item, meeting, language), None


OUTCOME_RULES = SendRules(_stale_outcome, _render_outcome, for_followers=False)
