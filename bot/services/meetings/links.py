"""Deep links to the bot (https://t.me/<bot>?start=<payload>) and what they start.

A payload is at most 64 characters of `A-Za-z0-9_-` and arrives as `/start <payload>`:
`event_<id>` opens a meeting's card, `subscribe` subscribes the chat to every meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from bot.services.callbacks import MAX_NUMBER

SUBSCRIBE = "subscribe"
_EVENT = re.compile(r"event_([1-9][0-9]{0,9})")


@dataclass(frozen=True)
class OpenMeeting:
    meeting_id: int


@dataclass(frozen=True)
class SubscribeEvery:
    pass


Payload = OpenMeeting | SubscribeEvery


def deep_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{quote(bot_username)}?start={payload}"


def meeting_link(bot_username: str, meeting_id: int) -> str:
    return deep_link(bot_username, f"event_{meeting_id}")


def share_link(bot_username: str, meeting_id: int, title: str) -> str:
    """Telegram's share dialog, with the meeting's deep link and its title ready to send."""
    query = urlencode({"url": meeting_link(bot_username, meeting_id), "text": title})
    return f"https://t.me/share/url?{query}"


def read_payload(text: str) -> Payload | None:
    """What `/start <payload>` asks for; None for no payload or one the bot does not know."""
    payload = text.strip()
    if payload == SUBSCRIBE:
        return SubscribeEvery()
    match = _EVENT.fullmatch(payload)
    if match is None or int(match.group(1)) > MAX_NUMBER:
        return None
    return OpenMeeting(int(match.group(1)))
