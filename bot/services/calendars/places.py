"""Where an imported event happens: its LOCATION read against the gazetteer, and the venue's zone.

Calendar applications write LOCATION freely ("Hall A, Rixos Hotel, Almaty, Kazakhstan"), so
any part that names a city we know wins, wherever it stands; what comes before it is the venue.
Otherwise the last part (after a country, if one ends the line) is the city when the zone
database knows it ("Berlin"). Failing that the zone the file names decides, and the city is
that zone's: the location text is then a venue ("Conference room 2"), never made a city.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.places import City, Country, country_by_code, find_city, find_country, zone_for_city

# Zones that say where the clock is kept, not where the meeting is.
NOT_A_VENUE_ZONE = frozenset({"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z"})


@dataclass(frozen=True)
class EventPlace:
    zone: str
    # Meeting column values: city_en, city_ru, country_code, country_en, country_ru, venue_en.
    values: dict[str, object]


def read_place(location: str | None, zone_hint: str | None) -> EventPlace | None:
    """The place, or None when neither the location nor the file tells the venue's zone."""
    hint = zone_hint if zone_hint not in NOT_A_VENUE_ZONE else None
    parts = [part.strip() for part in (location or "").split(",") if part.strip()]
    for index, part in enumerate(parts):
        city = find_city(part)
        if city is not None:
            return _known_city(city, parts[:index])
    return _other_place(parts, hint)


def _known_city(city: City, venue: list[str]) -> EventPlace:
    country = country_by_code(city.country)
    values = {"city_en": city.name_en, "city_ru": city.name_ru, **_country(country)}
    return EventPlace(city.zone, {**values, "venue_en": _venue(venue)})


def _other_place(parts: list[str], zone_hint: str | None) -> EventPlace | None:
    country = find_country(parts[-1]) if len(parts) > 1 else None
    if country is not None:
        parts = parts[:-1]
    zone = zone_for_city(parts[-1]) if parts else None
    if zone is not None:
        values = {"city_en": parts[-1], "city_ru": None, **_country(country)}
        return EventPlace(zone, {**values, "venue_en": _venue(parts[:-1])})
    return _zone_city(zone_hint, parts, country) if zone_hint is not None else None


def _zone_city(zone: str, venue: list[str], country: Country | None) -> EventPlace:
    """The city a zone is named after ("Asia/Tashkent" -> Tashkent), all the location a venue."""
    name = zone.rsplit("/", 1)[-1].replace("_", " ")
    city = find_city(name)
    if city is not None and (country is None or country.code == city.country):
        return _known_city(city, venue)
    values = {"city_en": name, "city_ru": None, **_country(country)}
    return EventPlace(zone, {**values, "venue_en": _venue(venue)})


def _country(country: Country | None) -> dict[str, object]:
    if country is None:
        return {"country_code": None, "country_en": None, "country_ru": None}
    return {
        "country_code": country.code,
        "country_en": country.name_en,
        "country_ru": country.name_ru,
    }


def _venue(parts: list[str]) -> str | None:
    return ", ".join(parts) or None
