"""The zone a time in a file names with its TZID, read from that file alone.

Outlook names zones the Windows way (`TZID=Central Asia Standard Time`) and adds a VTIMEZONE
block for it; Google and Apple use IANA names. A name IANA knows, directly or through
icalendar's Windows table, gives the meeting its venue zone. Any other TZID is read with the
file's own VTIMEZONE block, built here per file: icalendar's parser also caches such blocks for
the whole process, first file wins, so another file's block of the same name must not decide.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from icalendar import Component, GloballyUniqueTZIDGuessed, Timezone
from icalendar.timezone import tzid_from_tzinfo, tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from bot.places import is_valid_zone


class UnknownTzid(Exception):
    def __init__(self, tzid: str) -> None:
        super().__init__(f"unknown TZID {tzid!r}")
        self.tzid = tzid


@dataclass(frozen=True)
class FileZones:
    # TZID -> the zone its VTIMEZONE block describes, for TZIDs IANA does not know.
    blocks: Mapping[str, tzinfo] = field(default_factory=dict)

    def localize(self, wall: datetime, tzid: str) -> datetime:
        """`wall` (the clock as the file writes it) in the zone `tzid` names; UnknownTzid else."""
        key = iana_key(tzid)
        zone = ZoneInfo(key) if key is not None else self.blocks.get(_clean(tzid))
        if zone is None:
            raise UnknownTzid(tzid)
        return wall.replace(tzinfo=zone)


def file_zones(calendar: Component) -> FileZones:
    blocks: dict[str, tzinfo] = {}
    for component in calendar.walk("VTIMEZONE"):
        tzid = _clean(str(component.get("TZID", "")))
        zone = _block_zone(component) if isinstance(component, Timezone) else None
        if tzid and iana_key(tzid) is None and zone is not None:
            blocks[tzid] = zone
    return FileZones(blocks)


def iana_key(tzid: str) -> str | None:
    """The IANA name of a TZID: itself, the zone icalendar maps a Windows name to, or the zone
    a globally unique TZID (RFC 5545, 3.2.19: `/mozilla.org/20050126_1/Asia/Almaty`, as
    Thunderbird and Evolution write) ends with, as icalendar resolves it."""
    name = _clean(tzid)
    key = name if is_valid_zone(name) else WINDOWS_TO_OLSON.get(name)
    if key is None and tzid.strip().strip('"').startswith("/"):
        key = _globally_unique(tzid.strip().strip('"'))
    return key if key is not None and is_valid_zone(key) else None


def _globally_unique(tzid: str) -> str | None:
    with warnings.catch_warnings():
        # icalendar warns that it guessed; the guess is checked against IANA's names by the
        # caller, and the admin sees the zone on the card.
        warnings.simplefilter("ignore", GloballyUniqueTZIDGuessed)
        zone = tzp.timezone(tzid)
    return tzid_from_tzinfo(zone) if isinstance(zone, ZoneInfo) else None


def _block_zone(component: Timezone) -> tzinfo | None:
    # A block that cannot be read leaves its TZID unknown: the events using it say so.
    try:
        return component.to_tz(lookup_tzid=False)
    except (ValueError, KeyError, TypeError):
        return None


def _clean(tzid: str) -> str:
    # Some writers quote the name, or prefix it with a slash for "globally unique".
    return tzid.strip().strip('"').lstrip("/")
