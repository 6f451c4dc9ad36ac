"""/channel: link a Telegram channel (or group), unlink it, or see what is linked.

`/channel @name [en|ru|kk|uz|both]` or a post forwarded from the channel links it, once Telegram
says (getChatMember, asked by the front end through `Probe`) that the bot is an administrator
there allowed to post and to edit its posts; `/channel off [@name]` unlinks; `/channel` alone
shows each link, its language and whether it broke. Admins only.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import format_day
from bot.languages import chosen_by_word, interface
from bot.services.channels.lost import channel_name
from bot.services.channels.posts import BOTH, post_languages
from bot.services.commands import parse_command
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Html, join, t
from storage.models import ChannelLink
from storage.repositories import channels, chats

# What unlinks, in the languages admins write.
OFF_WORDS = frozenset({"off", "stop", "unlink", "remove", "выкл", "отключить", "отвязать", "стоп"})
BOTH_WORDS = frozenset({"both", "all", "en+ru", "ru+en", "оба", "два", "обоих"})
# @name, t.me/name or a channel's numeric id (-100...).
_REFERENCE = re.compile(
    r"(?:@|(?:https?://)?t\.me/)(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})|(?P<id>-\d{5,20})"
)


@dataclass(frozen=True)
class ChannelFacts:
    """What Telegram says of a chat and of the bot in it."""

    chat_id: int
    # Telegram's chat type: "channel", "supergroup", "group" or "private".
    kind: str
    title: str
    username: str | None
    is_admin: bool
    # A channel administrator's rights (a group's administrators post and edit their own).
    can_post: bool
    can_edit: bool


# Asks Telegram about a chat by @name or id; None when the bot cannot see it.
Probe = Callable[[str | int], Awaitable[ChannelFacts | None]]


@dataclass(frozen=True)
class _Link:
    reference: str | int
    language: str


@dataclass(frozen=True)
class _Unlink:
    reference: str | int | None


@dataclass(frozen=True)
class _Unreadable:
    word: str


async def run_channel(
    runtime: Runtime, inquiry: Inquiry, probe: Probe, forwarded_from: int | None = None
) -> Reply | None:
    """`forwarded_from`: the channel a forwarded post came from; then None for a non-admin
    (the message is theirs to ask about, answered as any other)."""
    typed = parse_command(inquiry.text)
    args = typed.args if typed is not None else ""
    async with opened(runtime, inquiry, args=args) as (session, request):
        refusal = await refused_unless_admin(session, request, "/channel")
        if refusal is not None:
            return None if forwarded_from is not None else refusal
        wish = _Link(forwarded_from, BOTH) if forwarded_from else _read(request.args)
        if not isinstance(wish, _Link):
            return await _without_telegram(session, request, wish)
    facts = await probe(wish.reference)
    async with opened(runtime, inquiry, args=args) as (session, request):
        return await _link(session, request, wish, facts)


def _read(args: str) -> _Link | _Unlink | _Unreadable | None:
    words = args.split()
    if not words:
        return None
    first = words[0].lower()
    if first in OFF_WORDS:
        return _Unlink(_reference(words[1]) if len(words) > 1 else None)
    reference = _reference(words[0])
    if reference is None:
        return _Unreadable(words[0])
    language = _language(words[1]) if len(words) > 1 else BOTH
    return _Link(reference, language) if language else _Unreadable(words[1])


def _reference(word: str) -> str | int | None:
    match = _REFERENCE.fullmatch(word.strip())
    if match is None:
        return None
    return f"@{match['name']}" if match["name"] else int(match["id"])


def _language(word: str) -> str | None:
    folded = word.lower().strip()
    return BOTH if folded in BOTH_WORDS else chosen_by_word(folded)


async def _without_telegram(
    session: AsyncSession, request: Request, wish: _Unlink | _Unreadable | None
) -> Reply:
    language = request.language
    if isinstance(wish, _Unreadable):
        return Reply(t(language, "admin.channel.unreadable", word=wish.word))
    if isinstance(wish, _Unlink):
        return await _unlink(session, request, wish.reference)
    return Reply(_state(await channels.links(session), language))


async def _unlink(session: AsyncSession, request: Request, reference: str | int | None) -> Reply:
    language = request.language
    linked = await channels.links(session)
    chosen = [link for link in linked if reference is None or _names(link, reference)]
    if not chosen:
        return Reply(t(language, "admin.channel.none_to_unlink") if not linked else t(
            language, "admin.channel.not_linked", reference=str(reference)
        ))  # fmt: skip
    for link in chosen:
        await channels.unlink(session, link.chat_id)
    names = ", ".join(channel_name(link) for link in chosen)
    return Reply(t(language, "admin.channel.unlinked", channels=names))


def _names(link: ChannelLink, reference: str | int) -> bool:
    if isinstance(reference, int):
        return link.chat_id == reference
    return (link.username or "").lower() == reference.removeprefix("@").lower()


async def _link(
    session: AsyncSession, request: Request, wish: _Link, facts: ChannelFacts | None
) -> Reply:
    language = request.language
    if facts is None:
        return Reply(t(language, "admin.channel.not_found", reference=str(wish.reference)))
    if facts.kind == "private":
        return Reply(t(language, "admin.channel.not_a_channel", reference=str(wish.reference)))
    missing = _missing_rights(facts, language)
    if missing:
        return Reply(t(language, "admin.channel.no_rights", channel=facts.title, missing=missing))
    await chats.remember(session, facts.chat_id, facts.kind, request.now)
    link = await channels.save_link(
        session,
        {
            "chat_id": facts.chat_id,
            "title": facts.title[:255],
            "username": facts.username,
            "language": wish.language,
            "linked_by": request.user_id,
            "linked_at": request.now,
        },
    )
    return Reply(
        t(
            language,
            "admin.channel.linked",
            channel=channel_name(link),
            languages=_languages(link.language),
        )
    )


def _missing_rights(facts: ChannelFacts, language: str) -> str:
    if not facts.is_admin:
        return t(language, "admin.channel.right.admin")
    missing = []
    if facts.kind == "channel" and not facts.can_post:
        missing.append(t(language, "admin.channel.right.post"))
    if facts.kind == "channel" and not facts.can_edit:
        missing.append(t(language, "admin.channel.right.edit"))
    return ", ".join(missing)


def _state(linked: list[ChannelLink], language: str) -> Html:
    if not linked:
        return t(language, "admin.channel.none")
    lines = [t(language, "admin.channel.list")]
    for link in linked:
        lines.append(
            t(
                language,
                "admin.channel.line",
                channel=channel_name(link),
                languages=_languages(link.language),
                since=format_day(link.linked_at, "UTC", language),
            )
        )
        if link.broken_at is not None:
            lines.append(
                t(language, "admin.channel.broken", reason=link.broken_reason or "", name=
                  f"@{link.username}" if link.username else str(link.chat_id))
            )  # fmt: skip
    lines.append(t(language, "admin.channel.how"))
    return join(lines)


def _languages(setting: str) -> str:
    return " + ".join(interface(code).name for code in post_languages(setting))
