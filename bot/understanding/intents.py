"""What a question asks, decided from its cue words in a fixed order of precedence.

Facts the bot cannot have come first (a "who chaired" question must never be answered with the
organizer), then the Centre, then lists, then the question word that comes first in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.understanding import lexicon as cues
from bot.understanding.centre import centre_intent
from bot.understanding.model import Intent, MeetingRef
from bot.understanding.unknown import missing_fact

_ASKS = (
    (Intent.WHERE, cues.WHERE),
    (Intent.WHEN, cues.WHEN),
    (Intent.TIME, cues.TIME),
    (Intent.COUNTRY, cues.COUNTRY),
    (Intent.ORGANIZER, cues.WHO),
    (Intent.AGENDA, cues.AGENDA),
)
_PLACE_AND_TIME = frozenset({Intent.WHERE, Intent.WHEN, Intent.TIME, Intent.COUNTRY})
# Without a meeting in sight, a long question with "where" is about something else entirely.
_SHORT_QUESTION = 4
_AND = re.compile(r"^\W*(?:and|и|,|&)?\W*$")


def _asks(text: str) -> list[tuple[int, int, Intent]]:
    found = []
    for intent, pattern in _ASKS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), match.end(), intent))
    return sorted(found)


def _first_ask(text: str) -> Intent | None:
    """The earliest question word decides; "when and where" asks for the whole card."""
    asks = _asks(text)
    if not asks:
        return None
    _, end, first = asks[0]
    for next_start, _, other in asks[1:]:
        joined = _AND.match(text[end:next_start])
        if joined and {first, other} <= _PLACE_AND_TIME and other != first:
            return Intent.DETAILS
    return first


def _refine(ask: Intent, text: str) -> Intent:
    """'Who' is the organizer unless support is asked; 'which country supports' too."""
    if ask in (Intent.ORGANIZER, Intent.COUNTRY) and cues.SUPPORTERS.search(text):
        return Intent.SUPPORTERS
    return ask


def _specific(ref: MeetingRef) -> bool:
    """A list asked for with a place, a period or a kind lists those, not the whole archive."""
    return replace(ref, relative=None) != MeetingRef()


def _list_intent(text: str, ref: MeetingRef) -> Intent | None:
    if _specific(ref):
        return None
    if cues.LIST_UPCOMING.search(text):
        return Intent.LIST_UPCOMING
    if cues.LIST_PAST.search(text) or cues.PLURAL_MEETINGS.fullmatch(text):
        return Intent.LIST_PAST
    return None


def _without_question_word(text: str, ref: MeetingRef) -> Intent | None:
    if cues.EXISTS.search(text):
        return Intent.EXISTS
    if cues.SUPPORTERS.search(text):
        return Intent.SUPPORTERS
    if cues.ORGANIZER.search(text):
        return Intent.ORGANIZER
    in_context = not ref.is_empty() or cues.MEETING.search(text)
    if in_context and cues.YES_NO.search(text):
        return Intent.EXISTS
    if in_context or cues.DETAILS.search(text):
        return Intent.DETAILS
    return None


def _in_context(text: str, ref: MeetingRef) -> bool:
    if not ref.is_empty() or cues.MEETING.search(text) or cues.PRONOUN.search(text):
        return True
    # "Who organized and who supported?": organizing is said of meetings.
    if cues.ORGANIZER.search(text) or cues.SUPPORTERS.search(text):
        return True
    return len(text.split()) <= _SHORT_QUESTION


def _meeting_intent(text: str, ref: MeetingRef) -> Intent | None:
    ask = _first_ask(text)
    if ask in (Intent.ORGANIZER, Intent.AGENDA):
        return _refine(ask, text) if _in_context(text, ref) else None
    listing = _list_intent(text, ref)
    if listing is not None:
        return listing
    if ask is not None:
        return _refine(ask, text) if _in_context(text, ref) else None
    return _without_question_word(text, ref)


def _small_talk(text: str) -> Intent | None:
    if cues.GREETING.search(text) or cues.ABOUT_BOT.search(text):
        return Intent.GREETING
    if cues.THANKS.search(text):
        return Intent.THANKS
    return None


def classify(text: str, ref: MeetingRef) -> tuple[Intent, str | None]:
    """The intent, and for UNKNOWN_FACT the key of the missing fact."""
    missing = missing_fact(text)
    if missing is not None:
        return Intent.UNKNOWN_FACT, missing
    centre = centre_intent(text)
    if centre is not None:
        return centre, None
    about_bot = cues.ABOUT_BOT.search(text) and ref.is_empty() and not cues.MEETING.search(text)
    if about_bot:
        return Intent.GREETING, None
    if cues.HOW_MANY_MEETINGS.search(text):
        return Intent.COUNT, None
    intent = _meeting_intent(text, ref) or _small_talk(text)
    return intent or Intent.UNCLEAR, None
