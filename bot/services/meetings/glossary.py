"""A term of the domain explained from the glossary in the bundled knowledge, with its source."""

from __future__ import annotations

from bot.services.meetings.answered import Answered
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding.glossary import term_named


def define_answer(key: str, request: Request) -> Answered:
    term = term_named(key)
    language = request.language
    text = Html(term.text.get(language) or term.text["en"])
    source = term.source.get(language) or term.source["en"]
    return Answered(t(language, "define.answer", text=text, source=source))
