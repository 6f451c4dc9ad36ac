"""Yes or No, truthfully: "is the sixth meeting cancelled?", «прошла ли встреча в Душанбе?».

The ordinal, the relative word ("next"), the relation ("after the fifth") and the kind of
meeting pick the meetings asked about; the place, the date and the status are what the question
claims of them. The answer is Yes only when a meeting asked about has every claimed fact; then
come the facts that show it, and after a No, what the records have where the claim pointed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meetings import claims, lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.answers import answer_about, lines, missing
from bot.services.meetings.premises import premise_answer
from bot.services.meetings.reference import describe
from bot.services.request import Request
from bot.texts import Html, join, t
from bot.understanding import Intent, MeetingRef, Question
from bot.understanding.model import YesNo
from storage.models import Meeting, MeetingStatus
from storage.repositories import meetings

DETAILED = 3


def subject_of(ref: MeetingRef) -> MeetingRef:
    """What picks the meetings asked about; with none of it, everything the question names."""
    picked = MeetingRef(
        ordinal=ref.ordinal,
        relative=ref.relative,
        relation=ref.relation,
        kind=ref.kind,
        topic=ref.topic,
    )
    return ref if picked.is_empty() else picked


def claimed(ref: MeetingRef) -> MeetingRef:
    """The place and date the question claims, without what picks the meeting."""
    return replace(ref, ordinal=None, relative=None, relation=None, kind=None)


def place_and_date_hold(meeting: Meeting, ref: MeetingRef) -> bool:
    if ref.city is not None and meeting.city_en != ref.city:
        return False
    if ref.country is not None and meeting.country_code != ref.country:
        return False
    return lookup.same_local_date(meeting, ref)


def claims_hold(meeting: Meeting, ref: MeetingRef, yes_no: YesNo, now: datetime) -> bool:
    """Every fact the question claims is true of the meeting."""
    if not place_and_date_hold(meeting, ref):
        return False
    if yes_no.role is not None:
        # Who organised or supported a meeting is on record whether or not it took place.
        return claims.role_holds(meeting, yes_no) and claims.topic_holds(meeting, yes_no.topic)
    if not claims.topic_holds(meeting, yes_no.topic):
        return False
    if yes_no.status == "cancelled":
        return meeting.status == MeetingStatus.CANCELLED
    if not lookup.happens(meeting):
        return False
    if yes_no.upcoming and not claims.still_to_come(meeting, now):
        return False
    return not (yes_no.already and meeting.starts_at >= now)


async def yes_no_answer(
    session: AsyncSession, question: Question, request: Request, context: list[Meeting]
) -> Answered:
    assert question.yes_no is not None
    ref, yes_no, now = question.meeting, question.yes_no, request.now
    if yes_no.existence and yes_no.status == "cancelled" and subject_of(ref).anchor().is_empty():
        return await any_cancelled(session, ref, request)
    subjects = context or await lookup.find(session, subject_of(ref), now)
    if context and ref.relation is not None:
        subjects = await lookup.next_to(session, context, ref.relation == "after")
    if not subjects:
        return Answered(Html(""))
    # The meetings at the claimed place and date first: they are the likeliest meant.
    subjects.sort(key=lambda meeting: not place_and_date_hold(meeting, ref))
    subjects, yes_no = claims.split_party(subjects, yes_no)
    partial = _partial(ref, yes_no, subjects, request)
    if partial is not None:
        return partial
    holding = [meeting for meeting in subjects if claims_hold(meeting, ref, yes_no, now)]
    if yes_no.why or yes_no.topic:
        return premise_answer(subjects, holding, yes_no, request)
    if yes_no.role and not holding and not claims.role_recorded(subjects[0], yes_no.role):
        # Nobody is recorded in that role: a No would be a guess.
        lacking = missing(subjects[0], yes_no.role, request.language, now)
        return Answered(lacking, subjects[:1])
    if holding:
        key = "yes_no.yes_cancelled" if yes_no.status == "cancelled" else "yes_no.yes"
        shown = facts(holding, request, yes_no)
        return Answered(t(request.language, key, facts=shown), holding)
    elsewhere = await _elsewhere(session, ref, subjects, request)
    shown = join([facts(subjects, request, yes_no), *elsewhere])
    key = _why_not(subjects[0], ref, yes_no, now)
    return Answered(t(request.language, key, facts=shown), subjects[:DETAILED])


async def any_cancelled(session: AsyncSession, ref: MeetingRef, request: Request) -> Answered:
    """ "Has any meeting been cancelled?": Yes with the cancelled meetings, or No."""
    found = [m for m in await meetings.cancelled(session) if lookup.same_local_date(m, ref)]
    if not found:
        return Answered(t(request.language, "yes_no.none_cancelled"))
    shown = lines(found[:DETAILED], request.language)
    return Answered(t(request.language, "yes_no.some_cancelled", meetings=shown), found[:DETAILED])


def _partial(
    ref: MeetingRef, yes_no: YesNo, subjects: list[Meeting], request: Request
) -> Answered | None:
    """Facts without a verdict when part of the question was not read, or when it named a role
    but nobody in it."""
    unread = lookup.topic_unused(ref, subjects)
    if unread:
        shown = t(request.language, "yes_no.unread", facts=facts(subjects, request, yes_no))
        return Answered(shown, subjects[:DETAILED], unread)
    if yes_no.role and yes_no.party is None and not yes_no.party_words:
        return Answered(facts(subjects, request, yes_no), subjects[:DETAILED])
    return None


def _why_not(meeting: Meeting, ref: MeetingRef, yes_no: YesNo, now: datetime) -> str:
    if yes_no.status == "cancelled":
        return "yes_no.not_cancelled"
    if not place_and_date_hold(meeting, ref):
        return "yes_no.no"
    if not claims.role_holds(meeting, yes_no):
        return f"yes_no.not_{yes_no.role}"
    if not lookup.happens(meeting):
        return "yes_no.no_cancelled"
    if yes_no.upcoming:
        return "yes_no.already_held"
    return "yes_no.not_yet"


def facts(meetings: list[Meeting], request: Request, yes_no: YesNo | None = None) -> Html:
    """What shows the answer: the date and place, or who played the role claimed."""
    role = yes_no.role if yes_no is not None else None
    intent = {"organizer": Intent.ORGANIZER, "supporters": Intent.SUPPORTERS}.get(
        role or "", Intent.WHEN
    )
    answers = [
        answer_about(intent, meeting, request.language, request.now)
        for meeting in meetings[:DETAILED]
    ]
    return join(answers, "\n\n")


async def _elsewhere(
    session: AsyncSession, ref: MeetingRef, subjects: list[Meeting], request: Request
) -> list[Html]:
    """After a No about a place or date: the meetings the records have there (one query)."""
    place_and_date = claimed(ref)
    if place_and_date.is_empty() or subject_of(ref) == ref:
        return []
    shown = {meeting.id for meeting in subjects}
    found = await lookup.find(session, place_and_date, request.now)
    others = [meeting for meeting in found if meeting.id not in shown]
    if not others:
        return []
    scope = describe(place_and_date, request.language, style="scope")
    return [Html(""), t(request.language, "yes_no.elsewhere", scope=scope,
                        meetings=lines(others[:DETAILED], request.language))]  # fmt: skip
