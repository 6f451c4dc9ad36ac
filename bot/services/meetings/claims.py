"""Claims a yes/no question makes beyond place, date and status, checked against a meeting:
a role played by a country or UNRCCA, a subject discussed, a meeting still to come."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.languages import reading_order
from bot.services.meetings.terms import MIN_STEM, pattern_word
from bot.understanding.glossary import word_key
from bot.understanding.model import YesNo
from bot.understanding.normalize import is_cyrillic
from bot.understanding.places_named import country_names
from storage.models import Meeting

# How the Centre is named in the organizer and supporters fields, in any case.
CENTRE_NAMES = ("UNRCCA", "Regional Centre", "Regional Center", "РЦПДЦА", "Региональн")
_WORD = re.compile(r"\w+")


def party_names(party: str) -> tuple[str, ...]:
    return CENTRE_NAMES if party == "UNRCCA" else country_names(party)


def role_holds(meeting: Meeting, yes_no: YesNo) -> bool:
    """The country or the Centre is named in the organizer (or supporters) field."""
    if yes_no.role is None or (yes_no.party is None and not yes_no.party_words):
        return True
    field = yes_no.role
    values = (getattr(meeting, f"{field}_en"), getattr(meeting, f"{field}_ru"))
    text = " ".join(filter(None, values)).casefold()
    if yes_no.party_words:
        return all(re.search(rf"\b{re.escape(word)}", text) for word in yes_no.party_words)
    return any(name.casefold() in text for name in party_names(yes_no.party or ""))


def split_party(meetings: list[Meeting], yes_no: YesNo) -> tuple[list[Meeting], YesNo]:
    """ "Did the OSCE support the seminar on water?": words a meeting's title or summary holds
    name the meeting (and narrow the list); the others name the party."""
    words = yes_no.party_words
    if not words:
        return meetings, yes_no
    topic = tuple(word for word in words if any(topic_holds(m, (word,)) for m in meetings))
    party = tuple(word for word in words if word not in topic)
    narrowed = [meeting for meeting in meetings if topic_holds(meeting, topic)] or meetings
    return narrowed, replace(yes_no, party_words=party)


def role_recorded(meeting: Meeting, role: str) -> bool:
    return bool(getattr(meeting, f"{role}_en") or getattr(meeting, f"{role}_ru"))


def _keys(text: str) -> set[str]:
    return {word_key(word) for word in _WORD.findall(text.casefold().replace("ё", "е"))}


def subject_text(meeting: Meeting) -> str:
    return " ".join(
        filter(None, (meeting.title_en, meeting.title_ru, meeting.summary_en, meeting.summary_ru))
    )


def topic_holds(meeting: Meeting, topic: tuple[str, ...]) -> bool:
    """Every word of the subject is in the meeting's title or summary, in any word form."""
    if not topic:
        return True
    keys = _keys(subject_text(meeting))
    return all(word_key(word.casefold()) in keys for word in topic)


def topic_sentence(meeting: Meeting, topic: tuple[str, ...], language: str) -> str:
    """The first sentence of the summary (the reader's language first) naming the subject."""
    for content in reading_order(language):
        for sentence in re.split(r"(?<=[.!?])\s+", meeting.text_in("summary", content) or ""):
            if _keys(sentence) & {word_key(word.casefold()) for word in topic}:
                return sentence
    return ""


def still_to_come(meeting: Meeting, now: datetime) -> bool:
    return meeting.starts_at >= now


def search_patterns(topic: tuple[str, ...]) -> list[str]:
    """What the title or summary must contain for each word, in any of its forms."""
    return [_pattern(word.casefold()) for word in topic]


def _pattern(word: str) -> str:
    if is_cyrillic(word):
        return pattern_word(word)
    stem = word_key(word)
    common = next((n for n in range(len(stem), 0, -1) if word.startswith(stem[:n])), 0)
    return word[: max(common, MIN_STEM)]
