"""`unrcca-bot run`, `ask`, `import`, `export`, `db` and `backup`."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.formatting.plain import html_to_text
from bot.languages import LANGUAGES
from bot.logs import configure_logging, secrets_of
from bot.operations import backup_command, db_command
from bot.services.calendars.command_line import export_file, import_file
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from bot.texts import InterfaceLanguage
from bot.version import version
from bot.wiring import command_runtime
from config.settings import Settings, SettingsError, load_settings
from storage.database import DatabaseUnavailable
from storage.repositories import conversations

USAGE_ERROR = 2
# `ask -` reads its lines as one conversation ("and where?" refers to the line before); Telegram
# never gives a chat the id 0, so this context cannot mix with a real chat's.
CONVERSATION = 0
# The command ran, and what it was given was not what it needs (a file that is not a calendar).
FAILED = 1
log = logging.getLogger("bot")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="unrcca-bot", description="The UNRCCA meetings bot.")
    root.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    commands = root.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the bot until stopped (polling, or webhook if set)")
    run.add_argument(
        "--no-migrate",
        action="store_true",
        help="start only if the schema is up to date (after `unrcca-bot db upgrade`)",
    )
    db = commands.add_parser("db", help="the database schema: upgrade, current or check")
    db.add_argument("action", choices=["upgrade", "current", "check"])
    backup = commands.add_parser("backup", help="copy the SQLite database safely while it runs")
    backup.add_argument("file", type=Path, help="where to write the copy (replaced)")
    ask = commands.add_parser("ask", help="print the bot's reply to a message")
    ask.add_argument("question", help='the message, or "-" to read one per line from stdin')
    ask.add_argument("--lang", choices=LANGUAGES, help="reply language (default: detected)")
    load = commands.add_parser("import", help="import meetings from an .ics file, as /import")
    load.add_argument("file", type=Path, help="the iCalendar file")
    save = commands.add_parser("export", help="write every meeting as an .ics file, as /export")
    save.add_argument("file", type=Path, nargs="?", help="where to write it (default: stdout)")
    for command in (load, save):
        command.add_argument("--lang", choices=LANGUAGES, help="language of the report")
    return root


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        settings = load_settings()
        if arguments.command == "run":
            return run(settings, migrate=not arguments.no_migrate)
        if arguments.command == "db":
            configure_logging("WARNING", secrets_of(settings))
            return asyncio.run(db_command(settings, arguments.action))
        if arguments.command == "backup":
            return backup_command(settings, arguments.file)
        if arguments.command == "ask":
            return asyncio.run(ask(settings, arguments.question, arguments.lang))
        return asyncio.run(calendar_command(settings, arguments))
    except (SettingsError, DatabaseUnavailable) as error:
        print(f"unrcca-bot: {error}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        return _reader_left()


def _reader_left() -> int:
    """The reader of our output closed it (`unrcca-bot ask ... | head`): end quietly, as
    Python's documentation advises (signal module, "Note on SIGPIPE"): what is left to flush
    goes to /dev/null instead of raising again at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def run(settings: Settings, *, migrate: bool = True) -> int:
    from bot.runner import run_bot  # Telegram's stack is loaded only to run the bot.

    settings.require_token()
    configure_logging(settings.log_level, secrets_of(settings), settings.log_format)
    return run_bot(settings, migrate=migrate)


async def ask(settings: Settings, question: str, language: InterfaceLanguage | None) -> int:
    configure_logging("WARNING", {})
    async with command_runtime(settings) as runtime:
        if question == "-":
            await _ask_many(runtime, sys.stdin, language)
        else:
            print(await _answer(runtime, question, language))
    return 0


async def calendar_command(settings: Settings, arguments: argparse.Namespace) -> int:
    """`import FILE` prints the import's report; `export [FILE]` writes the calendar."""
    configure_logging("WARNING", secrets_of(settings))
    language: InterfaceLanguage = arguments.lang or settings.default_language
    content = _read(arguments.file) if arguments.command == "import" else b""
    if content is None:
        return FAILED
    async with command_runtime(settings) as runtime:
        if arguments.command == "import":
            outcome = await import_file(runtime, arguments.file.name, content, language)
            print(outcome.text, file=sys.stdout if outcome.succeeded else sys.stderr)
            return 0 if outcome.succeeded else FAILED
        outcome = await export_file(runtime, language)
    if not _write(arguments.file, outcome.content):
        return FAILED
    # The calendar itself may be on stdout: the summary goes where it cannot mix with it.
    print(outcome.text, file=sys.stderr if arguments.file is None else sys.stdout)
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        print(f"unrcca-bot: cannot read {path}: {error.strerror}", file=sys.stderr)
        return None


def _write(path: Path | None, content: bytes) -> bool:
    if path is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return True
    try:
        path.write_bytes(content)
    except OSError as error:
        print(f"unrcca-bot: cannot write {path}: {error.strerror}", file=sys.stderr)
        return False
    return True


async def _ask_many(
    runtime: Runtime, lines: Iterable[str], language: InterfaceLanguage | None
) -> None:
    async with runtime.transaction() as session:
        await conversations.forget(session, CONVERSATION)
    for line in lines:
        question = line.rstrip("\n")
        if not question.strip():
            continue
        answer = await _answer(runtime, question, language, CONVERSATION)
        print(json.dumps({"question": question, "answer": answer}, ensure_ascii=False), flush=True)


async def _answer(
    runtime: Runtime,
    question: str,
    language: InterfaceLanguage | None,
    conversation: int | None = None,
) -> str:
    inquiry = Inquiry(text=question, language=language, conversation_id=conversation)
    reply = await respond(runtime, inquiry)
    return html_to_text(reply.text)
