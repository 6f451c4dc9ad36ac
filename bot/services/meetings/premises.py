"""Answers that must not take the question's word for it: "why was it cancelled?" of a meeting
that was not, "was water discussed?" of a meeting whose records do not say."""

from __future__ import annotations

from bot.formatting.cards import place, when_text
from bot.languages import content_order
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import framed, lines
from bot.services.meetings.claims import topic_sentence
from bot.services.request import Request
from bot.texts import Html, t
from bot.understanding.model import YesNo
from storage.models import Meeting


def _basics(meeting: Meeting, language: str) -> dict[str, str]:
    return {
        "title": meeting.text("title", *content_order(language)) or "",
        "when": when_text(meeting, language),
        "place": place(meeting, language),
    }


def _cancelled(meeting: Meeting, language: str) -> Html:
    reason = meeting.cancel_reason
    if reason:
        return t(
            language, "premise.cancelled_because", reason=reason, **_basics(meeting, language)
        )
    return t(language, "premise.cancelled_no_reason", **_basics(meeting, language))


def _not_cancelled(meeting: Meeting, request: Request) -> Html:
    tense = "past" if meeting.starts_at < request.now else "future"
    basics = _basics(meeting, request.language)
    return t(request.language, f"premise.not_cancelled.{tense}", **basics)


def _topic(meeting: Meeting, yes_no: YesNo, holds: bool, language: str) -> Html:
    words = " ".join(yes_no.topic)
    if holds:
        sentence = topic_sentence(meeting, yes_no.topic, language)
        return t(language, "premise.topic_yes", topic=words, sentence=sentence,
                 **_basics(meeting, language))  # fmt: skip
    key = (
        "premise.topic_unknown"
        if meeting.text("summary", *content_order(language))
        else "premise.no_summary"
    )
    return t(language, key, topic=words, **_basics(meeting, language))


def premise_answer(
    subjects: list[Meeting], holding: list[Meeting], yes_no: YesNo, request: Request
) -> Answered:
    """For the meeting asked about: the premise confirmed with its facts, or rejected in words."""
    meeting = (holding or subjects)[0]
    language = request.language
    if yes_no.why:
        body = _cancelled(meeting, language) if holding else _not_cancelled(meeting, request)
    elif not holding and len(subjects) > 1:
        shown = lines(subjects, language)
        text = t(language, "premise.topic_unknown_many", topic=" ".join(yes_no.topic),
                 meetings=shown)  # fmt: skip
        return Answered(text, subjects[:3])
    else:
        body = _topic(meeting, yes_no, bool(holding), language)
    return Answered(
        framed(meeting, language, body) if holding else _linked(meeting, body, language), [meeting]
    )


def _linked(meeting: Meeting, body: Html, language: str) -> Html:
    return Html(f"{body}\n{t(language, 'answer.link', id=meeting.id)}")
