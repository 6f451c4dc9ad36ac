"""What follows `/attach ID`: a kind, then a language or a link (`/attach 5 outcome ru`,
`/attach 5 agenda https://...`); read strictly, each mistake named."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.languages import CONTENT_LANGUAGES

# The kinds of document a meeting has, with the words an admin may type for each.
KINDS: dict[str, tuple[str, ...]] = {
    "agenda": ("agenda", "повестка", "программа"),
    "concept": ("concept", "concept_note", "note", "концепция"),
    "participants": ("participants", "list", "участники", "список"),
    "press": ("press", "press_release", "release", "пресс-релиз", "релиз"),
    "article": ("article", "news", "статья"),
    "outcome": (
        "outcome", "statement", "joint_statement", "communique", "summary", "chair_summary",
        "итоги", "заявление", "коммюнике", "итоговый",
    ),
}  # fmt: skip
_BY_WORD = {word: kind for kind, words in KINDS.items() for word in words}
LINK_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class Attaching:
    kind: str
    language: str | None
    url: str | None


class BadArguments(Exception):
    """`problem`: a key of the `admin.document.bad.*` texts; `value` what was typed."""

    def __init__(self, problem: str, value: str = "") -> None:
        super().__init__(problem)
        self.problem, self.value = problem, value


def read_arguments(rest: str) -> Attaching:
    words = rest.split()
    if not words:
        raise BadArguments("no_kind")
    kind = _BY_WORD.get(words[0].casefold())
    if kind is None:
        raise BadArguments("kind", words[0])
    language, url = None, None
    for word in words[1:]:
        if "://" in word or word.casefold().startswith(("www.", "mailto:", "javascript:")):
            url = link(word)
        elif word.casefold() in CONTENT_LANGUAGES:
            language = word.casefold()
        else:
            raise BadArguments("word", word)
    return Attaching(kind, language, url)


def link(text: str) -> str:
    """A link the bot may show and put behind a button: http or https, with a host."""
    parts = urlsplit(text)
    if parts.scheme.lower() not in LINK_SCHEMES:
        raise BadArguments("scheme", parts.scheme or text)
    if not parts.hostname or len(text) > 2000:
        raise BadArguments("link", text)
    return text
