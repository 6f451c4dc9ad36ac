"""Typo repair for the words that carry meaning, so "wher is the meting" still reads right."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from bot.understanding.normalize import is_cyrillic, words

# Words whose misspellings are common enough to repair. Everything else is left as typed.
_VOCABULARY = words("""
where when which what who whom whose meeting meetings date venue location city country
organizes organized organizer organises organised organiser supports supported support sponsor
discussed discussion discuss agenda topics topic purpose chaired chair attended participants
inaugurated founded established opened programme program countries tasked mandate functions
previous upcoming latest weather unrcca centre center annual deputy ministers
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
когда где встреча встречи встрече встречу встречей встреч кто организует организатор
организовал организовала организовало поддержке поддерживает поддержал обсуждали
обсуждалось обсуждение председательствовал председатель участников участники открыт
открылся основан создан программа программы страны стран центр центра центре рцпдца
пройдет прошла состоялась состоится следующая предыдущая прошлая последняя погода
первая вторая третья четвертая пятая шестая седьмая восьмая девятая десятая
первой второй третьей четвертой пятой шестой седьмой восьмой девятой десятой
""")

# Real words that sit one letter away from a vocabulary word ("were"/"where", "then"/"when").
_LEAVE_ALONE = frozenset(
    words(
        """
    were there here then than whether whole while white chain count other these those their they
    meet meets meant dates days data place plan plans planned held help hello
    russian english asian central eight seven sixty fifty fourty forty forth
    свой твой мой как так там тут кого кому чем центральной центральная
    """
    )
)

# Frequent words of both languages that fuzzy matching could otherwise take for a city.
_COMMON = """
about after again against always another answer before being between could during every
first further happen happened hosted hosts income itself meeting meetings minister ministers
ministry foreign affairs other people please right since still their there these thing think
those through today under until where which while would annual united nations region regional
central asian russian english security stability afghanistan council summit session sessions
tell show know about information details events event place places planned termed
встреча встречи встрече встречу встречей встреч встречах когда который которая которые
министров министерства министерство иностранных заместителей заместители центральной азии
региональный региональные регионе региона превентивной дипломатии ежегодная ежегодной
пройдет прошла прошел состоялась состоится будет были было была скажи расскажи
"""

# A word used at least once in a million words (Zipf 3) is a real word, never a typo: "water"
# must not become "weather". Rarer ones ("wher", "meting", "встерча") may be repaired.
REAL_WORD_ZIPF = 3.0

# "Were is the meeting?" is a typo for "where"; "were" elsewhere is the verb.
_WERE_FOR_WHERE = re.compile(r"^were (is|will|does|did|do|can|was)\b")


@cache
def _known() -> frozenset[str]:
    return frozenset(_VOCABULARY) | _LEAVE_ALONE


def _shares_stem(word: str) -> bool:
    return len(word) >= 5 and any(word[:5] == known[:5] for known in _VOCABULARY)


def _cutoff(word: str) -> float:
    """How alike a repair must be: another form of a known word ("participated") is not a typo,
    so an English word sharing a stem with the vocabulary is repaired only when nearly identical.
    """
    if _shares_stem(word):
        return 88
    return 85 if len(word) < 5 else 80


def correct_word(word: str) -> str:
    if len(word) < 4 or word in _known() or not word.isalpha():
        return word
    # Russian forms differ in their endings ("встречах", "организуют"); the cues match them all.
    if is_cyrillic(word) and _shares_stem(word):
        return word
    match = process.extractOne(
        word, _VOCABULARY, scorer=fuzz.ratio, score_cutoff=_cutoff(word), processor=None
    )
    # Typists rarely miss the first letter; requiring it keeps "года" from becoming "когда".
    if match is None or match[0][0] != word[0] or is_real_word(word):
        return word
    return str(match[0])


def is_real_word(word: str) -> bool:
    """A word of the frequency list (wordfreq) of its script's language, typed as it is."""
    # Imported on first use: wordfreq (with regex and langcodes) is a third of a second of
    # start-up, which the first getUpdates need not wait for.
    from wordfreq import zipf_frequency

    language = "ru" if is_cyrillic(word) else "en"
    return zipf_frequency(word, language) >= REAL_WORD_ZIPF


def correct(tokens: list[str]) -> list[str]:
    text = _WERE_FOR_WHERE.sub(r"where \1", " ".join(tokens))
    return [correct_word(word) for word in text.split()]


def is_vocabulary(word: str) -> bool:
    """A word the lexicon knows, or a common word that must never be taken for a name."""
    return word in _known() or word in _common_words()


@cache
def _common_words() -> frozenset[str]:
    return frozenset(words(_COMMON))
