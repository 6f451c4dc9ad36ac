"""The ordinal a title carries when admins leave the field empty: "8th", "Eighth", «Восьмая»."""

from __future__ import annotations

from bot.understanding.morphology import stem
from bot.understanding.normalize import normalize, tokenize
from bot.understanding.ordinals import EN_WORDS, RU_WORDS, find_ordinal
from storage.models import Meeting


def title_ordinal(meeting: Meeting) -> int | None:
    """The first ordinal of the English title, else of the Russian one."""
    for title in (meeting.title_en, meeting.title_ru):
        if title:
            clean = normalize(title)
            found = find_ordinal(clean, tokenize(clean), title)
            if found is not None:
                return found
    return None


def ordinal_pieces(number: int) -> list[str]:
    """What a title numbered `number` holds: '8th', 'eighth', 'восьм' (the stem of every case)."""
    pieces = [f"{number}th", f"{number}st", f"{number}nd", f"{number}rd", f"{number}-"]
    if 1 <= number <= len(EN_WORDS):
        pieces += [EN_WORDS[number - 1], stem(RU_WORDS[number - 1])]
    return pieces
