"""Words as the passages' index reads them: Russian ones as their dictionary form (pymorphy3),
the others lower-cased (the index stems English itself), so a question's words and a document's
meet in any form: «водных ресурсов» and «водные ресурсы» are both «водный ресурс»."""

from __future__ import annotations

import re
from functools import cache

import snowballstemmer

from bot.understanding.morphology import lemma, tags

_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[а-яё]")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("ё", "е"))


def index_form(word: str) -> str:
    return lemma(word) if _CYRILLIC.search(word) else word


# Russian words that ask or link (prepositions, conjunctions, pronouns, ordinals), by grammeme.
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "Apro", "Anum", "Dmns", "Ques"})


def is_function_word(word: str) -> bool:
    """A Russian word that tells nothing of what a passage is about."""
    return bool(_CYRILLIC.search(word)) and bool(tags(word) & _FUNCTION)


def index_text(text: str) -> str:
    """`text` as stored in `document_passages.words`."""
    return " ".join(index_form(word) for word in tokens(text))


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


def stem(word: str) -> str:
    """What the engines' stemmers would make of an index word, to check a passage holds it."""
    language = "russian" if _CYRILLIC.search(word) else "english"
    stemmed: str = _stemmer(language).stemWord(word)
    return stemmed


def stems(words: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words.split())
