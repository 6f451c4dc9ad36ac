"""Messages that lean on the previous answer: "and where?", "who organizes it?", «а когда?»."""

from __future__ import annotations

import re

from bot.understanding.lexicon import cue
from bot.understanding.model import MeetingRef

_OPENER = re.compile(
    r"^(?:and|also|what about|how about|а|и|ну а|а что|а как|а кто)\b", re.IGNORECASE
)
_BACK = cue(
    "it", "its", "there", "that meeting", "this meeting", "that one", "this one", "the same",
    "same meeting", "then", "they", "them", "там", "тогда", "туда", "она", "ее", "нее", "ней",
    "нем", "ней", "этой", "той", "этом", "том", "эта", "та", "эту", "ту", "этого", "того",
)  # fmt: skip
# "Is there a meeting?", "is it true that": "there" and "it" that point at nothing said before.
_DUMMY = re.compile(
    r"\b(?:is|was|are|were|be|been|will|has|have) there\b|\bis it true\b"
    r"|\bthere (?:is|was|are|were)\b"
)
_FRAGMENT = 2


def refers_back(clean: str, tokens: list[str], ref: MeetingRef) -> bool:
    """True when the message names no meeting of its own and points at the last one shown."""
    if ref.anchor() != MeetingRef() and ref.relative is None:
        return False
    if _OPENER.search(clean) or len(tokens) <= _FRAGMENT:
        return True
    return bool(_BACK.search(_DUMMY.sub(" ", clean)))
