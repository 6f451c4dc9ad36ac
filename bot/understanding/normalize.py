"""One spelling of a message for every later step: case, ё, apostrophes and tokens settled."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[#№]")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)

# Curly quotes and dashes arrive from phones; folding them keeps the patterns simple.
_SUBSTITUTIONS = (
    (re.compile(r"[’‘`´]"), "'"),
    (re.compile(r"[«»“”\"]"), " "),
    (re.compile(r"[‐‑‒–—]"), "-"),
    (re.compile(r"'s\b"), ""),
    # "take place" must not read as a question about the place.
    (re.compile(r"\b(?:take|took|taking|takes|taken) place\b"), "happen"),
    (re.compile(r"\b(last|next|this|that|first) time\b"), r"\1 occasion"),
)


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string, which reads better than a column of quoted words."""
    return tuple(text.split())


# Russian inflection endings, longest first, so "Ашхабадом" and "Ашхабад" share one stem.
_RU_ENDINGS = tuple(
    sorted(
        words(
            "ами ями ого его ому ему ыми ими ией ая яя ое ее ой ей ий ый ую юю ом ем "
            "ах ях ам ям ов ев ию ия ии ые ие ых их ым им а я о е ы и у ю й ь"
        ),
        key=len,
        reverse=True,
    )
)


def normalize(text: str) -> str:
    clean = text.casefold().replace("ё", "е")
    for pattern, replacement in _SUBSTITUTIONS:
        clean = pattern.sub(replacement, clean)
    return " ".join(clean.split())


def tokenize(clean: str) -> list[str]:
    return [token.strip("'") for token in _TOKEN.findall(clean)]


def ru_stem(word: str, keep: int = 3) -> str:
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            return word[: -len(ending)]
    return word


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


def script_counts(text: str) -> tuple[int, int]:
    """How many words are written in Cyrillic and how many in Latin letters."""
    words = text.split()
    cyrillic = sum(1 for word in words if _CYRILLIC.search(word))
    latin = sum(1 for word in words if _LATIN.search(word) and not _CYRILLIC.search(word))
    return cyrillic, latin
