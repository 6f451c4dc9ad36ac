"""A document's text read in a worker process within a time and memory budget (like calendars,
issue 20): what it reads equals what reading here gives, and each unreadable file, or one over
a budget, is refused with its reason; the passages keep their page."""

from __future__ import annotations

import pytest

from bot.services.calendars.worker import Budget
from bot.services.documents.extraction import Unreadable, extract
from bot.services.documents.passages import passages_of
from bot.services.documents.worker import extract_within_budget
from tests.support.documents import docx_file, encrypted_pdf, pdf, scanned_pdf

STATEMENT = pdf("Joint statement", "The parties agreed.\nВодные ресурсы региона.")
# Many pages: reading them takes longer than the worker's start alone.
LONG = pdf(*(f"Page {n}. The parties agreed on water." for n in range(400)))


async def test_the_worker_reads_what_reading_here_reads() -> None:
    read = await extract_within_budget(STATEMENT, "statement.pdf", "application/pdf")
    assert read == extract(STATEMENT, "statement.pdf", "application/pdf")
    assert read.paged and len(read.pages) == 2
    passages = passages_of(read)
    assert [(p.page, p.text) for p in passages] == [
        (1, "Joint statement"),
        (2, "The parties agreed. Водные ресурсы региона."),
    ]
    # Russian words are stored as their dictionary forms, for the index.
    assert "водный ресурс регион" in passages[1].words


@pytest.mark.parametrize(
    ("content", "name", "problem"),
    [
        (b"", "empty.pdf", "empty"),
        (b"Hello, not a PDF.", "fake.pdf", "not_pdf"),
        (encrypted_pdf(), "locked.pdf", "encrypted"),
        (b"%PDF-1.4\n garbage", "broken.pdf", "broken"),
        (b"PK\x03\x04 garbage", "broken.docx", "broken"),
        (b"plain text", "fake.docx", "not_docx"),
        (b"\x89PNG\r\n\x1a\n", "picture.png", "format"),
        (b"text\x00with a nul", "notes.txt", "format"),
    ],
)
async def test_an_unreadable_file_is_refused_with_its_reason(
    content: bytes, name: str, problem: str
) -> None:
    with pytest.raises(Unreadable) as refused:
        await extract_within_budget(content, name, None)
    assert refused.value.problem == problem


async def test_a_scan_a_docx_and_a_text_file_are_read() -> None:
    assert extract(scanned_pdf(), "scan.pdf", None).pages == ("",)
    assert extract(docx_file("One.", "Two."), "a.docx", None).pages == ("One.\n\nTwo.",)
    assert extract("Итоги.".encode("cp1251"), "итоги.txt", None).pages == ("Итоги.",)


async def test_a_file_over_the_time_budget_is_refused() -> None:
    # Starting the worker alone takes longer than this budget, on any machine.
    with pytest.raises(Unreadable) as refused:
        await extract_within_budget(LONG, "long.pdf", None, Budget(seconds=0.05))
    assert refused.value.problem == "time"


async def test_a_file_over_the_memory_budget_is_refused() -> None:
    # Below what the interpreter already holds, the worker's allocations fail.
    with pytest.raises(Unreadable) as refused:
        await extract_within_budget(LONG, "long.pdf", None, Budget(megabytes=30))
    assert refused.value.problem == "memory"
