"""A VTIMEZONE rule (the RRULE of a STANDARD or DAYLIGHT block) as the onsets the file needs.

A zone's clock changes a few times a year, so a rule is expanded only over the years of the
file's events, a year either side (the change before the first event decides its offset), and
at most MAX_ONSETS onsets are produced counting from the rule's start: more is not a time zone
but a file meant to stall its reader (a rule repeating every second from 1900), and the block
is left out. A sub-daily, daily or weekly rule without COUNT is first moved forward by whole
periods to just before the window, which keeps every onset the same (dateutil would otherwise
walk every period from the rule's start). Expansion is dateutil's (icalendar's own choice).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from dateutil.rrule import DAILY, HOURLY, MINUTELY, SECONDLY, WEEKLY, rrule, rrulestr
from icalendar.prop import vDatetime

from bot.forms.dates import FIRST_YEAR, LAST_YEAR

# Every time zone in IANA's database has changed its clock fewer than 1,000 times in all.
MAX_ONSETS = 5000
# First and last moment whose offset the file's events may need (naive: the zone's own clock).
YearSpan = tuple[datetime, datetime]
STEPS = {
    SECONDLY: timedelta(seconds=1),
    MINUTELY: timedelta(minutes=1),
    HOURLY: timedelta(hours=1),
    DAILY: timedelta(days=1),
    WEEKLY: timedelta(weeks=1),
}


def window_of(years: Iterable[int]) -> YearSpan:
    """The years of the events, a year either side, within the years the bot keeps."""
    known = [year for year in years if FIRST_YEAR <= year <= LAST_YEAR] or [FIRST_YEAR]
    first, last = max(min(known) - 1, FIRST_YEAR), min(max(known) + 1, LAST_YEAR)
    return datetime(first, 1, 1), datetime(last, 12, 31, 23, 59, 59)


def expanded_rule(rule: str, start: str, window: YearSpan) -> list[datetime] | None:
    """The rule's onsets within `window`; None when it has more than MAX_ONSETS up to there.

    `rule` and `start` are the RRULE and DTSTART values as written; ValueError when they cannot
    be read here (the block is then left as written, for icalendar to read or report).
    """
    try:
        first = vDatetime.from_ical(start).replace(tzinfo=None)
        recurrence = rrulestr(rule, dtstart=first, ignoretz=True)
    except (ValueError, TypeError, OverflowError) as error:
        raise ValueError(f"unreadable zone rule {rule!r}") from error
    if not isinstance(recurrence, rrule):
        raise ValueError(f"not one zone rule: {rule!r}")
    return _within(_moved(recurrence, window[0]), window)


def _moved(recurrence: rrule, since: datetime) -> rrule:
    # dateutil keeps a rule's parts in these attributes, and offers no other way to read them.
    step = STEPS.get(recurrence._freq)
    start = recurrence._dtstart
    if step is None or recurrence._count is not None or start >= since:
        return recurrence
    period = step * recurrence._interval
    return recurrence.replace(dtstart=start + period * ((since - start) // period))


def _within(recurrence: rrule, window: YearSpan) -> list[datetime] | None:
    # The last onset before the window decides the offset at its start.
    before: list[datetime] = []
    onsets: list[datetime] = []
    try:
        for count, onset in enumerate(recurrence, start=1):
            if onset > window[1]:
                break
            if count > MAX_ONSETS:
                return None
            if onset >= window[0]:
                onsets.append(onset)
            else:
                before[:] = [onset]
    except (ValueError, OverflowError):
        # dateutil stops at year 9999 with a ValueError on some rules.
        pass
    return before + onsets
