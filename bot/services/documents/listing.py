"""A meeting's documents: listed on its card and by /documents ID, each with a button that sends
the file again by Telegram's file id (or shows the link)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import reading_order
from bot.services import callbacks
from bot.services.callbacks import MAX_NUMBER
from bot.services.numbers import parse_number
from bot.services.reply import Button, Reply, stale_button
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import Document, Meeting
from storage.repositories import documents, meetings

# Buttons on a card: one row each, and no more than a phone shows without scrolling.
CARD_BUTTONS = 8
# Telegram shows about this much of a button's label.
LABEL_LENGTH = 40


async def list_documents(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    value = request.args.strip()
    meeting_id = parse_number(value, high=MAX_NUMBER) if value else None
    if meeting_id is None:
        return Reply(t(language, "document.list.bad_id", value=value[:20]))
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return Reply(t(language, "event.unknown", id=meeting_id))
    attached = await documents.of_meeting(session, meeting_id)
    title = meeting.text("title", reading_order(language)) or meeting.title_en
    if not attached:
        return Reply(t(language, "document.list.none", title=title))
    head = t(language, "document.list.header", title=title, number=len(attached))
    text = join([head, *(document_line(d, language) for d in attached)])
    return Reply(text, buttons=document_buttons(attached))


async def with_documents(
    session: AsyncSession, reply: Reply, meeting: Meeting, language: str
) -> Reply:
    """A meeting's card with its documents listed under it, and a button for each."""
    attached = await documents.of_meeting(session, meeting.id)
    if not attached:
        return reply
    lines = [t(language, "document.card.header")]
    lines += [document_line(d, language) for d in attached[:CARD_BUTTONS]]
    text = join([reply.text, join(lines)], "\n\n")
    return replace(reply, text=text, buttons=(*reply.buttons, *document_buttons(attached)))


async def meeting_document_buttons(
    session: AsyncSession, meeting_id: int
) -> tuple[tuple[Button, ...], ...]:
    """The document buttons a meeting's card carries under its own (none without documents)."""
    return document_buttons(await documents.of_meeting(session, meeting_id))


def document_line(document: Document, language: str) -> Html:
    kind = t(language, f"document.kind.{document.kind}")
    return t(language, "document.line", title=document.title, kind=kind,
             lang=document.language.upper())  # fmt: skip


def document_buttons(attached: Sequence[Document]) -> tuple[tuple[Button, ...], ...]:
    return tuple(
        (Button(_label(d), callbacks.encode(callbacks.Fetch(d.id))),)
        for d in attached[:CARD_BUTTONS]
    )


def _label(document: Document) -> str:
    title = document.title if len(document.title) <= LABEL_LENGTH else document.title[:39] + "…"
    return f"📄 {title} ({document.language.upper()})"


async def document_pressed(session: AsyncSession, document_id: int, language: str) -> Reply:
    """The file itself (sent again by its file id), or its link."""
    document = await documents.get(session, document_id)
    if document is None or document.removed_at is not None:
        return stale_button(language)
    if document.file_id is not None:
        return Reply(t(language, "document.sent", title=document.title), file_id=document.file_id)
    return Reply(t(language, "document.link", title=document.title, url=document.url or ""))
