"""A document's text cut into passages: whole sentences, a few at a time, never across a page or
a paragraph, so a quote is short and names its page."""

from __future__ import annotations

import re

from bot.forms.cleaning import clean_text
from bot.services.documents.extraction import Extracted
from bot.services.documents.words import index_text
from storage.models import Passage

# About three lines of a phone's screen: a quote reads as a quote, not as a page.
PASSAGE_LENGTH = 320
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+(?=[«\"'(\[A-ZА-ЯЁ0-9])")


def passages_of(extracted: Extracted) -> list[Passage]:
    found: list[Passage] = []
    for number, page in enumerate(extracted.pages, start=1):
        for text in _chunks(page):
            found.append(
                Passage(
                    page=number if extracted.paged else None,
                    position=len(found),
                    text=text,
                    words=index_text(text),
                )
            )
    return found


def _chunks(page: str) -> list[str]:
    chunks: list[str] = []
    for paragraph in _PARAGRAPH.split(page):
        current = ""
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if current and len(current) + len(sentence) >= PASSAGE_LENGTH:
                chunks.append(current)
                current = ""
            current = f"{current} {sentence}".strip()
        if current:
            chunks.append(current)
    return [clean for chunk in chunks if (clean := clean_text(chunk))]
