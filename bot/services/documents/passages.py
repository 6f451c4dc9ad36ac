"""A document's text cut into passages (storage.passages.chunks), each with the words the
full-text index reads."""

from __future__ import annotations

from bot.forms.cleaning import clean_text
from bot.services.documents.extraction import Extracted
from bot.services.documents.words import index_text
from storage.models import Passage
from storage.passages import chunks


def passages_of(extracted: Extracted) -> list[Passage]:
    found: list[Passage] = []
    for number, page in enumerate(extracted.pages, start=1):
        for text in filter(None, map(clean_text, chunks(page))):
            found.append(
                Passage(
                    page=number if extracted.paged else None,
                    position=len(found),
                    text=text,
                    words=index_text(text),
                )
            )
    return found
