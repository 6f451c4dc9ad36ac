"""Kinds of meeting that admins write in titles ("Workshop on ...", «Брифинг ...»).

A question naming a kind ("is there a briefing in Samarkand?") looks for it in titles; the
Russian words are read in any case through pymorphy3, the English ones in the plural too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.morphology import lemmas
from bot.understanding.normalize import is_cyrillic


@dataclass(frozen=True)
class MeetingKind:
    key: str
    english: re.Pattern[str]
    # Dictionary forms of the Russian word (one word, or two for "круглый стол").
    russian: tuple[str, ...]
    # What a title holds when it is of this kind: lower-case pieces for a LIKE pattern.
    in_titles: tuple[str, ...]


KINDS: tuple[MeetingKind, ...] = (
    MeetingKind("workshop", re.compile(r"^workshops?$"), ("практикум",),
                ("workshop", "практикум")),
    MeetingKind("seminar", re.compile(r"^seminars?$"), ("семинар",), ("seminar", "семинар")),
    MeetingKind("briefing", re.compile(r"^briefings?$"), ("брифинг",), ("briefing", "брифинг")),
    MeetingKind(
        "consultations",
        re.compile(r"^consultations?$"),
        ("консультация",),
        ("consultation", "консультац"),
    ),
    MeetingKind(
        "conference", re.compile(r"^conferences?$"), ("конференция",), ("conference", "конференц")
    ),
    MeetingKind("training", re.compile(r"^trainings?$"), ("тренинг",), ("training", "тренинг")),
    MeetingKind("forum", re.compile(r"^forums?$"), ("форум",), ("forum", "форум")),
    MeetingKind("round_table", re.compile(r"^roundtables?$"), ("круглый", "стол"),
                ("round table", "roundtable", "круглый стол", "круглого стола", "круглом столе")),
)  # fmt: skip
_BY_KEY = {kind.key: kind for kind in KINDS}


def kind_named(key: str) -> MeetingKind:
    return _BY_KEY[key]


def _matches(kind: MeetingKind, tokens: list[str], index: int) -> bool:
    word = tokens[index]
    if not is_cyrillic(word):
        pair = " ".join(tokens[index : index + 2])
        return bool(kind.english.match(word)) or (kind.key == "round_table" and pair in (
            "round table", "round tables"))  # fmt: skip
    wanted = kind.russian
    words = tokens[index : index + len(wanted)]
    return len(words) == len(wanted) and all(
        lemma in lemmas(word) for lemma, word in zip(wanted, words, strict=True)
    )


def find_kind(tokens: list[str]) -> str | None:
    """The first kind of meeting the message names, by its key."""
    for index in range(len(tokens)):
        for kind in KINDS:
            if _matches(kind, tokens, index):
                return kind.key
    return None
