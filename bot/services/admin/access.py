"""Who is an admin: seeded from BOT_ADMIN_IDS at start, then /admins, /grant and /revoke."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import locale_for
from bot.services.admin import args
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import Admin
from storage.repositories import admins


async def seed_admins(session: AsyncSession, user_ids: Iterable[int], now: datetime) -> None:
    """The configured admins are admins from the start; a second start changes nothing."""
    await admins.add_all(session, user_ids, now)


async def is_admin(session: AsyncSession, user_id: int | None) -> bool:
    return user_id is not None and await admins.is_admin(session, user_id)


async def list_admins(session: AsyncSession, request: Request) -> Reply:
    lines = [t(request.language, "admin.admins.header")]
    lines += [_line(admin, request.language) for admin in await admins.listed(session)]
    return Reply(join(lines))


async def grant(session: AsyncSession, request: Request) -> Reply:
    user_id = args.user_id(request, "grant")
    if isinstance(user_id, Reply):
        return user_id
    added = await admins.add(session, user_id, request.user_id, request.now)
    key = "admin.grant.done" if added else "admin.grant.already"
    return Reply(t(request.language, key, user_id=user_id))


async def revoke(session: AsyncSession, request: Request) -> Reply:
    user_id = args.user_id(request, "revoke")
    if isinstance(user_id, Reply):
        return user_id
    if not await admins.is_admin(session, user_id):
        return Reply(t(request.language, "admin.revoke.not_admin", user_id=user_id))
    if await admins.count(session, lock=True) <= 1:
        return Reply(t(request.language, "admin.revoke.last", user_id=user_id))
    await admins.remove(session, user_id)
    return Reply(t(request.language, "admin.revoke.done", user_id=user_id))


def _line(admin: Admin, language: str) -> Html:
    since = format_date(admin.granted_at.date(), "long", locale=locale_for(language))
    if admin.granted_by is None:
        return t(language, "admin.admins.item_configured", user_id=admin.user_id, since=since)
    by = admin.granted_by
    return t(language, "admin.admins.item", user_id=admin.user_id, since=since, by=by)
