"""Questions about the Centre itself rather than one of its meetings."""

from __future__ import annotations

import re

from bot.understanding.lexicon import CENTRE, MEETING, cue
from bot.understanding.model import Intent

# Words that say "founded" only when said of an organization.
_FOUNDED = cue(
    r"inaugurat\w*", r"found(?:ed|ing|ation)?", r"establish\w*", "set up", r"creat\w*",
    r"launch\w*", "since when", "how old", r"основан\w*", r"учрежд\w*", r"созда\w*",
    r"инаугур\w*", r"появил\w*", r"с какого (?:года|времени)",
)  # fmt: skip
_OPENED = cue(
    r"open\w*", r"start\w*", "began", "begin", r"открыт\w*", r"открыл\w*", r"открыва\w*",
    r"начал\w*", r"заработал\w*",
)  # fmt: skip
# "Why was it created?" asks for the purpose, not the date.
_WHY = cue("why", "what for", "зачем", "для чего", "с какой целью", r"почему")
_PROGRAMME = cue(r"program(?:me)?s? of action", r"программ\w* действи\w*")
_PROGRAMME_WORD = cue(r"program(?:me)?s?", r"программ\w*")
_PROGRAMME_HINT = cue(
    "period", r"cover\w*", "new", "2015", "2017", "years", r"период\w*", r"охватыва\w*",
    r"нов\w*", r"годы",
)  # fmt: skip
_COUNTRIES = cue(
    "countries", "(?<!united )nations", "states", r"zone\w*", r"area of responsibility",
    r"(?:which|what) region", r"covers?", "стран", "страны", "странам", "странах",
    r"государств\w*", r"зон\w* ответственност\w*", r"какой регион",
    r"охватыва\w*",
)  # fmt: skip
# Said of the Centre these ask what it does for the countries, even when countries are named.
_TASK_PHRASES = cue(
    r"за что отвечает",
    r"(?:assist|help)\w* (?:\w+ ){0,2}with",
    r"чем (?:\w+ )?помога\w*",
    r"(?:what|which) (?:kind of )?(?:help|assistance|support)",
    r"как\w* помощ\w*",
    r"how (?:does|do|can|will) (?:\w+ ){0,3}(?:help|assist)\w*",
    r"как (?:\w+ )?помога\w*",
)
_TASKS = cue(
    r"task\w*", r"mandate\w*", "mission", r"functions?", "role", r"responsib\w*", "duties",
    r"задач\w*", r"мандат\w*", r"функци\w*", r"мисси\w*", r"рол[ьи]", r"обязанност\w*",
)  # fmt: skip


def _about_centre(text: str) -> bool:
    """The Centre is the subject: named, or a founding/mandate question with no meeting in it."""
    return bool(CENTRE.search(text)) and not MEETING.search(text)


def _founded(text: str, centre: bool) -> bool:
    if _FOUNDED.search(text) and (centre or not MEETING.search(text)):
        return True
    return centre and bool(_OPENED.search(text))


def _programme(text: str) -> bool:
    if _PROGRAMME.search(text):
        return True
    return bool(_PROGRAMME_WORD.search(text) and _PROGRAMME_HINT.search(text))


def centre_intent(text: str) -> Intent | None:
    centre = _about_centre(text)
    if _programme(text):
        return Intent.CENTRE_PROGRAMME
    if centre and _WHY.search(text):
        return Intent.CENTRE_WHAT
    if _founded(text, centre):
        return Intent.CENTRE_OPENED
    if centre or (not MEETING.search(text) and _mentions_mandate(text)):
        return _mandate_or_what(text)
    return None


def _mandate_or_what(text: str) -> Intent:
    if _TASK_PHRASES.search(text):
        return Intent.CENTRE_TASKS
    if _COUNTRIES.search(text):
        return Intent.CENTRE_COUNTRIES
    if _TASKS.search(text):
        return Intent.CENTRE_TASKS
    return Intent.CENTRE_WHAT


def _mentions_mandate(text: str) -> bool:
    """'Which countries are covered?' with no Centre named still asks about the Centre."""
    return bool(
        re.search(r"\b(?:which|what|какие|каких|каким) (?:countries|стран)", text)
    ) or bool(
        _COUNTRIES.search(text) and re.search(r"assist|help|cover|serve|помога|охват|зон", text)
    )
