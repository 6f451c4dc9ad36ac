"""The entry points of every admin action: a command, a button, an answer in the guided dialog.

Each opens one transaction, remembers the chat, and checks the sender against the `admins`
table before anything else runs: a non-admin is refused politely, changes nothing, and the
attempt is logged. Button data is decoded strictly and a draft must belong to its presser.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import (
    admin_access,
    admin_audit,
    admin_callbacks,
    admin_dialog,
    admin_drafts,
    admin_events,
    admin_stats,
)
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.requests import request_for
from bot.services.runtime import Runtime
from bot.texts import t
from storage.models import AdminDraft
from storage.repositories import drafts

log = logging.getLogger(__name__)

AdminRun = Callable[[AsyncSession, Request], Awaitable[Reply]]
ADMIN_COMMANDS: dict[str, AdminRun] = {
    "admins": admin_access.list_admins,
    "grant": admin_access.grant,
    "revoke": admin_access.revoke,
    "addevent": admin_dialog.add_event,
    "editevent": admin_drafts.edit_event,
    "cancelevent": admin_events.cancel_event,
    "deleteevent": admin_events.delete_event,
    "events": admin_events.list_events,
    "audit": admin_audit.show_audit,
    "stats": admin_stats.show_stats,
}
DIALOG_COMMANDS = ("skip", "cancel")


async def run_command(runtime: Runtime, inquiry: Inquiry, name: str) -> Reply:
    async with runtime.database.sessions.begin() as session:
        request = await request_for(session, runtime, inquiry)
        if not await admin_access.is_admin(session, inquiry.user_id):
            return _refuse(request, f"/{name}")
        return await ADMIN_COMMANDS[name](session, request)


async def run_button(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with runtime.database.sessions.begin() as session:
        request = await request_for(session, runtime, inquiry)
        if not await admin_access.is_admin(session, inquiry.user_id):
            return _refuse(request, f"button {inquiry.text!r}")
        action = admin_callbacks.decode(inquiry.text)
        if action is None:
            return Reply(t(request.language, "admin.button.unknown"), notice=_gone(request))
        if action.verb == "ev":
            page = await admin_events.events_page(session, request, action.number)
            return replace(page, edit=True)
        draft = await drafts.get(session, action.number)
        if draft is None or draft.admin_id != inquiry.user_id:
            return Reply(t(request.language, "admin.draft.gone"), notice=_gone(request))
        return await _on_draft(session, request, draft, action.verb)


async def run_dialog(runtime: Runtime, inquiry: Inquiry, command: str | None) -> Reply | None:
    """The answer to the dialog's question; None when the sender is in no dialog."""
    if inquiry.user_id is None or inquiry.chat_kind != "private":
        return None
    async with runtime.database.sessions.begin() as session:
        draft = await drafts.dialog_of(session, inquiry.user_id)
        if draft is None or not await admin_access.is_admin(session, inquiry.user_id):
            return None
        request = await request_for(session, runtime, inquiry)
        if command == "cancel":
            return await admin_dialog.cancel(session, request, draft)
        if command == "skip":
            return await admin_dialog.skip(session, request, draft)
        return await admin_dialog.answer(session, request, draft)


async def _on_draft(
    session: AsyncSession, request: Request, draft: AdminDraft, verb: str
) -> Reply:
    if verb == "drop":
        return await admin_drafts.drop(session, request, draft)
    if verb == "skip" and draft.step is not None:
        return await admin_dialog.skip(session, request, draft)
    if verb == "save" and draft.step is None:
        return await admin_drafts.save(session, request, draft)
    return Reply(t(request.language, "admin.draft.gone"), notice=_gone(request))


def _refuse(request: Request, attempt: str) -> Reply:
    log.warning("refused %s to user %s: not an admin", attempt, request.user_id)
    return Reply(t(request.language, "admin.refused"), notice=t(request.language, "admin.refused"))


def _gone(request: Request) -> str:
    return t(request.language, "admin.draft.gone_notice")
