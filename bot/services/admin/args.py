"""Ids typed after admin commands: a meeting's (/editevent 5 ...) or a user's (/grant 123)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.services.callbacks import MAX_NUMBER
from bot.services.numbers import DIGITS, parse_number
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t

_LEADING_ID = re.compile(rf"({DIGITS})(?:\s+(.*))?", re.DOTALL)
# Telegram user ids fit 52 bits; anything longer is a typo, not an id.
MAX_USER_ID = 2**52


@dataclass(frozen=True)
class MeetingArgs:
    meeting_id: int
    rest: str


def meeting_args(request: Request, command: str) -> MeetingArgs | Reply:
    """The meeting id the arguments start with, or a reply showing how to write it."""
    match = _LEADING_ID.fullmatch(request.args.strip())
    if match is None or not 0 < int(match.group(1)) <= MAX_NUMBER:
        example = t(request.language, f"admin.usage.{command}")
        return Reply(t(request.language, "admin.error.bad_meeting_id", example=example))
    return MeetingArgs(int(match.group(1)), (match.group(2) or "").strip())


def user_id(request: Request, command: str) -> int | Reply:
    number = parse_number(request.args, high=MAX_USER_ID - 1)
    if number is None:
        example = t(request.language, f"admin.usage.{command}")
        return Reply(t(request.language, "admin.error.bad_user_id", example=example))
    return number
