"""The entry points of every admin action: a command, a button, an answer in the guided dialog.

Each goes in through bot.services.entry (one transaction, the chat remembered) and checks the
sender against the `admins` table before anything else runs. Button data is decoded strictly and
a draft must belong to its presser.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admin import (
    access,
    audit,
    callbacks,
    cancelling,
    deleting,
    dialog,
    events,
    stats,
)
from bot.services.admin import drafts as draft_actions
from bot.services.admin.access import is_admin
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import CommandRun, Request, request_for
from bot.services.runtime import Runtime
from bot.texts import t
from storage.models import AdminDraft
from storage.repositories import admins, drafts

ADMIN_COMMANDS: dict[str, CommandRun] = {
    "admins": access.list_admins,
    "grant": access.grant,
    "revoke": access.revoke,
    "addevent": dialog.add_event,
    "editevent": draft_actions.edit_event,
    "cancelevent": cancelling.cancel_event,
    "restoreevent": cancelling.restore_event,
    "deleteevent": deleting.delete_event,
    "events": events.list_events,
    "audit": audit.show_audit,
    "stats": stats.show_stats,
}


async def run_command(runtime: Runtime, inquiry: Inquiry, name: str) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, f"/{name}"):
            return refusal
        reply = await ADMIN_COMMANDS[name](session, request)
        # /admins shows names: an admin's own is learnt from their commands. Written after the
        # command, so that /revoke's ordered lock of the admins is the transaction's first
        # (two admins revoking each other, each holding their own row, deadlocked).
        assert request.user_id is not None
        await admins.remember_name(session, request.user_id, request.user_name)
        return reply


async def run_button(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, f"button {inquiry.text!r}"):
            return refusal
        action = callbacks.decode(inquiry.text)
        if action is None:
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


async def run_dialog(runtime: Runtime, inquiry: Inquiry, command: str | None) -> Reply | None:
    """The answer to the dialog's question; None when the sender is in no dialog."""
    if inquiry.user_id is None or inquiry.chat_kind != "private":
        return None
    async with runtime.transaction() as session:
        draft = await drafts.dialog_of(session, inquiry.user_id)
        if draft is None or not await is_admin(session, inquiry.user_id):
            return None
        request = await request_for(session, runtime, inquiry)
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
