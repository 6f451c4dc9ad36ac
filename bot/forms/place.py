"""Where the meeting is: city, country and the time zone its times are read in.

The zone follows the city unless `timezone` is given, which wins (a venue near a zone border,
or a city the gazetteer does not know). In an edit, a new city without a zone brings its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from bot.forms.errors import FieldError, too_long
from bot.forms.lines import SplitForm, is_clear
from bot.places import (
    City,
    Country,
    country_by_code,
    find_city,
    find_country,
    real_zones,
    zone_for_city,
)

CITY_LIMIT = 100


@dataclass
class PlaceReading:
    values: dict[str, object] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    zone: str | None = None


def resolve_place(form: SplitForm, existing: Mapping[str, object] | None) -> PlaceReading:
    place = PlaceReading()
    typed_zone = _read_zone(form, place)
    city = _read_city(form, place)
    _read_country(form, place, city, existing)
    if "timezone" in form.fields:
        place.zone = typed_zone
    elif "city" in form.fields:
        place.zone = zone_for_city(form.value("city") or "")
    elif existing is not None:
        place.zone = str(existing["time_zone"])
    if place.zone is not None and ("timezone" in form.fields or "city" in form.fields):
        place.values["time_zone"] = place.zone
    return place


def _read_zone(form: SplitForm, place: PlaceReading) -> str | None:
    value = form.value("timezone")
    if value is None:
        return None
    zone = zone_named(value)
    if zone is None:
        place.errors.append(FieldError("timezone", "bad_zone", {"value": value}))
    return zone


def zone_named(value: str) -> str | None:
    """An IANA zone in any letter case (`asia/almaty`), or the zone of a city named instead."""
    return _zones_by_lower_name().get(value.strip().lower()) or zone_for_city(value)


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {zone.lower(): zone for zone in real_zones()}


def _read_city(form: SplitForm, place: PlaceReading) -> City | None:
    value = form.value("city")
    if value is None:
        return None
    city = find_city(value)
    if len(value) > CITY_LIMIT:
        place.errors.append(too_long("city", value, CITY_LIMIT))
    elif zone_for_city(value) is None and "timezone" not in form.fields:
        place.errors.append(FieldError("city", "unknown_city", {"value": value}))
    place.values["city_en"] = city.name_en if city else value
    place.values["city_ru"] = city.name_ru if city else None
    return city


def _read_country(
    form: SplitForm, place: PlaceReading, city: City | None, existing: Mapping[str, object] | None
) -> None:
    value = form.value("country")
    if value is None and "city" not in form.fields:
        return
    country = country_by_code(city.country) if city else None
    if value is not None and not is_clear(value):
        typed = find_country(value)
        known_city = city or _existing_city(form, existing)
        if typed is None:
            place.errors.append(FieldError("country", "unknown_country", {"value": value}))
        elif known_city is not None and typed.code != known_city.country:
            params = {"city": form.value("city") or known_city.name_en, "value": value}
            place.errors.append(FieldError("country", "country_mismatch", params))
        country = typed
    _fill_country(place, None if is_clear(value) else country)


def _existing_city(form: SplitForm, existing: Mapping[str, object] | None) -> City | None:
    if "city" in form.fields or existing is None:
        return None
    return find_city(str(existing.get("city_en") or ""))


def _fill_country(place: PlaceReading, country: Country | None) -> None:
    place.values["country_code"] = country.code if country else None
    place.values["country_en"] = country.name_en if country else None
    place.values["country_ru"] = country.name_ru if country else None
