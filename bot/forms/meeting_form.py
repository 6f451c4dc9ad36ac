"""The admin's one-message meeting form, read into Meeting column values or a list of mistakes.

For an add, title, starts and city are required; for an edit (`existing` holds the meeting's
current column values) any subset may be given, and checks run on the merged meeting.
Every mistake is reported at once, so the admin fixes the message in one go.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from bot.forms.errors import FieldError, too_long
from bot.forms.keys import REQUIRED, TRANSLATED
from bot.forms.lines import SplitForm, is_clear, split_form
from bot.forms.ordinals import parse_ordinal
from bot.forms.place import resolve_place
from bot.forms.scripts import route_by_script
from bot.forms.times import resolve_times

# Field -> (column, length limit). Limits are the columns'; summaries are Text, kept readable.
TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "title": ("title_en", 200),
    "title_ru": ("title_ru", 200),
    "venue": ("venue_en", 300),
    "venue_ru": ("venue_ru", 300),
    "organizer": ("organizer_en", 300),
    "organizer_ru": ("organizer_ru", 300),
    "supporters": ("supporters_en", 500),
    "supporters_ru": ("supporters_ru", 500),
    "summary": ("summary_en", 2000),
    "summary_ru": ("summary_ru", 2000),
}
# Fields whose column may not be empty, so a dash cannot clear them.
NOT_CLEARABLE = frozenset({"title", "starts", "city", "timezone"})
# An added meeting gets every column the form knows; what was not given is None.
ADD_DEFAULTS: dict[str, object] = dict.fromkeys(
    (
        *(column for column, _ in TEXT_FIELDS.values()),
        "ends_at",
        "city_ru",
        "ordinal",
        "country_code",
        "country_en",
        "country_ru",
    ),
)


@dataclass(frozen=True)
class MeetingDraft:
    """Meeting column values: all of them for an add, only the changed ones for an edit."""

    values: dict[str, object]


def parse_meeting_form(
    text: str, *, now: datetime, existing: Mapping[str, object] | None = None
) -> MeetingDraft | list[FieldError]:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    form = split_form(text)
    if not form.fields and not form.errors:
        return [FieldError("", "no_fields", {})]
    errors = [*form.errors, *route_by_script(form), *_missing(form, existing)]
    errors += _drop_empty(form)
    values: dict[str, object] = {}
    errors += _read_texts(form, values)
    errors += _read_translations(form, values, existing)
    if existing is None and values.get("title_en") is None:
        # The English title column may not be empty: a Russian-only title stands in for it,
        # as English readers would see it anyway (the preview says it is missing).
        values["title_en"] = values.get("title_ru")
    errors += _read_ordinal(form, values)
    place = resolve_place(form, existing)
    times, time_errors = resolve_times(form, existing, place.zone, now)
    errors += place.errors + time_errors
    if errors:
        return errors
    values |= place.values | times
    return MeetingDraft({**ADD_DEFAULTS, **values} if existing is None else values)


def _missing(form: SplitForm, existing: Mapping[str, object] | None) -> list[FieldError]:
    if existing is not None:
        return []
    given = {name.removesuffix("_ru") for name in form.fields}
    return [FieldError(name, "missing", {}) for name in REQUIRED if name not in given]


def _drop_empty(form: SplitForm) -> list[FieldError]:
    """Empty values are reported once here and then read as if the line were not there."""
    empty = [
        name
        for name in form.fields
        if not form.value(name) or (name in NOT_CLEARABLE and is_clear(form.value(name)))
    ]
    for name in empty:
        del form.fields[name]
    return [FieldError(name, "empty", {}) for name in empty]


def _read_texts(form: SplitForm, values: dict[str, object]) -> list[FieldError]:
    errors: list[FieldError] = []
    for name, (column, limit) in TEXT_FIELDS.items():
        value = form.value(name)
        if value is None:
            continue
        if len(value) > limit:
            errors.append(too_long(name, value, limit))
        values[column] = None if is_clear(value) else value
    return errors


def _read_translations(
    form: SplitForm, values: dict[str, object], existing: Mapping[str, object] | None
) -> list[FieldError]:
    """`title_kk: ...` and the like, merged into the meeting's `translations` (a dash removes
    one); the column is set only when such a field is given."""
    given = {name: value for name in TRANSLATED if (value := form.value(name)) is not None}
    if not given:
        return []
    current = cast("dict[str, dict[str, str]] | None", (existing or {}).get("translations"))
    translations = {code: dict(texts) for code, texts in (current or {}).items()}
    errors: list[FieldError] = []
    for name, value in given.items():
        field, code = TRANSLATED[name]
        limit = TEXT_FIELDS[field][1]
        if len(value) > limit:
            errors.append(too_long(name, value, limit))
        texts = translations.setdefault(code, {})
        if is_clear(value):
            texts.pop(field, None)
        else:
            texts[field] = value
    values["translations"] = {code: texts for code, texts in translations.items() if texts} or None
    return errors


def _read_ordinal(form: SplitForm, values: dict[str, object]) -> list[FieldError]:
    value = form.value("ordinal")
    if value is None:
        return []
    number = None if is_clear(value) else parse_ordinal(value)
    if number is None and not is_clear(value):
        return [FieldError("ordinal", "bad_ordinal", {"value": value})]
    values["ordinal"] = number
    return []
