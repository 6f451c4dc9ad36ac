"""Who is an admin: seeded from BOT_ADMIN_IDS at start, then /admins, /grant and /revoke.

An admin listed in BOT_ADMIN_IDS is made one again at every start, so revoking them lasts
until the next restart: the reply and /admins say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import locale_for
from bot.services.admin.people import real_people, seen_person, target_of
from bot.services.reply import MenuChange, Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import Admin
from storage.repositories import admins


async def seed_admins(session: AsyncSession, user_ids: Iterable[int], now: datetime) -> None:
    """The configured admins are admins from the start; a second start changes nothing."""
    listed = frozenset(user_ids)
    await admins.add_all(session, listed, now)
    await admins.mark_configured(session, listed)


async def is_admin(session: AsyncSession, user_id: int | None) -> bool:
    return user_id is not None and await admins.is_admin(session, user_id)


async def list_admins(session: AsyncSession, request: Request) -> Reply:
    listed = await admins.listed(session)
    names = {admin.user_id: admin.name for admin in listed}
    lines = [t(request.language, "admin.admins.header")]
    lines += [_line(admin, names, request.language) for admin in listed]
    return Reply(join(lines))


async def grant(session: AsyncSession, request: Request) -> Reply:
    target = target_of(request, "grant")
    if not isinstance(target, Reply):
        target = await seen_person(session, request, target)
    if isinstance(target, Reply):
        return target
    added = await admins.add(session, target.user_id, request.user_id, request.now, target.name)
    await admins.remember_name(session, target.user_id, target.name)
    key = "admin.grant.done" if added else "admin.grant.already"
    text = t(request.language, key, who=who(target.user_id, target.name, request.language))
    return Reply(text, menu_changes=(MenuChange(target.user_id, is_admin=True),))


async def revoke(session: AsyncSession, request: Request) -> Reply:
    """Refused for the last admin who is a person, whoever asks (themselves included). Two
    revokes at once are taken one after the other: the second sees the first's result."""
    target = target_of(request, "revoke")
    if isinstance(target, Reply):
        return target
    listed = {admin.user_id: admin for admin in await admins.locked(session)}
    if request.user_id not in listed:
        return Reply(t(request.language, "admin.revoke.gone"))
    admin = listed.get(target.user_id)
    name = who(target.user_id, admin.name if admin else target.name, request.language)
    if admin is None:
        return Reply(t(request.language, "admin.revoke.not_admin", who=name))
    if not await real_people(session, [a for a in listed.values() if a is not admin]):
        return Reply(t(request.language, "admin.revoke.last", who=name))
    key = "admin.revoke.done_until_restart" if admin.configured else "admin.revoke.done"
    await admins.remove(session, target.user_id)
    return Reply(
        t(request.language, key, who=name),
        menu_changes=(MenuChange(target.user_id, is_admin=False),),
    )


def who(user_id: int, name: str | None, language: str) -> Html:
    """`Aida (<code>1001</code>)`, or the id alone while the name is not known."""
    if name:
        return t(language, "admin.who.named", name=name, user_id=user_id)
    return t(language, "admin.who.id", user_id=user_id)


def _line(admin: Admin, names: Mapping[int, str | None], language: str) -> Html:
    since = format_date(admin.granted_at.date(), "long", locale=locale_for(language))
    person = who(admin.user_id, admin.name, language)
    if admin.granted_by is None:
        line = t(language, "admin.admins.item_configured", who=person, since=since)
    else:
        by = who(admin.granted_by, names.get(admin.granted_by), language)
        line = t(language, "admin.admins.item", who=person, since=since, by=by)
    if admin.configured:
        line = Html(line + t(language, "admin.admins.configured_mark"))
    return line
