"""Terms of the domain a question asks to explain, from the glossary in the bundled knowledge
(storage/knowledge/glossary.toml): names matched in any word form."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import snowballstemmer

from bot.understanding.lexicon import MEETING, cue
from bot.understanding.morphology import lemma
from bot.understanding.normalize import is_cyrillic, normalize, tokenize
from storage.knowledge import BUNDLE

GLOSSARY = BUNDLE.parent / "glossary.toml"
DEFINE = cue(
    r"what (?:is|are|was|does|do)", "mean", "meaning", r"defin\w*", r"explain\w*", "stand for",
    r"что (?:такое|значит|означает|это)", r"объясн\w*", r"определени\w*", r"расшифр\w*",
    r"означа\w*", r"термин\w*",
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    key: str
    names: tuple[tuple[str, ...], ...]
    text: dict[str, str]
    source: dict[str, str]


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def word_key(word: str) -> str:
    """The form every inflection of a word shares: its dictionary form, or its English stem."""
    return lemma(word) if is_cyrillic(word) else str(_stemmer().stemWord(word))


def _keys(text: str) -> tuple[str, ...]:
    return tuple(word_key(word) for word in tokenize(normalize(text)))


@cache
def terms(path: Path = GLOSSARY) -> tuple[Term, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Term(
            entry["key"],
            tuple(_keys(name) for name in entry["names"]),
            {"en": entry["en"], "ru": entry["ru"]},
            dict(entry["source"]),
        )
        for entry in data["terms"]
    )


def _holds(keys: tuple[str, ...], name: tuple[str, ...]) -> bool:
    size = len(name)
    return any(keys[index : index + size] == name for index in range(len(keys) - size + 1))


def term_asked(text: str, tokens: list[str]) -> str | None:
    """The key of the term the question asks to explain, or None."""
    if MEETING.search(text) or not DEFINE.search(text):
        return None
    keys = tuple(word_key(token) for token in tokens)
    return next((term.key for term in terms() if any(_holds(keys, n) for n in term.names)), None)


def term_named(key: str) -> Term:
    return next(term for term in terms() if term.key == key)
