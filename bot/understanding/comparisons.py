"""Questions about two meetings or more: which came first, how long between them or since one."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.understanding.geo import PlaceMention
from bot.understanding.kinds import find_kind
from bot.understanding.lexicon import cue
from bot.understanding.model import MeetingRef, Order, Unit
from bot.understanding.ordinals import word_ordinal

COMPARE = cue(
    r"which (?:\w+ )?(?:came|comes|was|were|is|took place|happened|happen|held) "
    r"(?:\w+ )?(?:first|earlier|later|last|sooner|before)",
    r"(?:came|come|was|held) (?:first|earlier|later|sooner)", "earlier", "later", "sooner",
    "which first", r"какая (?:\w+ )*(?:раньше|позже|позднее|первой|последней)", "раньше",
    "позже", "позднее", "прежде", r"какая (?:\w+ )?была первой",
)  # fmt: skip
_LATER = cue("later", "last", "позже", "позднее", r"последн\w*")
BETWEEN = cue(
    r"how (?:many|much) (?:\w+ )?(?:days|weeks|months|years|time) (?:\w+ ){0,3}?(?:between|since"
    r"|separate|separated|from)", r"how long (?:\w+ ){0,4}?(?:between|since|ago)",
    r"how long ago", r"how many (?:days|weeks|months|years) ago", r"сколько (?:\w+ )?назад",
    r"how long (?:\w+ ){0,3}?(?:until|till|before)",
    r"how many (?:days|weeks|months|years) (?:\w+ ){0,3}?(?:until|till|left|remain\w*|to go)",
    r"сколько (?:\w+ )?(?:дней|недель|месяцев|лет|времени) (?:\w+ ){0,2}?(?:до|осталось)",
    r"сколько (?:\w+ )?осталось до",
    r"сколько (?:\w+ )?(?:дней|недель|месяцев|лет|времени) (?:\w+ ){0,3}?"
    r"(?:между|с|со|после|назад)", r"как давно",
)  # fmt: skip
# How many words before a place a kind of meeting may stand ("the workshop held in Almaty").
_KIND_REACH = 3
_UNITS: tuple[tuple[re.Pattern[str], Unit], ...] = (
    (cue("weeks", r"недел\w*"), "weeks"),
    (cue("months", r"месяц\w*"), "months"),
    (cue("years", "лет", r"год\w*"), "years"),
)
_DIGIT_ORDINAL = re.compile(
    r"(?<![\d.,/:])(\d{1,2})-?(?:st|nd|rd|th|ая|ой|ий|ый|ую|ом|ем|я|й|ю|м|е)\b"
)


# In a yes/no question: "did the sixth happen before the fifth?", "was it after the fifth?".
_CLAIMED_EARLIER = cue(
    "before", "earlier", "sooner", "prior to", "раньше", "до", "перед", "прежде"
)
_CLAIMED_LATER = cue("after", "later", "позже", "позднее", "после")
COMPARATIVE = cue("earlier", "later", "sooner", "раньше", "позже", "позднее", "прежде")


def order_asked(text: str, claimed: bool = False) -> Order | None:
    """Which of the meetings named is asked for; of a yes/no question, which is claimed."""
    if claimed:
        if _CLAIMED_LATER.search(text):
            return "later"
        return "earlier" if _CLAIMED_EARLIER.search(text) else None
    if not COMPARE.search(text):
        return None
    return "later" if _LATER.search(text) else "earlier"


def unit_asked(text: str) -> Unit | None:
    """The unit the question counts in, read where it asks ("how many years ..."), not in a
    date it gives («2015 года»)."""
    match = BETWEEN.search(text)
    if match is None:
        return None
    asked = match.group()
    return next((unit for pattern, unit in _UNITS if pattern.search(asked)), "days")


def _ordinals(text: str) -> list[tuple[int, int]]:
    """(character position, number) of every ordinal, the comparison's own words left out."""
    text = COMPARE.sub(lambda match: " " * len(match.group()), text)
    found = [(match.start(), int(match.group(1))) for match in _DIGIT_ORDINAL.finditer(text)]
    offset = 0
    for word in text.split(" "):
        number = word_ordinal(word.strip(",.?!:"))
        if number is not None:
            found.append((offset, number))
        offset += len(word) + 1
    return found


def _token_offsets(text: str) -> list[int]:
    offsets, offset = [], 0
    for word in text.split(" "):
        offsets.append(offset)
        offset += len(word) + 1
    return offsets


def named_meetings(text: str, places: list[PlaceMention]) -> list[MeetingRef]:
    """Each meeting the text names by an ordinal or a place, in reading order."""
    offsets = _token_offsets(text)
    named: list[tuple[int, MeetingRef]] = [
        (position, MeetingRef(ordinal=number)) for position, number in _ordinals(text)
    ]
    words = text.split(" ")
    for place in places:
        at = offsets[place.position] if place.position < len(offsets) else len(text)
        # "the seminar in Vienna": the kind named just before the place narrows it.
        kind = find_kind(words[max(place.position - _KIND_REACH, 0) : place.position])
        ref = MeetingRef(city=place.value) if place.kind == "city" else MeetingRef(
            country=place.value)  # fmt: skip
        named.append((at, replace(ref, kind=kind)))
    unique: list[MeetingRef] = []
    for _, ref in sorted(named, key=lambda pair: pair[0]):
        if ref not in unique:
            unique.append(ref)
    return unique
