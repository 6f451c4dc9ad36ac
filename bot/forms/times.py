"""When the meeting is: `starts` and `ends`, read in the venue's zone and stored in UTC.

In an edit, a time that is not retyped keeps its wall-clock reading at the venue: moving a
meeting from Almaty to Tashkent keeps "10:00", as the invitation says, and so moves the instant.
`ends` may be a bare time (`18:00`), meaning the day the meeting starts. A start moved without
a new end takes the end along: the meeting keeps its length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.formatting.dates import local_time
from bot.formatting.transitions import is_skipped
from bot.forms.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    LocalWhen,
    parse_clock,
    parse_when,
    within_years,
)
from bot.forms.errors import FieldError
from bot.forms.lines import SplitForm, is_clear


@dataclass(frozen=True)
class _Moments:
    start: LocalWhen | None
    end: LocalWhen | None
    # The end was not typed but moved with a new start.
    shifted: bool = False


def resolve_times(
    form: SplitForm, existing: Mapping[str, object] | None, zone: str | None, now: datetime
) -> tuple[dict[str, object], list[FieldError]]:
    errors: list[FieldError] = []
    start = _typed_start(form, errors) or _kept(existing, "starts_at", may_lack_clock=True)
    end = _typed_end(form, start, errors)
    shifted = False
    if "ends" not in form.fields:
        kept = _kept(existing, "ends_at", may_lack_clock=False)
        end = _moved_with_start(existing, start, kept) if "starts" in form.fields else kept
        shifted = end != kept
    if zone is None or start is None or errors:
        return {}, errors
    moments = _Moments(start, end, shifted)
    errors += _check(form, moments, zone, now)
    return _values(form, existing, moments, zone), errors


def _typed_start(form: SplitForm, errors: list[FieldError]) -> LocalWhen | None:
    value = form.value("starts")
    if value is None:
        return None
    return _checked("starts", value, parse_when(value), errors)


def _typed_end(
    form: SplitForm, start: LocalWhen | None, errors: list[FieldError]
) -> LocalWhen | None:
    value = form.value("ends")
    if value is None or is_clear(value):
        return None
    clock = parse_clock(value)
    if clock is not None:
        return LocalWhen(start.day, clock) if start else None
    return _checked("ends", value, parse_when(value), errors)


def _checked(
    name: str, value: str, when: LocalWhen | None, errors: list[FieldError]
) -> LocalWhen | None:
    if when is None:
        errors.append(FieldError(name, "bad_date", {"value": value}))
    elif not when.within_years():
        params = {"value": value, "first": str(FIRST_YEAR), "last": str(LAST_YEAR)}
        errors.append(FieldError(name, "year_out_of_range", params))
        return None
    return when


def _kept(
    existing: Mapping[str, object] | None, column: str, *, may_lack_clock: bool
) -> LocalWhen | None:
    """A stored time as it read at the venue, so that it can be read again in a new zone."""
    if existing is None:
        return None
    moment = existing.get(column)
    if not isinstance(moment, datetime):
        return None
    local = local_time(moment, str(existing["time_zone"]))
    if not within_years(local.date()):
        return None  # stored before years were checked; it must be retyped to be kept
    # Only the start carries time_known; a kept end is compared and moved with its hour.
    known = not may_lack_clock or bool(existing.get("time_known", True))
    return LocalWhen(local.date(), local.time() if known else None)


def _moved_with_start(
    existing: Mapping[str, object] | None, start: LocalWhen | None, end: LocalWhen | None
) -> LocalWhen | None:
    """The kept end moved by as much as the start was: the meeting keeps its length.

    A new start without an hour keeps the old start's hour for this, so a day moved is a day.
    """
    old_start = _kept(existing, "starts_at", may_lack_clock=False)
    if start is None or end is None or old_start is None or old_start.clock is None:
        return end
    length = _naive(end, old_start.clock) - _naive(old_start, old_start.clock)
    moved = _naive(start, old_start.clock) + length
    return LocalWhen(moved.date(), moved.time())


def _naive(when: LocalWhen, default_clock: time) -> datetime:
    return datetime.combine(when.day, when.clock or default_clock)


def _check(form: SplitForm, moments: _Moments, zone: str, now: datetime) -> list[FieldError]:
    start, end = moments.start, moments.end
    assert start is not None
    errors = [*_skipped(form, "starts", start, zone), *_skipped(form, "ends", end, zone)]
    if "starts" in form.fields and _is_past(start, zone, now):
        errors.append(FieldError("starts", "in_past", {"value": form.value("starts") or ""}))
    if end is None or errors:
        return errors
    if "ends" in form.fields and end.clock is None and start.clock is not None:
        errors.append(FieldError("ends", "end_without_time", {"value": form.value("ends") or ""}))
    elif _ends_first(start, end, zone):
        params = {"starts": start.text(), "ends": end.text()}
        errors.append(FieldError("ends", "end_before_start", params))
    return errors


def _skipped(form: SplitForm, name: str, when: LocalWhen | None, zone: str) -> list[FieldError]:
    """A typed time the clocks jump over: stored as-is it would silently move by an hour."""
    if name not in form.fields or when is None or when.clock is None:
        return []
    if not is_skipped(datetime.combine(when.day, when.clock, ZoneInfo(zone))):
        return []
    return [FieldError(name, "time_skipped", {"value": form.value(name) or "", "zone": zone})]


def _is_past(start: LocalWhen, zone: str, now: datetime) -> bool:
    if start.clock is None:
        return start.day < now.astimezone(ZoneInfo(zone)).date()
    return start.in_zone(zone) < now


def _ends_first(start: LocalWhen, end: LocalWhen, zone: str) -> bool:
    starts_at, ends_at = start.in_zone(zone), end.in_zone(zone)
    # Two bare days may be the same day; two clock times may not be the same minute.
    return ends_at < starts_at or (ends_at == starts_at and start.clock is not None)


def _values(
    form: SplitForm, existing: Mapping[str, object] | None, moments: _Moments, zone: str
) -> dict[str, object]:
    start, end = moments.start, moments.end
    assert start is not None
    moved = existing is None or existing.get("time_zone") != zone
    values: dict[str, object] = {}
    if moved or "starts" in form.fields:
        values["starts_at"] = start.in_zone(zone)
    if existing is None or "starts" in form.fields:
        values["time_known"] = start.clock is not None
    if "ends" in form.fields or moments.shifted or (moved and end is not None):
        values["ends_at"] = end.in_zone(zone) if end else None
    return values
