"""Answers to questions in plain English or Russian, from the store and nothing else."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_card
from bot.services.meetings import lookup
from bot.services.meetings.answers import ANSWERS, answer_about, lines, missing
from bot.services.meetings.centre import centre_answer
from bot.services.meetings.reference import describe
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, has_text, join, t
from bot.understanding import Intent, Question, understand
from storage.models import Meeting
from storage.repositories import meetings

CENTRE_TOPICS = {
    Intent.CENTRE_WHAT: "what",
    Intent.CENTRE_OPENED: "opened",
    Intent.CENTRE_COUNTRIES: "countries",
    Intent.CENTRE_TASKS: "tasks",
    Intent.CENTRE_PROGRAMME: "programme",
}
SIMPLE = {
    Intent.GREETING: "answer.greeting",
    Intent.THANKS: "answer.thanks",
    Intent.UNCLEAR: "fallback.not_understood",
}
# Several meetings match: answer for this many, then list the rest by one line each.
DETAILED_MATCHES = 3


async def answer_question(session: AsyncSession, request: Request) -> Reply:
    question = understand(request.args)
    language = request.language
    if question.intent in SIMPLE:
        return Reply(t(language, SIMPLE[question.intent]))
    if question.intent in CENTRE_TOPICS:
        return await centre_answer(session, CENTRE_TOPICS[question.intent], language)
    if question.intent in (Intent.LIST_PAST, Intent.LIST_UPCOMING):
        return await _list(session, question.intent, request)
    found = await lookup.find(session, question.meeting, request.now)
    if question.intent == Intent.UNKNOWN_FACT:
        return await _unknown_fact(session, question, found, request)
    if not found and question.meeting.relative in ("next", "upcoming"):
        return await _nothing_scheduled(session, request)
    if not found:
        return await _no_such_meeting(session, question, request)
    return Reply(_about_found(question, found, request))


def _about_found(question: Question, found: list[Meeting], request: Request) -> Html:
    language, now = request.language, request.now
    if question.intent == Intent.EXISTS:
        return t(language, "answer.exists_yes", meetings=lines(found, language))
    if question.intent in ANSWERS:
        answers = [answer_about(question.intent, m, language, now) for m in found]
        return join(answers[:DETAILED_MATCHES], "\n\n")
    if len(found) == 1:
        return meeting_card(found[0], language, now)
    return t(language, "answer.several", count=len(found), meetings=lines(found, language))


async def _no_such_meeting(session: AsyncSession, question: Question, request: Request) -> Reply:
    language = request.language
    known = await _known(session, request)
    if question.intent == Intent.EXISTS:
        scope = describe(question.meeting, language, style="scope")
        return Reply(t(language, "answer.exists_no", what=scope, known=known))
    what = describe(question.meeting, language)
    return Reply(t(language, "answer.missing_meeting", what=what, known=known))


async def _nothing_scheduled(session: AsyncSession, request: Request) -> Reply:
    latest = await meetings.latest_before(session, request.now)
    if latest is None:
        return Reply(t(request.language, "answer.no_meetings"))
    card = meeting_card(latest, request.language, request.now)
    return Reply(t(request.language, "answer.none_next", card=card))


async def _unknown_fact(
    session: AsyncSession, question: Question, found: list[Meeting], request: Request
) -> Reply:
    attribute = question.missing or "other"
    if not has_text(f"attribute.{attribute}"):
        attribute = "other"
    if found and not question.meeting.is_empty():
        return Reply(missing(found[0], attribute, request.language))
    # About the Centre, /about is what there is to offer; about a meeting, the meetings known.
    if attribute.startswith("centre_"):
        known = t(request.language, "answer.see_about")
    else:
        known = await _known(session, request)
    attribute_text = t(request.language, f"attribute.{attribute}")
    return Reply(t(request.language, "answer.missing_fact", attribute=attribute_text, known=known))


async def _known(session: AsyncSession, request: Request) -> Html:
    known = list(await lookup.known_meetings(session, request.now))
    if not known:
        return t(request.language, "answer.no_meetings")
    return t(request.language, "answer.known_meetings", meetings=lines(known, request.language))


async def _list(session: AsyncSession, intent: Intent, request: Request) -> Reply:
    language, now = request.language, request.now
    if intent == Intent.LIST_PAST:
        found = list(await meetings.past(session, now))
        key, empty = "answer.list_past", "answer.none_past"
    else:
        found = list(await meetings.upcoming(session, now))
        key, empty = "answer.list_upcoming", "answer.none_upcoming"
    if not found:
        latest = await meetings.latest_before(session, now)
        meeting = lines([latest], language) if latest else ""
        return Reply(t(language, empty, meeting=meeting))
    return Reply(t(language, key, meetings=lines(found, language)))
