"""/addevent and /editevent: a form becomes a draft, previewed, then saved or thrown away."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.forms import parse_meeting_form, render_errors
from bot.services.admin.preview import preview
from bot.services.admin.refusals import named_meeting, unknown_meeting
from bot.services.admin.stale import refused_if_stale, version_of
from bot.services.meeting_writes.changes import (
    DuplicateMeeting,
    MeetingNotFound,
    add_meeting,
    edit_meeting,
)
from bot.services.meeting_writes.values import columns_of, draft_meeting, from_json, to_json
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.models import AdminDraft, Meeting
from storage.repositories import drafts, meetings


async def add_event(session: AsyncSession, request: Request) -> Reply:
    parsed = parse_meeting_form(request.args, now=request.now)
    if isinstance(parsed, list):
        return Reply(render_errors(parsed, request.language))
    meeting = draft_meeting(parsed.values, None)
    return await _offer(session, request, meeting, "add", parsed.values)


async def edit_event(session: AsyncSession, request: Request) -> Reply:
    named = await named_meeting(session, request, "editevent")
    if isinstance(named, Reply):
        return named
    current = named.meeting
    parsed = parse_meeting_form(named.rest, now=request.now, existing=columns_of(current))
    if isinstance(parsed, list):
        return Reply(render_errors(parsed, request.language))
    changes = {k: v for k, v in parsed.values.items() if getattr(current, k) != v}
    if not changes:
        return Reply(t(request.language, "admin.edit.nothing", id=current.id))
    meeting = draft_meeting(changes, current)
    return await _offer(session, request, meeting, "edit", changes)


async def show_preview(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    """The preview of a draft whose values are complete (the dialog's last answer ends here)."""
    current = await meetings.get(session, draft.meeting_id) if draft.meeting_id else None
    meeting = draft_meeting(from_json(draft.values), current)
    duplicate = await _duplicate_of(session, meeting)
    if duplicate is not None:
        await drafts.remove(session, draft)
        return duplicate_reply(request, duplicate)
    return preview(draft, meeting, request.language, request.now)


async def amend(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    """Form lines sent while a draft is previewed (the preview's own hints, such as
    `название: Переговоры по воде`): the draft changed and previewed again."""
    current = await meetings.get(session, draft.meeting_id) if draft.meeting_id else None
    values = from_json(draft.values)
    existing = {**(columns_of(current) if current else {}), **values}
    parsed = parse_meeting_form(request.args, now=request.now, existing=existing)
    if isinstance(parsed, list):
        return Reply(render_errors(parsed, request.language))
    draft.values = to_json({**values, **parsed.values})
    return await show_preview(session, request, draft)


async def save(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    if refusal := await refused_if_stale(session, request, draft):
        await drafts.remove(session, draft)
        return refusal
    values = from_json(draft.values)
    try:
        if draft.meeting_id is None:
            meeting = await add_meeting(session, request.user_id, values, request.now)
        else:
            meeting = await edit_meeting(
                session, request.user_id, draft.meeting_id, values, request.now
            )
    except DuplicateMeeting as error:
        return duplicate_reply(request, error.other_id)
    except MeetingNotFound as error:
        return unknown_meeting(request, error.meeting_id, "editevent")
    await drafts.remove(session, draft)
    key = f"admin.saved.{draft.kind}"
    title = meeting.title_en
    return Reply(t(request.language, key, id=meeting.id, title=title), edit=True)


async def drop(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    await drafts.remove(session, draft)
    return Reply(t(request.language, "admin.draft.dropped"), edit=True)


def duplicate_reply(request: Request, other_id: int | None) -> Reply:
    if other_id is None:
        return Reply(t(request.language, "admin.error.duplicate_now"))
    return Reply(t(request.language, "admin.error.duplicate", id=other_id))


async def _offer(
    session: AsyncSession, request: Request, meeting: Meeting, kind: str, values: dict[str, object]
) -> Reply:
    duplicate = await _duplicate_of(session, meeting)
    if duplicate is not None:
        return duplicate_reply(request, duplicate)
    assert request.user_id is not None
    draft = await drafts.create(
        session,
        request.user_id,
        kind,
        to_json(values),
        meeting_id=meeting.id,
        meeting_version=await version_of(session, meeting.id),
        now=request.now,
    )
    return preview(draft, meeting, request.language, request.now)


async def _duplicate_of(session: AsyncSession, meeting: Meeting) -> int | None:
    return await meetings.same_title_and_start(
        session, meeting.title_en, meeting.starts_at, other_than=meeting.id
    )
