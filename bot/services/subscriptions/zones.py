"""The reader's own time zone, as typed after /timezone (an IANA name, or any city the bot or
Babel knows in English or Russian) or chosen by a button (the venues' zones and those of the
reader's language)."""

from __future__ import annotations

import zoneinfo
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_location

from bot.languages import interface
from bot.places import fold, zone_for_city

# Words that switch the reader's zone off: times are then shown in the venue's zone only.
OFF_WORDS = frozenset({"off", "none", "venue", "выкл", "выключить", "нет", "отключить"})
# Babel's city names are read in these locales (what the README promises: English, Russian).
CITY_LOCALES = ("en", "ru")
# A country with more zones than this offers none by language (Russia has 26): a city is asked.
FEW_ZONES = 3


class UnknownZoneName(ValueError):
    """Neither an IANA zone name nor a city the bot knows."""


def read_zone(text: str) -> str | None:
    """The IANA key for `text` ("Asia/Almaty", "almaty", "Москва", "Токио"), or None for "off".

    Raises UnknownZoneName. Only real places count: "localtime", "Factory" and other keys of the
    zone database that name no place are refused.
    """
    typed = " ".join(text.split())
    if fold(typed) in OFF_WORDS:
        return None
    key = (
        _place_keys().get(typed.casefold())
        or zone_for_city(typed)
        or _babel_cities().get(fold(typed))
    )
    if key is None:
        raise UnknownZoneName(typed)
    return key


def is_place_zone(zone: str) -> bool:
    return zone in _place_keys().values()


def city_of(zone: str, locale: str) -> str:
    """The zone's city in the reader's locale ("Душанбе"), as Babel names it."""
    try:
        return str(get_timezone_location(zone, locale=locale, return_city=True))
    except (LookupError, ValueError):
        return zone


def language_zones(language: str, telegram_language: str | None) -> tuple[str, ...]:
    """Zones of the reader's language: those its declaration names, then those of the country
    of their Telegram language (`de` → Europe/Berlin) when it has few, one a clock (Babel's
    metazone: Europe/Busingen adds nothing to Europe/Berlin)."""
    zones = list(interface(language).zones)
    territory = _territory(telegram_language)
    found = get_global("territory_zones").get(territory, []) if territory else []
    clocks = get_global("meta_zones")
    shown = {clocks.get(zone, zone) for zone in zones}
    for zone in sorted(found) if len(found) <= FEW_ZONES else ():
        if is_place_zone(zone) and clocks.get(zone, zone) not in shown:
            zones.append(zone)
            shown.add(clocks.get(zone, zone))
    return tuple(zones)


def _territory(code: str | None) -> str | None:
    if not code:
        return None
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    if locale.territory:
        return locale.territory
    likely = get_global("likely_subtags").get(locale.language)
    return Locale.parse(likely).territory if likely else None


@cache
def _babel_cities() -> dict[str, str]:
    """Every zone's exemplar city, in English and Russian, folded: "токио" → Asia/Tokyo."""
    cities: dict[str, str] = {}
    aliases = get_global("zone_aliases")
    # Canonical zones first: "Лондон" is Europe/London, not its old alias Europe/Belfast.
    for zone in sorted(_place_keys().values(), key=lambda zone: (zone in aliases, zone)):
        for locale in CITY_LOCALES:
            cities.setdefault(fold(city_of(zone, locale)), zone)
    return cities


@cache
def _place_keys() -> dict[str, str]:
    keys = {"UTC"} | {zone for zone in zoneinfo.available_timezones() if _is_place(zone)}
    return {zone.casefold(): zone for zone in keys}


def _is_place(zone: str) -> bool:
    area = zone.split("/", 1)[0]
    return "/" in zone and area not in {"Etc", "SystemV", "US", "posix", "right"}
