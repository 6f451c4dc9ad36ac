"""Sentences that frame a question rather than ask it: "Hello, I am writing an article. Where
was the fifth meeting?" is read as "Where was the fifth meeting?"."""

from __future__ import annotations

import re

from bot.understanding.lexicon import cue

_SENTENCES = re.compile(r"(?<=[.!?;])\s+")
# A sentence that opens with the writer, a greeting or thanks, and asks nothing.
_FRAMING = cue(
    "i", "i'm", "im", "we", "we're", "my", "our", "hello", "hi", "hey", "dear", "thanks",
    "thank you", r"good (?:morning|afternoon|evening|day)", "я", "мы", "меня", "мой", "моя",
    r"привет\w*", r"здравствуй\w*", "спасибо", r"добр\w+ (?:день|утро|вечер)",
)  # fmt: skip
# "I'm a journalist, when was ...?": the introduction before the comma.
_INTRODUCTION = re.compile(r"^\W*(?:i am|i'm|we are|я|мы)\b[^,?]{0,60},\s*(?=\w)", re.IGNORECASE)


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


def without_framing(text: str) -> str:
    """The text without the sentences around the question; unchanged when nothing asks."""
    sentences = [part for part in _SENTENCES.split(text.strip()) if part]
    if len(sentences) > 1 and any(_asks(sentence) for sentence in sentences):
        kept = [s for s in sentences if _asks(s) or not _FRAMING.match(s.casefold())]
        text = " ".join(kept)
    return _INTRODUCTION.sub("", text) if _asks(text) else text
