"""From a message to a Question: language, normalized text, meeting reference and intent."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.languages import ColumnLanguage, InterfaceLanguage, as_language
from bot.understanding.context import refers_back
from bot.understanding.detection import written_in
from bot.understanding.entities import find_meeting
from bot.understanding.framing import without_framing
from bot.understanding.geo import PlaceMention
from bot.understanding.intents import classify
from bot.understanding.lexicon import cue
from bot.understanding.model import Intent, MeetingRef, Question
from bot.understanding.normalize import normalize, tokenize
from bot.understanding.parts import find_parts
from bot.understanding.periods import find_period
from bot.understanding.reading import read_whole
from bot.understanding.spelling import correct
from bot.understanding.turkic import gloss
from bot.understanding.yes_no import read_yes_no

# "Was Afghanistan discussed?": a country in a question about topics is a topic, not a venue,
# unless a preposition of place puts the meeting there.
_IN = cue("in", "at", "в", "во", "на")
# Periods the date reader does not turn into dates: a Yes or No about them would be a guess.
_UNREAD_PERIOD = cue(
    r"(?:next|this|coming|last|past) (?:week|month|year)", "today", "tomorrow", "tonight",
    "yesterday", "soon", r"(?:следующ|эт|прошл|ближайш)\w+ (?:неделе|месяце|году)", "сегодня",
    "завтра", "вчера", "скоро",
)  # fmt: skip
# A yes/no question about a meeting's place, date or status is answered Yes or No; one about
# who organizes it or a fact the bot lacks gets that answer instead.
_YES_NO_INTENTS = frozenset({Intent.EXISTS, Intent.DETAILS, Intent.WHERE, Intent.WHEN,
                             Intent.COUNTRY, Intent.UNCLEAR})  # fmt: skip
_THANKS_FIRST = re.compile(r"^\W*(?:thanks?|thank you|thx|спасибо|благодарю)\b")
_MAY_HAVE_PARTS = frozenset({
    Intent.WHERE, Intent.WHEN, Intent.TIME, Intent.COUNTRY, Intent.ORGANIZER, Intent.SUPPORTERS,
    Intent.AGENDA, Intent.DETAILS, Intent.UNKNOWN_FACT,
})  # fmt: skip


def detect_language(text: str) -> InterfaceLanguage | None:
    """The interface language a question is written in (bot.understanding.detection): Kazakh
    and Uzbek their own, Kyrgyz read as Russian (bot.languages); None without any letters."""
    written = written_in(text)
    return as_language(written) if written else None


def _topic_country(ref: MeetingRef, places: list[PlaceMention], tokens: list[str]) -> MeetingRef:
    country = next((place for place in places if place.kind == "country"), None)
    if country is None:
        return ref
    before = tokens[country.position - 1] if country.position else ""
    if _IN.fullmatch(before):
        return ref
    return replace(ref, country=None)


def understand(text: str, fallback_language: ColumnLanguage = "en") -> Question:
    """What the message asks and about which meeting; never raises, whatever the text."""
    written = written_in(text)
    if written in ("kk", "uz"):
        text = gloss(text, "kk" if written == "kk" else "uz")
    language: ColumnLanguage = (
        "ru" if written in ("ru", "ky") else "en" if written else fallback_language
    )
    text = without_framing(text)
    period, clean = find_period(normalize(text))
    tokens = tokenize(clean)
    ref, places = find_meeting(clean, tokens, text)
    ref = replace(ref, period=period)
    words = correct(tokens)
    joined = " ".join(words)
    intent, missing = classify(joined, ref) if words else (Intent.UNCLEAR, None)
    if intent is Intent.AGENDA:
        ref = _topic_country(ref, places, tokens)
    asked = yes_no = read_yes_no(joined, text.rstrip().endswith("?"))
    # A period ahead with nothing else named lists the schedule; with a place or a kind, the
    # records answer for that place and period.
    named = ref.city is not None or ref.country is not None or ref.kind is not None
    ahead = period is not None and period.offset > 0 and not named
    if yes_no is not None and ref.year is None and (ahead or _UNREAD_PERIOD.search(joined)):
        # "Is there a meeting next week?": the schedule, rather than a Yes or No that would only
        # hold until an admin adds one.
        intent, yes_no = Intent.LIST_UPCOMING, None
    elif intent in _YES_NO_INTENTS and yes_no is not None:
        intent = Intent.EXISTS
    elif not intent.name.startswith("CENTRE_"):
        yes_no = None
    elif yes_no is not None and ref.country is not None:
        # "Does UNRCCA assist Afghanistan?" asks whether it is one of the Centre's countries.
        intent = Intent.CENTRE_COUNTRIES
    if _THANKS_FIRST.match(clean) and not text.rstrip().endswith("?"):
        # "Thank you, that helps.": thanks, whatever words follow it.
        intent, yes_no, asked = Intent.THANKS, None, None
    question = Question(
        intent,
        ref,
        language,
        missing,
        joined,
        yes_no=yes_no,
        parts=find_parts(joined, ref) if intent in _MAY_HAVE_PARTS else (),
        refers_back=refers_back(clean, tokens, ref),
    )
    return read_whole(question, asked, places, tokens)
