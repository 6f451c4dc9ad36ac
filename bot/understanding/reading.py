"""The parts of a reading that look at the whole question: claims of a yes/no question, two
meetings compared, a term to explain, small talk, and the words nothing else used."""

from __future__ import annotations

from dataclasses import replace

from bot.understanding import claims, unknown
from bot.understanding.accounting import unused
from bot.understanding.comparisons import COMPARATIVE, named_meetings, order_asked, unit_asked
from bot.understanding.geo import PlaceMention
from bot.understanding.glossary import term_asked
from bot.understanding.lexicon import AGENDA, cue
from bot.understanding.model import Intent, MeetingRef, Question, YesNo
from bot.understanding.places_named import country_names

# Besides place, date and status, a yes/no question may claim a role or a subject.
_CLAIMABLE = frozenset({Intent.ORGANIZER, Intent.SUPPORTERS, Intent.AGENDA})
_SMALL_TALK = frozenset({Intent.GREETING, Intent.THANKS})
# What a question about a meeting may narrow by subject; the Centre and small talk may not.
_ABOUT_MEETINGS = frozenset({
    Intent.WHEN, Intent.TIME, Intent.WHERE, Intent.COUNTRY, Intent.ORGANIZER, Intent.SUPPORTERS,
    Intent.AGENDA, Intent.COUNT, Intent.DETAILS, Intent.EXISTS, Intent.UNCLEAR,
    Intent.LIST_PAST, Intent.LIST_UPCOMING,
})  # fmt: skip


def _compared(text: str, named: list[MeetingRef], places: list[PlaceMention]) -> bool:
    """A yes/no question compares the meetings it names ("was the fifth before the sixth?"),
    rather than claiming a place of a neighbour ("is the one after the fifth in Osh?")."""
    if len(named) < 2:
        return False
    if COMPARATIVE.search(text) or all(ref.ordinal is not None for ref in named):
        return True
    return not any(place.position and _AT.fullmatch(_word(text, place.position - 1))
                   for place in places)  # fmt: skip


def _word(text: str, position: int) -> str:
    words = text.split(" ")
    return words[position] if 0 <= position < len(words) else ""


def _several(question: Question, asked: YesNo | None, places: list[PlaceMention]) -> Question:
    """ "Which came first, Ashgabat or Dushanbe?", "how many days between the fifth and the
    sixth?", "was the fifth earlier than the sixth?": one reference per meeting named."""
    text = question.text
    order, unit = order_asked(text, claimed=asked is not None), unit_asked(text)
    if order is None and unit is None:
        return question
    named = named_meetings(text, places)
    # "Which came first, the conference or the seminar?" names no meeting it can find: the
    # comparison asks for them by number or place (the reply says how).
    unnamed = question.meeting.ordinal == 1 and bool(_OR.search(text)) and asked is None
    if asked is not None and not _compared(text, named, places):
        order = None
    if order is not None and (len(named) >= 2 or unnamed):
        first = named[0] if len(named) >= 2 else MeetingRef()
        # Asked as yes/no, the claim is that the first named came `order` (earlier or later).
        claim = YesNo() if asked is not None else None
        return replace(question, intent=Intent.COMPARE, meeting=first,
                       others=tuple(named[1:]), order=order, yes_no=claim, parts=())  # fmt: skip
    day = question.meeting.day
    if unit is not None and day is not None:
        # "How many days from 1 January 2015 to the sixth meeting?": a date, then a meeting.
        named = [ref for ref in named if ref.ordinal or ref.city or ref.country]
        named = [*named[:1], MeetingRef(day=day)]
    if unit is not None and named:
        return replace(question, intent=Intent.BETWEEN, meeting=named[0],
                       others=tuple(named[1:2]), unit=unit, yes_no=None, parts=())  # fmt: skip
    return question


def _claims(
    question: Question, asked: YesNo | None, places: list[PlaceMention], tokens: list[str],
    topic: list[str], left: list[str],
) -> Question:  # fmt: skip
    text, ref = question.text, question.meeting
    why = claims.premise(text)
    if why is not None:
        return replace(question, intent=Intent.EXISTS, yes_no=why, parts=())
    if asked is None or question.intent not in _ABOUT_MEETINGS:
        return question
    if question.yes_no is None and question.intent not in _CLAIMABLE:
        return question
    yes_no: YesNo = asked
    ref, yes_no = claims.still_to_come(ref, yes_no, text)
    role = claims.with_role(ref, yes_no, text, places, tokens, left)
    if role is not None:
        ref, yes_no = role
    elif question.intent in (Intent.ORGANIZER, Intent.SUPPORTERS) and ref.country is None:
        return question
    if question.intent == Intent.AGENDA:
        # The party of a role is not a subject ("did Tajikistan support it, and was ... ").
        party = country_names(yes_no.party)[:1] if yes_no.party else ()
        topic = [word for word in topic if word not in party]
        if not topic:
            return replace(question, yes_no=None)
        yes_no = replace(yes_no, topic=tuple(topic))
    return replace(question, intent=Intent.EXISTS, meeting=ref, yes_no=yes_no, parts=())


