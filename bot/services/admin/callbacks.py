"""The admin buttons' grammar, checked on the way back in like bot.services.callbacks.

    adm:save:<draft>  save the previewed draft
    adm:drop:<draft>  throw the draft away (and leave the guided dialog)
    adm:skip:<draft>  skip the dialog's current, optional question
    adm:back:<draft>  go back to the dialog's previous question
    adm:ev:<page>     a page of /events
    adm:del:<meeting> delete the meeting /deleteevent showed
    adm:keep:<meeting> keep it after all

A draft id alone grants nothing: the service checks that the presser is an admin and that the
draft is theirs, so a forged or stale id gets a polite answer and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.services.callbacks import MAX_DATA_BYTES, MAX_NUMBER

Verb = Literal["save", "drop", "skip", "back", "ev", "del", "keep"]
_ADMIN = re.compile(r"adm:(save|drop|skip|back|ev|del|keep):([1-9][0-9]{0,9})")


@dataclass(frozen=True)
class AdminAction:
    verb: Verb
    number: int


def encode(verb: Verb, number: int) -> str:
    data = f"adm:{verb}:{number}"
    if decode(data) != AdminAction(verb, number):
        raise ValueError(f"not a valid admin button: {data!r}")
    return data


def decode(data: str | None) -> AdminAction | None:
    if not data or len(data.encode()) > MAX_DATA_BYTES or not data.isascii():
        return None
    match = _ADMIN.fullmatch(data)
    if match is None or int(match.group(2)) > MAX_NUMBER:
        return None
    verb: Verb = match.group(1)  # type: ignore[assignment]
    return AdminAction(verb, int(match.group(2)))
