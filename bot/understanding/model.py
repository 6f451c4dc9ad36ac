"""What a question asks (the intent) and which meeting it is about, as plain values."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Literal

Language = Literal["en", "ru"]
Relative = Literal["next", "previous", "last", "upcoming", "past"]


class Intent(StrEnum):
    WHEN = "when"
    TIME = "time"
    WHERE = "where"
    COUNTRY = "country"
    ORGANIZER = "organizer"
    SUPPORTERS = "supporters"
    AGENDA = "agenda"
    DETAILS = "details"
    EXISTS = "exists"
    LIST_PAST = "list_past"
    LIST_UPCOMING = "list_upcoming"
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

    def is_empty(self) -> bool:
        return all(getattr(self, field.name) is None for field in fields(self))


@dataclass(frozen=True)
class Question:
    intent: Intent
    meeting: MeetingRef
    language: Language
    missing: str | None = None
    text: str = ""
