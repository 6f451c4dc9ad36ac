"""Several questions in one message: "where is it and who organizes it?"."""

from __future__ import annotations

import re

from bot.understanding import lexicon as cues
from bot.understanding.intents import classify
from bot.understanding.model import Intent, MeetingRef, Part
from bot.understanding.unknown import missing_fact

_SPLIT = re.compile(r"\s*(?:\band\b|\bи\b|\bа также\b|\balso\b|\bа\b|[,;?])\s*")
_ASK_CUES = (
    cues.WHERE, cues.WHEN, cues.TIME, cues.COUNTRY, cues.WHO, cues.AGENDA, cues.SUPPORTERS,
    cues.ORGANIZER,
)  # fmt: skip
# Place and time asked together are one answer: the card.
_PLACE_AND_TIME = frozenset({Intent.WHERE, Intent.WHEN, Intent.TIME, Intent.COUNTRY})
_ANSWERABLE = _PLACE_AND_TIME | {
    Intent.ORGANIZER, Intent.SUPPORTERS, Intent.AGENDA, Intent.UNKNOWN_FACT, Intent.DETAILS,
}  # fmt: skip


def _asks(clause: str) -> bool:
    return missing_fact(clause) is not None or any(cue.search(clause) for cue in _ASK_CUES)


def _merged(parts: list[Part]) -> list[Part]:
    place_and_time = [part for part in parts if part.intent in _PLACE_AND_TIME]
    if len(place_and_time) < 2:
        return parts
    others = [part for part in parts if part.intent not in _PLACE_AND_TIME]
    return [Part(Intent.DETAILS), *others]


def find_parts(text: str, ref: MeetingRef) -> tuple[Part, ...]:
    """Each question the message asks, in order; () when it asks only one."""
    parts: list[Part] = []
    for clause in _SPLIT.split(text):
        if not clause.strip() or not _asks(clause):
            continue
        part = Part(*classify(clause, ref))
        if part.intent in _ANSWERABLE and part not in parts:
            parts.append(part)
    merged = _merged(parts)
    return tuple(merged) if len(merged) > 1 else ()
