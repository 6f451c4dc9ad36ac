"""What an admin's command menu holds, and which menus to set when admins come and go.

Telegram shows a private chat the most specific menu it has: one set for that chat (scope
"chat") wins over everyone's. An admin's chat gets the public commands and then the admin ones,
in English, in Russian and, for other interface languages, in the bot's default language. The
Telegram calls are the handlers' (bot/handlers/menus.py); this module only decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.chats.menu import MENU
from bot.services.commands import menu
from bot.services.reply import MenuChange
from bot.texts import LANGUAGES, t
from storage.repositories import admins

ADMIN_MENU: tuple[str, ...] = menu("admin")


@dataclass(frozen=True)
class ChatMenu:
    chat_id: int
    # None: for interface languages that have no menu of their own.
    language: str | None
    # (command, description) pairs; empty: the chat's own menu is removed (everyone's shows).
    commands: tuple[tuple[str, str], ...]


def admin_commands(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, t(language, f"command.{name}")) for name in (*MENU, *ADMIN_MENU))


def menus_after(changes: Sequence[MenuChange], default_language: str) -> list[ChatMenu]:
    """The menus to set or remove after /grant or /revoke."""
    return [menu for change in changes for menu in menus_for(change, default_language)]


def menus_for(change: MenuChange, default_language: str) -> list[ChatMenu]:
    """The three menus of one admin's private chat (each language and the fallback)."""
    languages: Sequence[str | None] = (*LANGUAGES, None)
    return [
        ChatMenu(
            change.user_id,
            language,
            admin_commands(language or default_language) if change.is_admin else (),
        )
        for language in languages
    ]


async def every_admin_menu(session: AsyncSession, default_language: str) -> list[ChatMenu]:
    """The menus of every admin there is, as set at each start."""
    listed = await admins.listed(session)
    return [
        menu
        for admin in listed
        for menu in menus_for(MenuChange(admin.user_id, True), default_language)
    ]
