"""The public commands in the order the menu and /help show them, from the command table
(bot/services/commands.py); each is described by the text `command.<name>`."""

from bot.services.commands import menu

MENU: tuple[str, ...] = menu("public")
