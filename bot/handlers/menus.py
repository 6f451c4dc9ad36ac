"""Command menus set on Telegram: what bot.services.admin.menu decided, one call a menu."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from functools import partial

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import ExtBot
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

from bot.services.admin.menu import ChatMenu

log = logging.getLogger(__name__)


# A menu is a convenience, never a reason to fail: a start-up, or the admin command that changed
# who sees which menu. A call the Bot API did not answer (a timeout on a loaded machine, a blip)
# is tried MENU_TRIES times, then left for the next start with a warning.
MENU_TRIES = 3


async def set_menu(call: Callable[[], Awaitable[object]], whose: str) -> None:
    """Make one menu call (setMyCommands or deleteMyCommands), tried again on a network error;
    logged, not raised, when it still fails. `whose`: for the log ("chat 42", "everyone")."""
    attempts = AsyncRetrying(
        retry=retry_if_exception_type(NetworkError),
        stop=stop_after_attempt(MENU_TRIES),
        wait=wait_random_exponential(multiplier=0.5, max=5),
        reraise=True,
    )
    try:
        async for attempt in attempts:
            with attempt:
                await call()
    except (BadRequest, Forbidden, NetworkError) as error:
        # BadRequest, Forbidden: an admin who never opened a chat with the bot has no chat to
        # give a menu to yet. Either way the next start tries again; nothing asked is lost.
        log.warning("no command menu for %s: %s", whose, error.message)


async def apply_menus(bot: ExtBot[None], menus: Iterable[ChatMenu]) -> None:
    """Each chat's menu, the calls made at once (each chat's menu in each language is its own;
    of two for the same chat and language, the last is the one meant)."""
    latest = {(menu.chat_id, menu.language): menu for menu in menus}
    async with asyncio.TaskGroup() as calls:
        for menu in latest.values():
            calls.create_task(set_menu(partial(_apply, bot, menu), f"chat {menu.chat_id}"))


async def _apply(bot: ExtBot[None], menu: ChatMenu) -> None:
    scope = BotCommandScopeChat(menu.chat_id)
    if not menu.commands:
        await bot.delete_my_commands(scope=scope, language_code=menu.language)
        return
    commands = [BotCommand(name, description) for name, description in menu.commands]
    await bot.set_my_commands(commands, scope=scope, language_code=menu.language)
