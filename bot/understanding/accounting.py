"""Every word of a question is used by some part of its reading or is known filler; the rest is
returned, so that the answer can use it as a subject or say that it left it out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from types import ModuleType

from bot.understanding import (
    centre,
    claims,
    comparisons,
    context,
    dates,
    entities,
    lexicon,
    periods,
    relations,
    unknown,
    yes_no,
)
from bot.understanding.entities import find_relative
from bot.understanding.morphology import lemmas, tags
from bot.understanding.normalize import is_cyrillic, words
from bot.understanding.ordinals import word_ordinal

# Words that carry no subject: articles, auxiliaries, pronouns, prepositions, politeness.
_EN_FILLER = frozenset(
    words("""
a an the of in on at to for from by with about into over under between among during since
until before after and or but so also then than as if that this these those there here it its
is are was were be been being am do does did done doing has have had having will would shall
should can could may might must not no yes any some all each every other another such same
i me my mine we us our you your he him his she her they them their what which who whom whose
when where why how whether ever just only really actually exactly please kindly tell say know
let like want wish wonder need help find give show us one ones thing things anything something
very much many more well now then still already yet again ago any anyone anybody someone
hello hi hey thanks thank dear ok okay sir madam bot question questions answer quick short
sentence words word briefly simply simple plain plainly happen happens happened happening
take took taken place held hold holds holding go goes went going get got come came
passed pass passes year years month months week weeks day days ministry mfa government
foreign affairs total overall altogether
""")
)
_RU_FILLER = frozenset(
    words("""
быть бывать есть это этот тот такой весь вообще пожалуйста подсказать сказать рассказать знать
хотеть можно нужно ли же бы вот ну да нет уже еще тоже также очень просто коротко кратко
спасибо здравствуйте привет вопрос ответ проходить пройти состояться проводить провести
год месяц неделя день мид министерство правительство входить иностранный дело
""")
)
_RU_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED", "ADVB", "Apro"})
_MODULES: tuple[ModuleType, ...] = (
    centre, claims, comparisons, context, dates, entities, lexicon, periods, relations, unknown,
    yes_no,
)  # fmt: skip


def _patterns_in(value: object) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _patterns_in(item)


@cache
def _cues(ignored: ModuleType | None = None) -> tuple[re.Pattern[str], ...]:
    """Every cue the reading has, found in its modules, so a new cue is counted with no list."""
    modules = [module for module in _MODULES if module is not ignored]
    found = {
        p for module in modules for value in vars(module).values() for p in _patterns_in(value)
    }
    return tuple(sorted(found, key=lambda pattern: pattern.pattern))


def _covered(text: str, ignored: ModuleType | None) -> list[bool]:
    covered = [False] * len(text)
    for pattern in _cues(ignored):
        for match in pattern.finditer(text):
            covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    return covered


def is_filler(word: str) -> bool:
    if not is_cyrillic(word):
        return word in _EN_FILLER or word.isdigit()
    forms = lemmas(word)
    return bool(_RU_FILLER & set(forms[:1])) or bool(_RU_FUNCTION & tags(word))


def unused(text: str, taken: set[int], ignored: ModuleType | None = None) -> list[str]:
    """The words of `text` (normalized, one space between tokens) that no cue, place (token
    positions in `taken`), ordinal, date or filler accounts for, in order."""
    covered = _covered(text, ignored)
    left: list[str] = []
    offset = 0
    for position, word in enumerate(text.split(" ")):
        start, offset = offset, offset + len(word) + 1
        core = word.strip(".,!?;:()\"'«»")
        if not core or position in taken or all(covered[start : start + len(word)]):
            continue
        if any(not char.isalpha() for char in core.replace("-", "")) or is_filler(core):
            continue
        if word_ordinal(core) is None and find_relative([core]) is None and len(core) > 1:
            left.append(core)
    return left
