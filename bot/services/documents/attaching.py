"""/attach: an admin attaches a file (a PDF, DOCX or text file sent with the caption
`/attach ID kind [language]`) or a link (`/attach ID kind URL`) to a meeting.

The file is downloaded after the sender, the meeting and the size have passed, outside any
transaction, and read in a child process within a budget (bot.services.documents.worker).
Nothing is stored unless everything passed. A document of the same kind and language replaces
the one attached before, which stays in the database for /restoredoc.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin.refusals import Named, named_meeting
from bot.services.commands import parse_command
from bot.services.documents.arguments import Attaching, BadArguments, read_arguments
from bot.services.documents.extraction import Extracted, Unreadable, file_format
from bot.services.documents.history import record
from bot.services.documents.passages import passages_of
from bot.services.documents.worker import extract_within_budget
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Html, t
from storage.models import Document
from storage.repositories import documents, meetings

# The cloud Bot API's getFile limit: a bigger file cannot be downloaded at all.
DOWNLOAD_LIMIT = 20 * 1024 * 1024
DOWNLOAD_LIMIT_MB = 20
COMMAND = "attach"


@dataclass(frozen=True)
class DocumentUpload:
    file_id: str
    file_name: str
    mime_type: str | None
    # What Telegram says the file weighs; None when it does not say.
    file_size: int | None
    fetch: Callable[[], Awaitable[bytes]]


@dataclass(frozen=True)
class _Plan:
    meeting_id: int
    attaching: Attaching


async def run_attach(runtime: Runtime, inquiry: Inquiry, upload: DocumentUpload | None) -> Reply:
    typed = parse_command(inquiry.text)
    async with opened(runtime, inquiry, args=typed.args if typed else "") as (session, request):
        planned = await _plan(session, request, upload)
    if isinstance(planned, Reply):
        return planned
    if planned.attaching.url is not None:
        document = _link_document(planned, request)
        return await _store(runtime, inquiry, document, None)
    assert upload is not None
    read = await _read(upload, request)
    if isinstance(read, Reply):
        return read
    content, extracted = read
    document = _file_document(planned, request, upload, content, extracted)
    return await _store(runtime, inquiry, document, extracted)


async def _plan(
    session: AsyncSession, request: Request, upload: DocumentUpload | None
) -> _Plan | Reply:
    if refusal := await refused_unless_admin(session, request, "/attach"):
        return refusal
    named = await named_meeting(session, request, COMMAND)
    if not isinstance(named, Named):
        return named
    try:
        attaching = read_arguments(named.rest)
    except BadArguments as bad:
        return _bad(request, f"admin.document.bad.{bad.problem}", value=bad.value)
    if attaching.url is None and upload is None:
        return _bad(request, "admin.document.bad.nothing")
    if attaching.url is None and upload and (refusal := _refused_upload(request, upload)):
        return refusal
    return _Plan(named.meeting.id, attaching)


def _refused_upload(request: Request, upload: DocumentUpload) -> Reply | None:
    if upload.file_size is not None and upload.file_size > DOWNLOAD_LIMIT:
        return _problem(request, "too_big")
    if upload.file_size == 0:
        return _problem(request, "empty")
    if file_format(upload.file_name, upload.mime_type) is None:
        return _problem(request, "format")
    return None


async def _read(upload: DocumentUpload, request: Request) -> tuple[bytes, Extracted] | Reply:
    content = await upload.fetch()
    if len(content) > DOWNLOAD_LIMIT:
        return _problem(request, "too_big")
    try:
        return content, await extract_within_budget(content, upload.file_name, upload.mime_type)
    except Unreadable as refused:
        return _problem(request, refused.problem)


def _file_document(
    plan: _Plan, request: Request, upload: DocumentUpload, content: bytes, extracted: Extracted
) -> Document:
    text = " ".join(extracted.pages)
    title = upload.file_name.rsplit(".", 1)[0].replace("_", " ").strip() or upload.file_name
    return Document(
        meeting_id=plan.meeting_id,
        kind=plan.attaching.kind,
        language=plan.attaching.language or _language_of(text, request),
        title=title[:300],
        file_id=upload.file_id,
        file_name=upload.file_name[:255],
        mime_type=(upload.mime_type or "")[:100] or None,
        size=len(content),
        checksum=hashlib.sha256(content).hexdigest(),
        pages=len(extracted.pages) if extracted.paged else None,
        has_text=bool(text.strip()),
        added_by=request.user_id,
        added_at=request.now,
    )


def _link_document(plan: _Plan, request: Request) -> Document:
    url = plan.attaching.url or ""
    parts = urlsplit(url)
    title = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or url
    return Document(
        meeting_id=plan.meeting_id,
        kind=plan.attaching.kind,
        language=plan.attaching.language or request.language,
        title=title[:300],
        url=url,
        has_text=False,
        added_by=request.user_id,
        added_at=request.now,
    )


def _language_of(text: str, request: Request) -> str:
    """Russian when most letters are Cyrillic; English when most are Latin."""
    cyrillic = sum(1 for c in text if "а" <= c.lower() <= "я" or c in "ёЁ")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if cyrillic or latin:
        return "ru" if cyrillic > latin else "en"
    return request.language


async def _store(
    runtime: Runtime, inquiry: Inquiry, document: Document, extracted: Extracted | None
) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        meeting = await meetings.get(session, document.meeting_id)
        if meeting is None:
            return _bad(request, "admin.error.unknown_meeting", id=document.meeting_id)
        replaced = await documents.same_place(
            session, document.meeting_id, document.kind, document.language
        )
        if replaced is not None:
            replaced.removed_at = request.now
        texts = passages_of(extracted) if extracted is not None else []
        await documents.add_with_passages(session, document, texts)
        record(session, request, "doc_attach", document, replaced)
        return Reply(_attached_text(request, document, replaced))


def _attached_text(request: Request, document: Document, replaced: Document | None) -> Html:
    language = request.language
    lines = [t(language, "admin.document.attached", id=document.id, title=document.title,
               meeting=document.meeting_id, kind=t(language, f"document.kind.{document.kind}"),
               lang=document.language)]  # fmt: skip
    if document.url is None and not document.has_text:
        lines.append(t(language, "admin.document.no_text"))
    if replaced is not None:
        lines.append(t(language, "admin.document.replaced", id=replaced.id, title=replaced.title))
    return Html("\n".join(lines))


def _problem(request: Request, problem: str) -> Reply:
    return _bad(request, f"admin.document.problem.{problem}", limit=DOWNLOAD_LIMIT_MB)


def _bad(request: Request, key: str, **values: object) -> Reply:
    example = t(request.language, "admin.usage.attach")
    return Reply(t(request.language, key, example=example, **values))
