"""The reader's own time zone, as typed after /timezone: an IANA name or a city the bot knows."""

from __future__ import annotations

import zoneinfo
from functools import cache

from bot.places import fold, zone_for_city

# Words that switch the reader's zone off: times are then shown in the venue's zone only.
OFF_WORDS = frozenset({"off", "none", "venue", "выкл", "выключить", "нет", "отключить"})


class UnknownZoneName(ValueError):
    """Neither an IANA zone name nor a city the bot knows."""


def read_zone(text: str) -> str | None:
    """The IANA key for `text` ("Asia/Almaty", "almaty", "Москва"), or None for "off".

    Raises UnknownZoneName. Only real places count: "localtime", "Factory" and other keys of the
    zone database that name no place are refused.
    """
    typed = " ".join(text.split())
    if fold(typed) in OFF_WORDS:
        return None
    key = _place_keys().get(typed.casefold()) or zone_for_city(typed)
    if key is None:
        raise UnknownZoneName(typed)
    return key


@cache
def _place_keys() -> dict[str, str]:
    keys = {"UTC"} | {zone for zone in zoneinfo.available_timezones() if _is_place(zone)}
    return {zone.casefold(): zone for zone in keys}


def _is_place(zone: str) -> bool:
    area = zone.split("/", 1)[0]
    return "/" in zone and area not in {"Etc", "SystemV", "US", "posix", "right"}
