"""The public commands in the order the menu and /help show them, from the command table
(bot/services/commands.py); each is described by the text `command.<name>`."""

from bot.services.commands import menu
from bot.texts import t

MENU: tuple[str, ...] = menu("public")
# Telegram's limits on a bot's description and short description (setMyDescription).
DESCRIPTION_LIMIT = 512
SHORT_DESCRIPTION_LIMIT = 120


def bot_profile(language: str) -> tuple[str, str]:
    """The description and the short description a new user reads in the bot's profile: plain
    text (no parse mode there), within Telegram's limits."""
    description = t(language, "bot.description")[:DESCRIPTION_LIMIT]
    short = t(language, "bot.short_description")[:SHORT_DESCRIPTION_LIMIT]
    return str(description), str(short)
