"""What a yes/no question claims beyond place and date: that a meeting is still to come, that a
country or organisation organised or supported it, that a subject was discussed, or (asked as
"why") that it was cancelled."""

from __future__ import annotations

from dataclasses import replace

from bot.understanding.geo import PlaceMention
from bot.understanding.lexicon import CENTRE, ORGANIZER, SUPPORTERS, cue
from bot.understanding.model import MeetingRef, Role, YesNo

STILL_TO_COME = cue(
    "coming up", "yet to", "still to come", "upcoming", "ahead", "forthcoming", "in the future",
    "not yet (?:held|happened|over)", "впереди", r"предсто\w*", r"еще будет",
    r"еще не (?:прош\w*|состоял\w*|провод\w*|провел\w*)",
)  # fmt: skip
WHY = cue("why", "how come", "for what reason", "почему", "зачем", "по какой причине")
CANCELLED = cue(r"cancel+\w*", "called off", "call off", "scrapped", r"отмен\w*")
# The records keep no postponements: "why was it postponed?" is checked like a cancellation.
POSTPONED = cue(
    r"postpon\w*",
    "put off",
    r"delay\w*",
    r"rescheduled",
    r"перенес\w*",
    r"перенос\w*",
    r"отлож\w*",
)
# "Did Kazakhstan host it?": the host country is the venue's country.
_HOST = cue(r"host(?:s|ed|ing)?", r"принима\w*", r"принял\w*", r"принимающ\w*")
# Before a country these make it the venue: "in Kazakhstan", «в Казахстане».
PLACE_PREPOSITION = cue("in", "at", "to", "в", "во", "на")


def role_of(text: str) -> Role | None:
    if SUPPORTERS.search(text):
        return "supporters"
    if ORGANIZER.search(text) and not _HOST.search(text):
        return "organizer"
    return None


def _party_country(places: list[PlaceMention], tokens: list[str]) -> PlaceMention | None:
    """A country named outside a phrase of place: the party of a role, not the venue."""
    for place in places:
        before = tokens[place.position - 1] if place.position else ""
        if place.kind == "country" and not PLACE_PREPOSITION.fullmatch(before):
            return place
    return None


def with_role(
    ref: MeetingRef, yes_no: YesNo, text: str, places: list[PlaceMention], tokens: list[str],
    words: list[str],
) -> tuple[MeetingRef, YesNo] | None:  # fmt: skip
    """The claim that someone organised or supported the meeting: a country, UNRCCA, or the
    words left over ("the OSCE"); None when no such claim is made."""
    role = role_of(text)
    if role is None:
        return None
    country = _party_country(places, tokens)
    if country is not None:
        venue = ref.country if ref.country != country.value else None
        return replace(ref, country=venue), replace(yes_no, role=role, party=country.value)
    if CENTRE.search(text):
        return ref, replace(yes_no, role=role, party="UNRCCA")
    if words:
        return ref, replace(yes_no, role=role, party_words=tuple(words))
    return None


def premise(text: str) -> YesNo | None:
    """ "Why was the sixth meeting cancelled?": the cancellation is checked before explained."""
    if WHY.search(text) and (CANCELLED.search(text) or POSTPONED.search(text)):
        return YesNo(status="cancelled", why=True)
    return None


def still_to_come(ref: MeetingRef, yes_no: YesNo, text: str) -> tuple[MeetingRef, YesNo]:
    """ "Is the Ashgabat meeting coming up?" claims it is ahead; it does not pick upcoming ones."""
    if not STILL_TO_COME.search(text):
        return ref, yes_no
    if ref.relative == "upcoming":
        ref = replace(ref, relative=None)
    return ref, replace(yes_no, upcoming=True, already=False)
