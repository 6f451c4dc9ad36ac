"""What a button says when it is pressed: a compact grammar, checked on the way back in.

    pg:up:<page>    a page of /upcoming (pages count from 1)
    pg:past:<page>  a page of /past
    ics:<id>        the calendar file of meeting <id>
    rm:<id>         remind this chat of meeting <id>
    stop:<id>       stop reminding this chat of meeting <id>
    stop:every      stop reminding this chat of every meeting
    unsub:<id>      the same from the /subscriptions list, which is then shown again
    unsub:every
    unflt:<id>      stop following filter <id> (/subscribe Tajikistan) from the /subscriptions list
    lang:<code>     answer this chat in interface language <code> (bot.languages)
    offs:<m>,<m>    remind this chat these minutes before each meeting (/remind's choices)
    tz:<zone>       show times also in IANA zone <zone>; tz:off shows the venue's only
    forget:yes      delete what the bot stores about this chat (/forget's confirmation)
    doc:<id>        send document <id> (its file again, or its link)

and the admins' (bot.services.admin.entry checks the presser is one, and owns the draft):

    adm:save:<draft>   save the previewed draft
    adm:drop:<draft>   throw the draft away (and leave the guided dialog)
    adm:skip:<draft>   skip the dialog's current, optional question
    adm:back:<draft>   go back to the dialog's previous question
    adm:ev:<page>      a page of /events
    adm:del:<meeting>  delete the meeting /deleteevent showed
    adm:keep:<meeting> keep it after all

Telegram returns `callback_data` as the client sends it, and a modified client can send
anything: `decode` trusts nothing and answers None for whatever is not exactly this grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.languages import LANGUAGES, InterfaceLanguage

# Telegram's limit on callback_data, in bytes.
MAX_DATA_BYTES = 64
# Meeting ids and pages fit PostgreSQL's INTEGER; a longer number must not reach a query.
MAX_NUMBER = 2**31 - 1

Listing = Literal["upcoming", "past"]
LISTING_CODES: dict[Listing, str] = {"upcoming": "up", "past": "past"}
LISTINGS_BY_CODE: dict[str, Listing] = {code: name for name, code in LISTING_CODES.items()}

_NUMBER = r"([1-9][0-9]{0,9})"
_PAGE = re.compile(rf"pg:(up|past):{_NUMBER}")
_CALENDAR = re.compile(rf"ics:{_NUMBER}")
_REMIND = re.compile(rf"rm:{_NUMBER}")
_STOP = re.compile(rf"(stop|unsub):(?:{_NUMBER}|every)")
_STOP_FILTER = re.compile(rf"unflt:{_NUMBER}")
_LANGUAGE = re.compile(r"lang:([a-z]{2,3})")
_FETCH = re.compile(rf"doc:{_NUMBER}")
ADMIN_PREFIX = "adm:"
_OFFSETS = re.compile(r"offs:([1-9][0-9]{0,4}(?:,[1-9][0-9]{0,4}){0,4})")
_ZONE = re.compile(r"tz:(off|[A-Za-z0-9_+-]{1,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2})")
FORGET_DATA = "forget:yes"
_ADMIN = re.compile(rf"adm:(save|drop|skip|back|ev|del|keep):{_NUMBER}")
AdminVerb = Literal["save", "drop", "skip", "back", "ev", "del", "keep"]


@dataclass(frozen=True)
class Page:
    listing: Listing
    page: int


@dataclass(frozen=True)
class Calendar:
    meeting_id: int


@dataclass(frozen=True)
class Remind:
    meeting_id: int


@dataclass(frozen=True)
class Stop:
    # None: the chat's subscription to every meeting.
    meeting_id: int | None
    # Pressed in the /subscriptions list (which is then shown again), not under a meeting.
    from_list: bool = False


@dataclass(frozen=True)
class StopFilter:
    filter_id: int


@dataclass(frozen=True)
class ChooseLanguage:
    code: InterfaceLanguage


@dataclass(frozen=True)
class ChooseOffsets:
    minutes: tuple[int, ...]


@dataclass(frozen=True)
class ChooseZone:
    # None: the venue's time only.
    zone: str | None


@dataclass(frozen=True)
class Forget:
    pass


@dataclass(frozen=True)
class Fetch:
    document_id: int


@dataclass(frozen=True)
class AdminAction:
    """An admin button: `number` is a draft, a page of /events or a meeting, as `verb` says."""

    verb: AdminVerb
    number: int


Action = (
    Page
    | Calendar
    | Remind
    | Stop
    | StopFilter
    | ChooseLanguage
    | ChooseOffsets
    | ChooseZone
    | Forget
    | Fetch
    | AdminAction
)


def encode(action: Action) -> str:
    match action:
        case Page(listing, page):
            data = f"pg:{LISTING_CODES[listing]}:{page}"
        case Calendar(meeting_id):
            data = f"ics:{meeting_id}"
        case Remind(meeting_id):
            data = f"rm:{meeting_id}"
        case Stop(meeting_id, from_list):
            verb = "unsub" if from_list else "stop"
            data = f"{verb}:{meeting_id if meeting_id is not None else 'every'}"
        case StopFilter(filter_id):
            data = f"unflt:{filter_id}"
        case ChooseLanguage(code):
            data = f"lang:{code}"
        case ChooseOffsets(minutes):
            data = "offs:" + ",".join(map(str, minutes))
        case ChooseZone(zone):
            data = f"tz:{zone or 'off'}"
        case Forget():
            data = FORGET_DATA
        case Fetch(document_id):
            data = f"doc:{document_id}"
        case AdminAction(verb, number):
            data = f"{ADMIN_PREFIX}{verb}:{number}"
    if decode(data) != action:
        raise ValueError(f"not a valid button action: {action!r}")
    return data


def decode(data: str | None) -> Action | None:
    if not data or len(data.encode()) > MAX_DATA_BYTES or not data.isascii():
        return None
    if page := _PAGE.fullmatch(data):
        number = _number(page.group(2))
        return Page(LISTINGS_BY_CODE[page.group(1)], number) if number else None
    if calendar := _CALENDAR.fullmatch(data):
        number = _number(calendar.group(1))
        return Calendar(number) if number else None
    if remind := _REMIND.fullmatch(data):
        number = _number(remind.group(1))
        return Remind(number) if number else None
    if stop := _STOP.fullmatch(data):
        from_list = stop.group(1) == "unsub"
        if stop.group(2) is None:
            return Stop(None, from_list)
        number = _number(stop.group(2))
        return Stop(number, from_list) if number else None
    if stop_filter := _STOP_FILTER.fullmatch(data):
        number = _number(stop_filter.group(1))
        return StopFilter(number) if number else None
    if language := _LANGUAGE.fullmatch(data):
        code = next((code for code in LANGUAGES if code == language.group(1)), None)
        return ChooseLanguage(code) if code else None
    if offsets := _OFFSETS.fullmatch(data):
        return ChooseOffsets(tuple(int(m) for m in offsets.group(1).split(",")))
    if zone := _ZONE.fullmatch(data):
        return ChooseZone(None if zone.group(1) == "off" else zone.group(1))
    if data == FORGET_DATA:
        return Forget()
    if fetch := _FETCH.fullmatch(data):
        number = _number(fetch.group(1))
        return Fetch(number) if number else None
    if admin := _ADMIN.fullmatch(data):
        verb: AdminVerb = admin.group(1)  # type: ignore[assignment]
        number = _number(admin.group(2))
        return AdminAction(verb, number) if number else None
    return None


def _number(digits: str) -> int | None:
    number = int(digits)
    return number if number <= MAX_NUMBER else None


def admin_data(verb: AdminVerb, number: int) -> str:
    """An admin button's data: `admin_data("save", draft.id)`."""
    return encode(AdminAction(verb, number))
