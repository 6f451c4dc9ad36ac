"""The entry points of admin buttons and answers in the guided dialog (admin commands go in
through the command table, bot.services.commands, like every command).

Each goes in through bot.services.entry (one transaction, the chat remembered) and checks the
sender against the `admins` table before anything else runs. Button data is decoded strictly and
a draft must belong to its presser.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.forms.lines import is_form
from bot.services import callbacks
from bot.services.admin import deleting, dialog, events
from bot.services.admin import drafts as draft_actions
from bot.services.admin.access import is_admin
from bot.services.admin.idle import DIALOG_COMMANDS
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request, request_for
from bot.services.runtime import Runtime
from bot.texts import t
from storage.models import AdminDraft
from storage.repositories import drafts
from storage.repositories.arrivals import Arrival


async def run_button(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, f"button {inquiry.text!r}"):
            return refusal
        action = callbacks.decode(inquiry.text)
        if not isinstance(action, callbacks.AdminAction):
            return Reply(t(request.language, "admin.button.unknown"), notice=_gone(request))
        if action.verb == "ev":
            page = await events.events_page(session, request, action.number)
            return replace(page, edit=True)
        if action.verb == "del":
            return await deleting.confirm_delete(session, request, action.number)
        if action.verb == "keep":
            return deleting.keep(request, action.number)
        draft = await drafts.get(session, action.number)
        if draft is None or draft.admin_id != inquiry.user_id:
            return Reply(t(request.language, "admin.draft.gone"), notice=_gone(request))
        return await _on_draft(session, request, draft, action.verb)


async def dialog_reply(
    session: AsyncSession,
    runtime: Runtime,
    inquiry: Inquiry,
    command: str | None,
    arrival: Arrival,
) -> Reply | None:
    """The answer to the guided dialog's question, in the update's transaction: the sender's
    text, or /cancel, /skip or /back (`command`). None when the message is not for a dialog
    (another command, a group, the command line) or the sender is in none, as the update's
    first look (`arrival`) found."""
    in_scope = command is None or command in DIALOG_COMMANDS
    if not in_scope or not arrival.has_draft or inquiry.user_id is None:
        return None
    draft = await drafts.dialog_of(session, inquiry.user_id)
    if draft is None and command is None and is_form(inquiry.text):
        draft = await drafts.previewed_by(session, inquiry.user_id)
        if draft is not None and await is_admin(session, inquiry.user_id):
            return await draft_actions.amend(
                session, await request_for(session, runtime, inquiry, arrival=arrival), draft
            )
        return None
    if draft is None or not await is_admin(session, inquiry.user_id):
        return None
    request = await request_for(session, runtime, inquiry, arrival=arrival)
    if command == "cancel":
        return await dialog.cancel(session, request, draft)
    if command == "skip":
        return await dialog.skip(session, request, draft)
    if command == "back":
        return await dialog.back(session, request, draft)
    return await dialog.answer(session, request, draft)


async def _on_draft(
    session: AsyncSession, request: Request, draft: AdminDraft, verb: str
) -> Reply:
    if verb == "drop":
        return await draft_actions.drop(session, request, draft)
    if verb == "skip" and draft.step is not None:
        return await dialog.skip(session, request, draft)
    if verb == "back" and draft.step is not None:
        return await dialog.back(session, request, draft)
    if verb == "save" and draft.step is None:
        return await draft_actions.save(session, request, draft)
    return Reply(t(request.language, "admin.draft.gone"), notice=_gone(request))


def _gone(request: Request) -> str:
    return t(request.language, "admin.draft.gone_notice")
