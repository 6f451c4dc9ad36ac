"""From a message to a Question: language, normalized text, meeting reference and intent."""

from __future__ import annotations

from dataclasses import replace

from bot.understanding.entities import find_meeting
from bot.understanding.geo import PlaceMention
from bot.understanding.intents import classify
from bot.understanding.lexicon import cue
from bot.understanding.model import Intent, Language, MeetingRef, Question
from bot.understanding.normalize import normalize, script_counts, tokenize
from bot.understanding.spelling import correct

# "Was Afghanistan discussed?": a country in a question about topics is a topic, not a venue,
# unless a preposition of place puts the meeting there.
_IN = cue("in", "at", "в", "во", "на")


def detect_language(text: str) -> Language | None:
    """'ru' when Cyrillic words are at least as many as Latin ones; None without any letters."""
    cyrillic, latin = script_counts(text)
    if cyrillic == 0 and latin == 0:
        return None
    return "ru" if cyrillic >= latin else "en"


def _topic_country(ref: MeetingRef, places: list[PlaceMention], tokens: list[str]) -> MeetingRef:
    country = next((place for place in places if place.kind == "country"), None)
    if country is None:
        return ref
    before = tokens[country.position - 1] if country.position else ""
    if _IN.fullmatch(before):
        return ref
    return replace(ref, country=None)


def understand(text: str, fallback_language: Language = "en") -> Question:
    """What the message asks and about which meeting; never raises, whatever the text."""
    clean = normalize(text)
    tokens = tokenize(clean)
    ref, places = find_meeting(clean, tokens, text)
    words = correct(tokens)
    joined = " ".join(words)
    intent, missing = classify(joined, ref) if words else (Intent.UNCLEAR, None)
    if intent is Intent.AGENDA:
        ref = _topic_country(ref, places, tokens)
    language = detect_language(text) or fallback_language
    return Question(intent, ref, language, missing, joined)
