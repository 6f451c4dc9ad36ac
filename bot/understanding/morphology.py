"""Russian word forms through pymorphy3: any case of any word read as its dictionary form.

One analyzer per process, made on first use (it loads a 16 MB dictionary in about 0.1 s).
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

# Enough for every word a day of questions uses; the analysis of one word never changes.
_WORD_CACHE = 20_000


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=_WORD_CACHE)
def lemmas(word: str) -> tuple[str, ...]:
    """Every dictionary form the word may be, likeliest first: 'оше' -> ('ош', ...)."""
    found: list[str] = []
    for parse in analyzer().parse(word):
        lemma = parse.normal_form.replace("ё", "е")
        if lemma not in found:
            found.append(lemma)
    return tuple(found)


def lemma(word: str) -> str:
    return next(iter(lemmas(word)), word)


@lru_cache(maxsize=_WORD_CACHE)
def stem(word: str) -> str:
    """What every form of the word starts with: 'безопасности' -> 'безопасност'.

    A search for the stem finds the word in any case, whichever case was typed.
    """
    parses = analyzer().parse(word)
    if not parses:
        return word
    forms = [form.word.replace("ё", "е") for form in parses[0].lexeme]
    prefix = forms[0]
    for form in forms[1:]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


@lru_cache(maxsize=_WORD_CACHE)
def tags(word: str) -> frozenset[str]:
    """The grammemes of the likeliest reading ('past', 'futr', 'VERB', 'PRTS', ...)."""
    parses = analyzer().parse(word)
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


@lru_cache(maxsize=_WORD_CACHE)
def place_lemmas(word: str) -> tuple[str, ...]:
    """Dictionary forms of the word read as a place name only: 'оше' -> ('ош', 'оша')."""
    found: list[str] = []
    for parse in analyzer().parse(word):
        lemma = parse.normal_form.replace("ё", "е")
        if "Geox" in parse.tag and lemma not in found:
            found.append(lemma)
    return tuple(found)
