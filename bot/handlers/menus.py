"""Command menus set on Telegram: what bot.services.admin.menu decided, one call a menu."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import BadRequest, Forbidden
from telegram.ext import ExtBot

from bot.services.admin.menu import ChatMenu

log = logging.getLogger(__name__)


async def apply_menus(bot: ExtBot[None], menus: Iterable[ChatMenu]) -> None:
    for menu in menus:
        try:
            await _apply(bot, menu)
        except (BadRequest, Forbidden) as error:
            # An admin who never opened a chat with the bot has no chat to give a menu to yet;
            # the next start tries again. Nothing the admin asked for is lost.
            log.warning("no command menu for chat %s: %s", menu.chat_id, error.message)


async def _apply(bot: ExtBot[None], menu: ChatMenu) -> None:
    scope = BotCommandScopeChat(menu.chat_id)
    if not menu.commands:
        await bot.delete_my_commands(scope=scope, language_code=menu.language)
        return
    commands = [BotCommand(name, description) for name, description in menu.commands]
    await bot.set_my_commands(commands, scope=scope, language_code=menu.language)
