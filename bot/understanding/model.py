"""What a question asks (the intent) and which meeting it is about, as plain values."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Literal

from bot.languages import ColumnLanguage

# "first": the earliest of the meetings the rest of the question names ("the first meeting in
# Dushanbe"), where an ordinal would mean the first of a numbered series.
Relative = Literal["next", "previous", "last", "upcoming", "past", "first"]
# "The meeting after the fifth": the neighbour, in the same series by date, of the named one.
Relation = Literal["before", "after"]
# What a yes/no question says happened to the meeting.
Status = Literal["cancelled", "happens"]
# The part a country or organisation plays in a claim ("did Kyrgyzstan support it?").
Role = Literal["organizer", "supporters"]
# Which of two named meetings a comparison asks for.
Order = Literal["earlier", "later"]
# The unit of a date difference ("how many days between ...").
Unit = Literal["days", "weeks", "months", "years"]


class Intent(StrEnum):
    WHEN = "when"
    TIME = "time"
    WHERE = "where"
    COUNTRY = "country"
    ORGANIZER = "organizer"
    SUPPORTERS = "supporters"
    AGENDA = "agenda"
    COUNT = "count"
    DETAILS = "details"
    EXISTS = "exists"
    LIST_PAST = "list_past"
    LIST_UPCOMING = "list_upcoming"
    COMPARE = "compare"
    BETWEEN = "between"
    DEFINE = "define"
    CENTRE_WHAT = "centre_what"
    CENTRE_OPENED = "centre_opened"
    CENTRE_COUNTRIES = "centre_countries"
    CENTRE_TASKS = "centre_tasks"
    CENTRE_PROGRAMME = "centre_programme"
    UNKNOWN_FACT = "unknown_fact"
    GREETING = "greeting"
    THANKS = "thanks"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Period:
    """`count` calendar `unit`s starting `offset` units from the current one (0: this one).

    "last year" is (year, -1, 1); "the past 12 months" is rolling: the 12 months up to now.
    """

    unit: Literal["week", "month", "year"]
    offset: int
    count: int = 1
    rolling: bool = False


@dataclass(frozen=True)
class MeetingRef:
    """The meeting a question points at; every field is optional and they combine as filters.

    A full date also fills year, month and day_of_month, so a caller can filter on any of them.
    """

    ordinal: int | None = None
    city: str | None = None
    country: str | None = None
    year: int | None = None
    day: datetime.date | None = None
    relative: Relative | None = None
    month: int | None = None
    day_of_month: int | None = None
    # A kind of meeting named in titles: "briefing", "seminar" (bot.understanding.kinds).
    kind: str | None = None
    relation: Relation | None = None
    # Words of the question that name a subject ("water", «безопасности»): the meeting's title
    # or summary must hold each of them, in any word form.
    topic: tuple[str, ...] | None = None
    # A period relative to today ("this month", «в прошлом году»), read with the clock.
    period: Period | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, field.name) is None for field in fields(self))

    def anchor(self) -> MeetingRef:
        """The named meeting a relation starts from ("after the fifth": the fifth)."""
        return replace(self, relation=None)


@dataclass(frozen=True)
class YesNo:
    """A question answered Yes or No: 'is there ...' (existence), or claims about a meeting."""

    existence: bool = False
    status: Status | None = None
    # "Has it been held?", «прошла ли»: true only of a meeting already past.
    already: bool = False
    # "Is it coming up?", «ещё впереди?»: true only of a meeting still to come that happens.
    upcoming: bool = False
    # "Did Kyrgyzstan support it?": the role and who is said to play it (a country code or
    # "UNRCCA").
    role: Role | None = None
    party: str | None = None
    # A party named by words rather than a country ("did the OSCE support it?").
    party_words: tuple[str, ...] = ()
    # "Was water discussed?": words the meeting's title or summary must hold.
    topic: tuple[str, ...] = ()
    # "Why was it cancelled?": a premise to check before explaining it.
    why: bool = False


@dataclass(frozen=True)
class Part:
    """One of several questions in one message ("where is it and who organizes it?")."""

    intent: Intent
    missing: str | None = None


@dataclass(frozen=True)
class Question:
    intent: Intent
    meeting: MeetingRef
    language: ColumnLanguage
    missing: str | None = None
    text: str = ""
    yes_no: YesNo | None = None
    # Two or more when the message asks several things; empty otherwise.
    parts: tuple[Part, ...] = ()
    # "And where?", "who organizes it?": about the meeting of the previous answer.
    refers_back: bool = False
    # The further meetings a comparison or a date difference names, after `meeting`.
    others: tuple[MeetingRef, ...] = ()
    order: Order | None = None
    unit: Unit | None = None
    # The glossary entry a DEFINE question asks about (storage/knowledge/glossary.toml).
    term: str | None = None
    # Words the reading could not use; an answer says it left them out.
    unread: tuple[str, ...] = ()