def _topic_countries(question: Question, places: list[PlaceMention]) -> list[str]:
    """A country asked about as a subject ("did they talk about Afghanistan?")."""
    if question.intent != Intent.AGENDA:
        return []
    venue = question.meeting.country
    return [
        name
        for place in places
        if place.kind == "country" and place.value != venue
        for name in country_names(place.value)[:1]
    ]


_COUNTED_PAST = cue(
    "already", "so far", "to date", "held", "happened", "were there", "have there been", "took",
    r"прошл\w*", r"прошедш\w*", r"состоял\w*", r"был[аио]?", "уже", r"провел\w*", r"проведен\w*",
)  # fmt: skip
_COUNTED_AHEAD = cue(
    "planned", "scheduled", "will", "still to come", "upcoming", "coming up", "ahead", "future",
    r"запланирован\w*", "будет", r"пройд\w*", "состоится", r"предсто\w*", "впереди",
)  # fmt: skip


_OR = cue("or", "или")
_AT = claims.PLACE_PREPOSITION
_FIRST = cue("first", "earliest", r"перв\w*", r"самая ранн\w*", r"самой ранн\w*")


def _earliest(question: Question) -> Question:
    """ "The first meeting in Dushanbe": the earliest there, not the first of the series."""
    ref = question.meeting
    scoped = replace(ref, ordinal=None, relative=None) != MeetingRef()
    if question.yes_no is not None or question.intent not in _ABOUT_MEETINGS:
        return question
    if ref.ordinal == 1 and scoped and ref.relative is None and _FIRST.search(question.text):
        return replace(question, meeting=replace(ref, ordinal=None, relative="first"))
    return question


def _count_tense(question: Question) -> Question:
    """ "How many meetings are still to come?" counts those ahead; "already held", past ones;
    "how many were cancelled?" the cancelled ones (their status, as a yes/no claim would)."""
    ref, text = question.meeting, question.text
    if question.intent == Intent.COUNT and claims.CANCELLED.search(text):
        return replace(question, yes_no=YesNo(status="cancelled"))
    if question.intent != Intent.COUNT or ref.relative is not None:
        return question
    ahead, past = bool(_COUNTED_AHEAD.search(text)), bool(_COUNTED_PAST.search(text))
    if ahead == past:
        return question
    return replace(question, meeting=replace(ref, relative="upcoming" if ahead else "past"))


def read_whole(
    question: Question, asked: YesNo | None, places: list[PlaceMention], tokens: list[str]
) -> Question:
    """The question with everything its words say beyond one intent and one meeting."""
    if question.intent in _SMALL_TALK:
        return replace(question, refers_back=False)
    term = term_asked(question.text, tokens)
    # The Centre's own facts answer questions about it; the glossary explains its name.
    if term is not None and (term == "name" or not question.intent.name.startswith("CENTRE_")):
        return replace(question, intent=Intent.DEFINE, term=term, yes_no=None, parts=())
    question = _count_tense(question)
    several = _several(question, asked, places)
    if several is not question:
        return several
    taken = {place.position for place in places}
    if question.intent == Intent.UNKNOWN_FACT and asked and AGENDA.search(question.text):
        # "Was media freedom discussed?": the words of a fact the bot lacks are a subject here.
        question = replace(question, intent=Intent.AGENDA, missing=None, parts=())
        left = unused(question.text, taken, ignored=unknown)
    else:
        left = unused(question.text, taken)
    topic = [*_topic_countries(question, places), *left]
    question = _claims(question, asked, places, tokens, topic, left)
    claimed = question.yes_no is not None and (
        question.yes_no.topic or question.yes_no.party_words
    )
    if question.intent in _ABOUT_MEETINGS and left and not claimed:
        question = replace(question, meeting=replace(question.meeting, topic=tuple(left)))
    return _earliest(question)
