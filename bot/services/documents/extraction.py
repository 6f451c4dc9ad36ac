"""A document's text, page by page, read from its bytes with pypdf or python-docx (or decoded,
for a text file); what cannot be read is refused with the reason named.

Pure and CPU-bound on a stranger's bytes: the bot calls it in a child process within a time and
memory budget (bot.services.documents.worker).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from bot.services.calendars.encoding import UnknownEncoding, as_utf8

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
PDF_TYPES = frozenset({"application/pdf"})
DOCX_TYPES = frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})


class Unreadable(Exception):
    """Why a file is refused: `problem` is a key of the `document.problem.*` texts."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Extracted:
    format: str
    # The text of each page; a format without pages (DOCX, text) is one page, not numbered.
    pages: tuple[str, ...]
    paged: bool


def file_format(file_name: str, mime_type: str | None) -> str | None:
    """pdf, docx or text, as the name or the type says; None for anything else."""
    name = file_name.lower()
    if name.endswith(".pdf") or mime_type in PDF_TYPES:
        return "pdf"
    if name.endswith(".docx") or mime_type in DOCX_TYPES:
        return "docx"
    if name.endswith((".txt", ".md")) or mime_type in TEXT_TYPES:
        return "text"
    return None


def extract(content: bytes, file_name: str, mime_type: str | None) -> Extracted:
    if not content:
        raise Unreadable("empty")
    match file_format(file_name, mime_type):
        case "pdf":
            return _pdf(content)
        case "docx":
            return _docx(content)
        case "text":
            return _text(content)
    raise Unreadable("format")


def _pdf(content: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not content.startswith(PDF_MAGIC):
        raise Unreadable("not_pdf")
    # pypdf warns through logging about every oddity of a hostile file; nobody reads them.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise Unreadable("encrypted")
        pages = tuple(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise Unreadable("broken") from error
    return Extracted("pdf", pages, paged=True)


def _docx(content: bytes) -> Extracted:
    import docx

    if not content.startswith(ZIP_MAGIC):
        raise Unreadable("not_docx")
    try:
        document = docx.Document(io.BytesIO(content))
    except Exception as error:  # python-docx raises zip, XML and key errors alike
        raise Unreadable("broken") from error
    text = "\n\n".join(paragraph.text for paragraph in document.paragraphs)
    return Extracted("docx", (text,), paged=False)


def _text(content: bytes) -> Extracted:
    if b"\x00" in content:
        raise Unreadable("format")
    try:
        # The encodings a calendar file comes in are those a text file comes in.
        text = as_utf8(content).decode("utf-8-sig")
    except UnknownEncoding:
        raise Unreadable("encoding") from None
    return Extracted("text", (text,), paged=False)
