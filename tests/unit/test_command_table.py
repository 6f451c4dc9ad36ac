"""The command table (bot/services/commands.py) and the one reading of "/command@bot args"."""

from __future__ import annotations

import pytest
from telegram.ext import CommandHandler

from bot.app import build_application
from bot.services.commands import COMMANDS, CommandText, menu, parse_command, routed
from bot.texts import CATALOGUES
from config.settings import load_settings


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("/next", CommandText("next", "")),
        ("/Event 5", CommandText("event", "5")),
        ("/event_5", CommandText("event", "5")),
        ("/search@unrcca_bot water talks", CommandText("search", "water talks", "unrcca_bot")),
        ("/editevent 5\nvenue: MFA", CommandText("editevent", "5\nvenue: MFA")),
        ("  /help  ", CommandText("help", "")),
        ("next", None),
        ("/", None),
        ("/дальше", None),
    ],
)
def test_a_command_is_read_once_the_same_way(typed: str, read: CommandText | None) -> None:
    assert parse_command(typed) == read


def test_every_command_is_declared_once_and_described_in_every_catalogue() -> None:
    names = [command.name for command in COMMANDS]
    assert len(names) == len(set(names))
    for language, catalogue in CATALOGUES.items():
        described = [c.help_key for c in COMMANDS if c.in_menu]
        assert [key for key in described if key not in catalogue] == [], language


def test_the_menus_come_from_the_table() -> None:
    assert menu("public")[:3] == ("start", "help", "next")
    assert "language" in menu("public") and "cancel" not in menu("public")
    assert menu("admin")[0] == "addevent" and "grant" in menu("admin")


def test_every_routed_command_has_one_handler_and_only_those() -> None:
    settings = load_settings(token="123456789:" + "x" * 35, database_url="sqlite+aiosqlite://")
    app = build_application(settings)
    handled = [
        name
        for handlers in app.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for name in handler.commands
    ]
    assert sorted(handled) == sorted([*routed(), "import", "export", "channel", "attach"])
