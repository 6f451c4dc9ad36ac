"""A message, command or button press as a use case sees it, once the front end has been read:
the chat remembered, the reader's language chosen, the clock read."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import InterfaceLanguage, as_language, reply_language
from bot.services.inquiry import Inquiry, Person
from bot.services.reply import Reply
from bot.services.runtime import Runtime
from storage.repositories import arrivals, chats
from storage.repositories.arrivals import Arrival, StoredChat, StoredContext

GROUP_KINDS = frozenset({"group", "supergroup", "channel"})


@dataclass(frozen=True)
class Request:
    # The text after the command, the whole question, or a button's data.
    args: str
    language: InterfaceLanguage
    now: datetime
    user_id: int | None = None
    user_name: str | None = None
    chat_id: int | None = None
    chat_kind: str = "private"
    # The zone the reader chose with /timezone; None: venue time only.
    time_zone: str | None = None
    # In a group: whether the sender administers it (None when nobody asked Telegram).
    is_chat_admin: bool | None = None
    # Minutes before a meeting that chats with no offsets of their own are reminded.
    default_offsets: tuple[int, ...] = (1440, 60)
    public_base_url: str | None = None
    replied_text: str | None = None
    conversation_id: int | None = None
    # Whom the message points at, by a reply or a forward (bot.services.inquiry.Person).
    about: Person | None = None
    # The user's Telegram interface language as Telegram sent it ("de", "en-GB").
    telegram_language: str | None = None
    # The bot's @username, for deep links to it (None: no links, as in `unrcca-bot ask`).
    bot_username: str | None = None
    # The conversation's follow-up context as the update's first look found it (None: none).
    context: StoredContext | None = None

    @property
    def in_group(self) -> bool:
        """A group, supergroup or channel: changing it is for its administrators."""
        return self.chat_kind in GROUP_KINDS


# What runs behind a command: the request in, the reply out, in the caller's transaction.
CommandRun = Callable[[AsyncSession, Request], Awaitable[Reply]]


async def look_at(session: AsyncSession, inquiry: Inquiry, *, dialog: bool = True) -> Arrival:
    """The update's first look (one SELECT): its chat, whether a private sender has an admin's
    draft (with `dialog`), and the conversation's context."""
    private_sender = inquiry.user_id if dialog and inquiry.chat_kind == "private" else None
    return await arrivals.look(
        session,
        inquiry.chat_id,
        dialog_of=private_sender,
        conversation_id=inquiry.conversation_id,
    )


async def remember_chat(
    session: AsyncSession, inquiry: Inquiry, now: datetime, stored: StoredChat | None = None
) -> tuple[str | None, str | None]:
    """Record the chat, unless `stored` shows nothing changed; its chosen language and time zone,
    if any (none outside a chat, as in `ask`)."""
    if inquiry.chat_id is None:
        return None, None
    seen = as_language(inquiry.telegram_language)
    return await chats.remember(session, inquiry.chat_id, inquiry.chat_kind, now, seen, stored)


def reader_language(
    runtime: Runtime, chosen: str | None, inquiry: Inquiry, detected: InterfaceLanguage | None
) -> InterfaceLanguage:
    """The precedence bot.languages.reply_language documents: forced, then the chat's choice
    (its Telegram language, the default), then the question's script among content languages."""
    settled = as_language(chosen) or as_language(inquiry.telegram_language)
    return reply_language(inquiry.language, settled or runtime.default_language, detected)


async def request_for(
    session: AsyncSession,
    runtime: Runtime,
    inquiry: Inquiry,
    args: str | None = None,
    detected: InterfaceLanguage | None = None,
    arrival: Arrival | None = None,
) -> Request:
    """The request of `inquiry`, its chat remembered; `arrival` is the update's first look when
    the caller has taken it (look_at), else it is taken here."""
    now = runtime.clock()
    if arrival is None:
        arrival = await look_at(session, inquiry, dialog=False)
    chosen, zone = await remember_chat(session, inquiry, now, arrival.chat)
    language = reader_language(runtime, chosen, inquiry, detected)
    return Request(
        args=(inquiry.text if args is None else args).strip(),
        language=language,
        now=now,
        user_id=inquiry.user_id,
        user_name=inquiry.user_name,
        chat_id=inquiry.chat_id,
        chat_kind=inquiry.chat_kind,
        time_zone=zone,
        is_chat_admin=inquiry.is_chat_admin,
        default_offsets=runtime.reminder_offsets,
        public_base_url=runtime.public_base_url,
        replied_text=inquiry.replied_text,
        conversation_id=inquiry.conversation_id,
        about=inquiry.about,
        bot_username=runtime.bot_username,
        telegram_language=inquiry.telegram_language,
        context=arrival.context,
    )
