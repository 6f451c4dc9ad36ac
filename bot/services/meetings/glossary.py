"""A term of the domain explained from the glossary in the bundled knowledge, with its source."""

from __future__ import annotations

from bot.languages import reading_order
from bot.services.meetings.answered import Answered
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding.glossary import term_named


def define_answer(key: str, request: Request) -> Answered:
    term = term_named(key)
    language = request.language
    order = (*reading_order(language), "en")
    text = Html(next(term.text[code] for code in order if term.text.get(code)))
    source = next(term.source[code] for code in order if term.source.get(code))
    return Answered(t(language, "define.answer", text=text, source=source))
