"""Wall-clock times a zone skips (clocks go forward) or shows twice (clocks go back).

2027-03-14 02:30 does not happen in New York: the clocks jump from 02:00 to 03:00. 2027-11-07
01:30 happens twice there: first at UTC-4, an hour later at UTC-5. Python reads a skipped time
as if the clocks had not moved yet and a repeated one as the first (`fold=0`), silently.
"""

from __future__ import annotations

from datetime import UTC, datetime


def is_skipped(local: datetime) -> bool:
    """True when the aware `local` (a ZoneInfo time) is not a time the zone ever shows."""
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None) != local.replace(tzinfo=None)


def happens_twice(local: datetime) -> bool:
    """True when the aware `local` wall-clock time is shown twice (the autumn hour)."""
    other = local.replace(fold=1 - local.fold)
    return not is_skipped(local) and other.utcoffset() != local.utcoffset()
