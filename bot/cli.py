"""`unrcca-bot run` and `unrcca-bot ask`."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Iterable

from bot.formatting.plain import html_to_text
from bot.logs import configure_logging, secrets_of
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from bot.texts import Language
from config.settings import Settings, SettingsError, load_settings
from storage.database import DatabaseUnavailable, open_database, prepare_database

USAGE_ERROR = 2
log = logging.getLogger("bot")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="unrcca-bot", description="The UNRCCA meetings bot.")
    commands = root.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot until stopped (polling, or webhook if set)")
    ask = commands.add_parser("ask", help="print the bot's reply to a message")
    ask.add_argument("question", help='the message, or "-" to read one per line from stdin')
    ask.add_argument("--lang", choices=["en", "ru"], help="reply language (default: detected)")
    return root


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        settings = load_settings()
        if arguments.command == "run":
            return run(settings)
        return asyncio.run(ask(settings, arguments.question, arguments.lang))
    except (SettingsError, DatabaseUnavailable) as error:
        print(f"unrcca-bot: {error}", file=sys.stderr)
        return USAGE_ERROR


def run(settings: Settings) -> int:
    from bot.runner import run_bot  # Telegram's stack is loaded only to run the bot.

    settings.require_token()
    configure_logging(settings.log_level, secrets_of(settings))
    return run_bot(settings)


async def ask(settings: Settings, question: str, language: Language | None) -> int:
    configure_logging("WARNING", {})
    database = open_database(settings.database_url)
    try:
        await prepare_database(database)
        runtime = Runtime(database, default_language=settings.default_language)
        if question == "-":
            await _ask_many(runtime, sys.stdin, language)
        else:
            print(await _answer(runtime, question, language))
    finally:
        await database.dispose()
    return 0


async def _ask_many(runtime: Runtime, lines: Iterable[str], language: Language | None) -> None:
    for line in lines:
        question = line.rstrip("\n")
        if not question.strip():
            continue
        answer = await _answer(runtime, question, language)
        print(json.dumps({"question": question, "answer": answer}, ensure_ascii=False), flush=True)


async def _answer(runtime: Runtime, question: str, language: Language | None) -> str:
    reply = await respond(runtime, Inquiry(text=question, language=language))
    return html_to_text(reply.text)
