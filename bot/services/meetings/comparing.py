"""Two meetings side by side: which came first or later, and how long between them or since one.

Each meeting named is looked up as a meeting of its own (one limited query each); a name that
finds none is said to be unknown rather than compared.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.units import format_unit
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import place, when_text
from bot.formatting.dates import local_time, locale_for
from bot.languages import content_order
from bot.services.meetings import lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.known import known_text
from bot.services.meetings.reference import describe
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding import MeetingRef, Question
from bot.understanding.model import Unit
from storage.models import Meeting

_UNIT_NAMES = {"days": "duration-day", "weeks": "duration-week", "months": "duration-month",
               "years": "duration-year"}  # fmt: skip
DAYS_A_WEEK = 7
MONTHS_A_YEAR = 12


async def _each(
    session: AsyncSession, refs: list[MeetingRef], now: datetime
) -> tuple[list[Meeting], MeetingRef | None]:
    """The meeting each reference names (the first found), or the first reference with none."""
    found: list[Meeting] = []
    for ref in refs:
        meetings = await lookup.find(session, ref, now, limit=1)
        if not meetings:
            return found, ref
        found.append(meetings[0])
    return found, None


def _named(meeting: Meeting, language: str, prefix: str) -> dict[str, str]:
    return {
        prefix: meeting.text("title", *content_order(language)) or "",
        f"{prefix}_when": when_text(meeting, language),
        f"{prefix}_place": place(meeting, language),
    }


async def _unknown(session: AsyncSession, ref: MeetingRef, request: Request) -> Answered:
    known = await known_text(session, request)
    what = describe(ref, request.language)
    return Answered(t(request.language, "compare.missing", what=what, known=known))


async def compare_answer(session: AsyncSession, question: Question, request: Request) -> Answered:
    """ "Which came first, Ashgabat or Dushanbe?": both meetings, in the order asked about."""
    if not question.others:
        return Answered(t(request.language, "compare.unclear"))
    refs = [question.meeting, *question.others]
    found, missing = await _each(session, refs, request.now)
    if missing is not None:
        return await _unknown(session, missing, request)
    ordered = sorted(found, key=lambda meeting: meeting.starts_at)
    first, second = ordered[0], ordered[-1]
    language = request.language
    values = _named(first, language, "first") | _named(second, language, "second")
    same = _local_day(first) == _local_day(second)
    key = "compare.same_day" if same else f"compare.{question.order or 'earlier'}"
    text = t(language, key, **values)
    if question.yes_no is not None:
        text = t(language, f"yes_no.{_verdict(found, question, same)}", facts=text)
    return Answered(text, ordered)


def _verdict(found: list[Meeting], question: Question, same: bool) -> str:
    """ "Was the fifth earlier than the sixth?": the first named against the second."""
    named, other = found[0], found[1]
    holds = named.starts_at > other.starts_at if question.order == "later" else (
        named.starts_at < other.starts_at)  # fmt: skip
    return "yes" if holds and not same else "no"


async def between_answer(session: AsyncSession, question: Question, request: Request) -> Answered:
    """Days (or weeks, months, years) between two meetings, or from one to today."""
    refs = [ref for ref in (question.meeting, *question.others) if not _date_only(ref)]
    found, missing = await _each(session, refs, request.now)
    if missing is not None or not found:
        return await _unknown(session, missing or question.meeting, request)
    language, unit = request.language, question.unit or "days"
    given = next((ref.day for ref in question.others if _date_only(ref)), None)
    if given is not None:
        return _from_date(found[0], given, unit, language)
    first = min(found, key=lambda meeting: meeting.starts_at)
    if len(found) > 1:
        second = max(found, key=lambda meeting: meeting.starts_at)
        count = span(_local_day(first), _local_day(second), unit, language)
        values = _named(first, language, "first") | _named(second, language, "second")
        return Answered(t(language, "between.two", count=count, **values), [first, second])
    today = request.now.date()
    key = "between.since" if _local_day(first) <= today else "between.until"
    days = sorted((_local_day(first), today))
    count = span(days[0], days[1], unit, language)
    return Answered(t(language, key, count=count, **_named(first, language, "first")), [first])


def _date_only(ref: MeetingRef) -> bool:
    return ref.day is not None and ref == MeetingRef(day=ref.day)


def _from_date(meeting: Meeting, given: date, unit: Unit, language: str) -> Answered:
    """Between a date the question gives and a meeting, in either order."""
    days = sorted((given, _local_day(meeting)))
    count = span(days[0], days[1], unit, language)
    day = format_date(given, "long", locale=locale_for(language))
    text = t(language, "between.date", count=count, day=day, **_named(meeting, language, "first"))
    return Answered(text, [meeting])


def _local_day(meeting: Meeting) -> date:
    return local_time(meeting.starts_at, meeting.time_zone).date()


def whole_months(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * MONTHS_A_YEAR + later.month - earlier.month
    return months - (later.day < earlier.day)


def span(earlier: date, later: date, unit: Unit, language: str) -> Html:
    """'364 days (about 11 months)': the unit asked for, and the days in a rougher unit."""
    days = (later - earlier).days
    values = {"days": days, "weeks": days // DAYS_A_WEEK, "months": whole_months(earlier, later),
              "years": whole_months(earlier, later) // MONTHS_A_YEAR}  # fmt: skip
    exact = _units(values[unit], unit, language)
    if unit != "days":
        return Html(t(language, "unit.about", exact=exact, rough=_units(days, "days", language)))
    rough_unit: Unit = "years" if values["years"] >= 1 else "months"
    if values[rough_unit] < 1:
        return Html(exact)
    return t(language, "unit.about", exact=exact, rough=_units(values[rough_unit], rough_unit,
                                                               language))  # fmt: skip


def _units(count: int, unit: Unit, language: str) -> str:
    return str(format_unit(count, _UNIT_NAMES[unit], length="long", locale=locale_for(language)))
