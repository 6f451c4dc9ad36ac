"""/digest: a weekly digest on or off, and its day and hour (Monday 09:00 unless chosen), in
the chat's zone (/timezone) or else the venue zone of the bundled meetings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import weekday_name
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import schedule_changed
from bot.texts import t
from storage.knowledge import bundled_zone
from storage.repositories import chats, digests

DEFAULT_DAY, DEFAULT_HOUR = 0, 9
ON = frozenset({"on", "yes", "вкл", "включить", "да", "қосу", "yoqish"})
OFF = frozenset({"off", "no", "stop", "выкл", "выключить", "нет", "стоп", "өшіру", "oʻchirish"})
# The first letters of each weekday's name in English, Russian, Kazakh and Uzbek, Monday first.
_DAYS = (
    ("mo", "пн", "понед", "дүй", "dush"),
    ("tu", "вт", "вторн", "сей", "sesh"),
    ("we", "ср", "сред", "сәр", "chor"),
    ("th", "чт", "четв", "бей", "pay"),
    ("fr", "пт", "пятн", "жұм", "jum"),
    ("sa", "сб", "суб", "сен", "shan"),
    ("su", "вс", "воскр", "жек", "yak"),
)
_HOUR = re.compile(r"([01]?[0-9]|2[0-3])(?::00|h|ч|:00h)?", re.ASCII | re.IGNORECASE)


@dataclass(frozen=True)
class DigestChoice:
    on: bool
    day: int = DEFAULT_DAY
    hour: int = DEFAULT_HOUR


async def set_digest(session: AsyncSession, request: Request) -> Reply:
    language = request.language
    if request.chat_id is None:
        return Reply(t(language, "subscriptions.no_chat"))
    if not request.args:
        return await _status(session, request)
    choice = read_choice(request.args)
    if choice is None:
        return Reply(t(language, "digest.bad_args", value=request.args[:40]))
    if not choice.on:
        await digests.set_time(session, request.chat_id, None, None, request.now)
        return Reply(t(language, "digest.off"))
    await digests.set_time(session, request.chat_id, choice.day, choice.hour, request.now)
    schedule_changed(session)
    return Reply(t(language, "digest.on", when=_when(choice.day, choice.hour, request)))


def read_choice(text: str) -> DigestChoice | None:
    """`on`, `off`, a weekday and an hour in any order (`friday 18`, «пятница 18:00»); None
    for anything else."""
    day, hour, on = DEFAULT_DAY, DEFAULT_HOUR, True
    for word in text.casefold().replace(",", " ").split():
        if word in ON:
            continue
        if word in OFF:
            on = False
        elif (match := _HOUR.fullmatch(word.replace("ч", "h"))) is not None:
            hour = int(match.group(1))
        elif (found := _weekday(word)) is not None:
            day = found
        else:
            return None
    return DigestChoice(on, day, hour)


def _weekday(word: str) -> int | None:
    for number, starts in enumerate(_DAYS):
        if any(word.startswith(start) for start in starts):
            return number
    return None


async def _status(session: AsyncSession, request: Request) -> Reply:
    assert request.chat_id is not None
    chat = await chats.get(session, request.chat_id)
    if chat is None or chat.digest_day is None:
        return Reply(t(request.language, "digest.status_off"))
    when = _when(chat.digest_day, chat.digest_hour or 0, request)
    return Reply(t(request.language, "digest.status_on", when=when))


def _when(day: int, hour: int, request: Request) -> str:
    zone = request.time_zone or bundled_zone()
    return t(
        request.language,
        "digest.when",
        day=weekday_name(day, request.language),
        hour=f"{hour:02d}:00",
        zone=zone,
    )
