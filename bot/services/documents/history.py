"""Documents replaced and removed, with the way back: /removedoc and /restoredoc, each written
to the audit (`/audit` shows them) beside the changes to meetings."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.numbers import parse_number
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.models import Document
from storage.repositories import audit, documents

MAX_ID = 2**31 - 1


def described(document: Document) -> str:
    return f"#{document.id} {document.title} ({document.kind}, {document.language})"


def record(
    session: AsyncSession,
    request: Request,
    action: str,
    document: Document | None,
    replaced: Document | None = None,
) -> None:
    audit.record(
        session,
        at=request.now,
        actor_id=request.user_id,
        action=action,
        meeting_id=subject.meeting_id if (subject := document or replaced) else None,
        before={"document": described(replaced)} if replaced else None,
        after={"document": described(document)} if document else None,
    )


async def remove_document(session: AsyncSession, request: Request) -> Reply:
    document = await _named(session, request, "removedoc")
    if isinstance(document, Reply):
        return document
    if document.removed_at is not None:
        return Reply(t(request.language, "admin.document.already_removed", id=document.id))
    document.removed_at = request.now
    record(session, request, "doc_remove", None, document)
    return Reply(t(request.language, "admin.document.removed", id=document.id,
                   title=document.title))  # fmt: skip


async def restore_document(session: AsyncSession, request: Request) -> Reply:
    document = await _named(session, request, "restoredoc")
    if isinstance(document, Reply):
        return document
    if document.removed_at is None:
        return Reply(t(request.language, "admin.document.not_removed", id=document.id))
    current = await documents.same_place(
        session, document.meeting_id, document.kind, document.language
    )
    if current is not None:
        current.removed_at = request.now
    document.removed_at = None
    record(session, request, "doc_restore", document, current)
    return Reply(t(request.language, "admin.document.restored", id=document.id,
                   title=document.title))  # fmt: skip


async def _named(session: AsyncSession, request: Request, command: str) -> Document | Reply:
    number = parse_number(request.args, high=MAX_ID)
    example = t(request.language, f"admin.usage.{command}")
    if number is None:
        return Reply(t(request.language, "admin.document.bad.id", example=example))
    document = await documents.get(session, number)
    if document is None:
        return Reply(t(request.language, "admin.document.unknown", id=number, example=example))
    return document
