"""Answers to questions in plain English or Russian, from the store and nothing else."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.places import country_by_code
from bot.services.documents.quoting import with_quotes
from bot.services.meetings import follow_up, lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import ANSWERS, answer_about, lines, missing
from bot.services.meetings.cards import card_text, chat_card_buttons
from bot.services.meetings.centre import centre_answer, centre_yes_no
from bot.services.meetings.comparing import between_answer, compare_answer
from bot.services.meetings.counting import count_answer
from bot.services.meetings.glossary import define_answer
from bot.services.meetings.known import known_text
from bot.services.meetings.parts import parts_answer
from bot.services.meetings.reference import describe
from bot.services.meetings.scheduled import nothing_scheduled
from bot.services.meetings.subjects import subject_list
from bot.services.meetings.yes_no import yes_no_answer
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
    """The reply, and what it was about remembered for the chat's next question."""
    question = understand(request.args)
    if question.intent in CENTRE_TOPICS:
        return await _centre(session, question, request)
    answered = await _answer(session, question, request)
    await follow_up.remember(session, request, answered.meetings)
    reply = await with_quotes(session, question, request, answered)
    if answered.card is None:
        return reply
    # A card answers with the buttons /event gives it (Remind me or Stop, the calendar, Share),
    # then the buttons of any documents quoted under it.
    card_buttons = await chat_card_buttons(session, answered.card, request)
    return replace(reply, buttons=(*card_buttons, *reply.buttons))


async def _answer(session: AsyncSession, question: Question, request: Request) -> Answered:
    if question.intent in SIMPLE and not question.refers_back:
        return Answered(t(request.language, SIMPLE[question.intent]))
    if question.intent in (Intent.LIST_PAST, Intent.LIST_UPCOMING):
        on_subject = await subject_list(session, question, request)
        if on_subject is not None:
            return on_subject
        listed = await _list(session, question.intent, request)
        return replace(listed, unread=question.meeting.topic or ())
    if question.intent == Intent.COUNT:
        return await count_answer(session, question, request)
    if question.intent == Intent.DEFINE and question.term is not None:
        return define_answer(question.term, request)
    if question.intent == Intent.COMPARE:
        return await compare_answer(session, question, request)
    if question.intent == Intent.BETWEEN:
        return await between_answer(session, question, request)
    context = await follow_up.context_meetings(session, request, question)
    if question.intent in SIMPLE and not context:
        return Answered(t(request.language, SIMPLE[question.intent]))
    if question.yes_no is not None:
        answered = await yes_no_answer(session, question, request, context)
        return answered if answered.text else await _no_such_meeting(session, question, request)
    return await _about(session, question, request, context)


async def _about(
    session: AsyncSession, question: Question, request: Request, context: list[Meeting]
) -> Answered:
    ref = question.meeting
    if ref.relation is not None:
        return await _related(session, question, request, context)
    found = context or await lookup.find(session, ref, request.now)
    if question.intent == Intent.UNKNOWN_FACT and not question.parts:
        return await _unknown_fact(session, question, found, request, bool(context))
    if not found and ref.relative in ("next", "upcoming"):
        return await nothing_scheduled(session, question, request)
    if not found:
        return await _no_such_meeting(session, question, request)
    unread = lookup.topic_unused(ref, found)
    text = _about_found(question, found, request)
    return Answered(text, found[:DETAILED_MATCHES], unread, card=_card_of(question, found))


async def _related(
    session: AsyncSession, question: Question, request: Request, context: list[Meeting]
) -> Answered:
    """ "The meeting after the fifth": found by its neighbour, or said to have none."""
    ref, language = question.meeting, request.language
    if ref.anchor().is_empty() and not context:
        # "The one before?" with nothing shown before: a guess could mislead, so ask.
        known = await _known(session, request)
        return Answered(t(language, "answer.no_context", known=known))
    anchors = context or await lookup.find(session, ref.anchor(), request.now)
    if not anchors:
        return await _no_such_meeting(session, question, request)
    found = await lookup.next_to(session, anchors, ref.relation == "after")
    if not found:
        key = f"answer.no_neighbour_{ref.relation}"
        return Answered(t(language, key, meeting=lines(anchors[:1], language)), anchors[:1])
    return Answered(_about_found(question, found, request), found, card=_card_of(question, found))


def _card_of(question: Question, found: list[Meeting]) -> Meeting | None:
    """The one meeting an answer shows as its card (`_about_found`'s last case), if it does."""
    shows_card = not question.parts and question.intent != Intent.EXISTS
    if shows_card and question.intent not in ANSWERS and len(found) == 1:
        return found[0]
    return None


def _about_found(question: Question, found: list[Meeting], request: Request) -> Html:
    language, now = request.language, request.now
    if question.parts:
        return parts_answer(question.parts, found[:DETAILED_MATCHES], language, now)
    if question.intent == Intent.EXISTS:
        return t(language, "answer.exists_yes", meetings=lines(found, language))
    if question.intent in ANSWERS:
        answers = [answer_about(question.intent, m, language, now) for m in found]
        return join(answers[:DETAILED_MATCHES], "\n\n")
    if (card := _card_of(question, found)) is not None:
        return card_text(card, language, now, reader_zone=request.time_zone)
    return t(language, "answer.several", count=len(found), meetings=lines(found, language))


async def _centre(session: AsyncSession, question: Question, request: Request) -> Reply:
    topic = CENTRE_TOPICS[question.intent]
    if question.yes_no is not None:
        checked = await centre_yes_no(session, topic, _claim(question), request.language)
        if checked is not None:
            return checked
    return await centre_answer(session, topic, request.language)


def _claim(question: Question) -> str | None:
    """What a yes/no question about the Centre says: a country's name, or a year."""
    country = country_by_code(question.meeting.country or "")
    if country is not None:
        return country.name_en
    year = question.meeting.year
    return str(year) if year is not None else None


async def _no_such_meeting(
    session: AsyncSession, question: Question, request: Request
) -> Answered:
    language, unread = request.language, question.meeting.topic or ()
    known = await _known(session, request)
    if question.intent == Intent.EXISTS:
        scope = describe(question.meeting, language, style="scope")
        return Answered(t(language, "answer.exists_no", what=scope, known=known), (), unread)
    what = describe(question.meeting, language)
    return Answered(t(language, "answer.missing_meeting", what=what, known=known), (), unread)


async def _unknown_fact(
    session: AsyncSession,
    question: Question,
    found: list[Meeting],
    request: Request,
    in_context: bool,
) -> Answered:
    attribute = question.missing or "other"
    if not has_text(f"attribute.{attribute}"):
        attribute = "other"
    if found and (in_context or not question.meeting.is_empty()):
        return Answered(missing(found[0], attribute, request.language, request.now), found[:1])
    # About the Centre, /about is what there is to offer; about a meeting, the meetings known.
    if attribute.startswith("centre_"):
        known = t(request.language, "answer.see_about")
    else:
        known = await _known(session, request)
    attribute_text = t(request.language, f"attribute.{attribute}")
    return Answered(
        t(request.language, "answer.missing_fact", attribute=attribute_text, known=known)
    )


async def _known(session: AsyncSession, request: Request) -> Html:
    return await known_text(session, request)


async def _list(session: AsyncSession, intent: Intent, request: Request) -> Answered:
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
        return Answered(t(language, empty, meeting=meeting))
    return Answered(t(language, key, meetings=lines(found, language)), found[:DETAILED_MATCHES])
