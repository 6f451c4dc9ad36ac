"""Yes/no questions: 'is the sixth meeting cancelled?', «прошла ли встреча в Душанбе?».

What it reads is the form (a question to answer Yes or No) and the claims a place or a date
cannot carry: whether the meeting was cancelled or happens, and whether it must already be past.
Which meeting is asked about and what is claimed of it is settled where the store is read.
"""

from __future__ import annotations

import re

from bot.understanding.claims import STILL_TO_COME
from bot.understanding.lexicon import EXISTS, cue
from bot.understanding.model import Status, YesNo
from bot.understanding.morphology import lemmas, tags
from bot.understanding.normalize import is_cyrillic

# An English yes/no question starts with an auxiliary; "can you tell me where" does not count.
_EN_FORM = re.compile(
    r"^(?:(?:and|so|but|also|then) )?(?:is it true that |really )?(?:is|was|were|are|did|does|do|"
    r"will|has|have|had|can|could|would|should|isn't|wasn't|weren't|aren't|didn't|hasn't|"
    r"haven't|won't)\b(?! (?:you|u)\b)"
)
_RU_FORM = cue("ли", "правда", "верно", "разве", "неужели")
_WH = cue(
    "where", "when", "who", "whom", "what", "which", "how", "why", "где", "когда", "кто", "что",
    r"как\w*", "сколько", "почему", "зачем", r"куда", r"чей", r"чья", r"во сколько",
)  # fmt: skip
_CANCELLED = cue(r"cancel+\w*", "called off", "call off", "calling off", "scrapped", r"отмен\w*")
_HAPPENS_EN = cue(
    "held", "hold", "holding", "happen", "happened", "happens", "convened", "convene",
    "go ahead", "went ahead", "going ahead", "organized", "organised",
)  # fmt: skip
_PAST_AUXILIARY = re.compile(r"^(?:(?:and|so|but|also) )?(?:was|were|did|has|have|had)\b")
_ALREADY = cue("already", "yet(?! to)", "уже")
# «Встреча в Душанбе уже прошла?»: a statement asked back.
_ALREADY_RU = cue(r"уже (?:прош\w*|состоял\w*|провел\w*|был[аио]?)")
# Verbs of a meeting happening, by their dictionary form; their tense says past or not.
_HAPPENS_RU = frozenset(
    {"пройти", "проходить", "состояться", "провести", "проводить", "проводиться", "проходиться"}
)


def _is_form(text: str, asked: bool) -> bool:
    if EXISTS.search(text) or _EN_FORM.search(text):
        return True
    # «Шестая встреча отменена?», «ещё впереди?»: a statement asked back needs no particle.
    claim = _CANCELLED.search(text) or (
        asked and (STILL_TO_COME.search(text) or _ALREADY_RU.search(text))
    )
    return bool(_RU_FORM.search(text) or claim) and not _WH.search(text)


def _russian_happens(text: str) -> tuple[bool, bool]:
    """(a verb of happening is there, it is in the past tense)."""
    happens = past = False
    for word in text.split():
        if is_cyrillic(word) and _HAPPENS_RU & set(lemmas(word)):
            happens = True
            past = past or "past" in tags(word)
    return happens, past


def _status(text: str) -> tuple[Status | None, bool]:
    if _CANCELLED.search(text):
        return "cancelled", False
    happens_ru, past_ru = _russian_happens(text)
    happens_en = bool(_HAPPENS_EN.search(text))
    already = (
        bool(_ALREADY.search(text))
        or past_ru
        or (happens_en and bool(_PAST_AUXILIARY.search(text)))
    )
    if happens_ru or happens_en:
        return "happens", already
    return None, False


def read_yes_no(text: str, asked: bool = False) -> YesNo | None:
    """The yes/no question in the normalized text, or None when it asks something else;
    `asked`: the message ends with a question mark."""
    if not _is_form(text, asked):
        return None
    status, already = _status(text)
    return YesNo(existence=bool(EXISTS.search(text)), status=status, already=already)
