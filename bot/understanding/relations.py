"""'The meeting after the fifth', «перед шестой»: a meeting named by its neighbour."""

from __future__ import annotations

import re

from bot.understanding.model import Relation

_AFTER = re.compile(
    r"\b(?:after|followed|following (?:the|that|this|it|meeting)|subsequent to|succeeding|"
    r"после|следующ\w* за|вслед за)\b"
)
_BEFORE = re.compile(
    r"\b(?:before|preceding|preceded|prior to|previous to|ahead of|earlier than|"
    r"перед|предшествова\w*|предшествующ\w*|предыдущ\w* (?:перед|до)|накануне)\b"
)
# "The one before?" with nothing after it still asks for a neighbour (of the meeting just shown).
_AFTER_END = re.compile(r"\b(?:one|meeting) after\b|\bafter (?:that|it|this)\b")


def find_relation(clean: str) -> Relation | None:
    after, before = _AFTER.search(clean), _BEFORE.search(clean)
    if after and before:
        return "after" if after.start() < before.start() else "before"
    if after or _AFTER_END.search(clean):
        return "after"
    return "before" if before else None
