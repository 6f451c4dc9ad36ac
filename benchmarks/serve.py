"""What a benchmark runs in a child process, configured by the environment as the bot is:

python -m benchmarks.serve bot     this bot's Application, Telegram's rate limits left out
python -m benchmarks.serve echo    a bare PTB bot that echoes every message
python -m benchmarks.serve loop CHATS CONCURRENCY FIRST_CHAT
                                   a plain loop of PTB send_message calls to CHATS chats, each
                                   the reminder the bot sends
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

# A reminder as the bot sends it at the paid rate (benchmarks/fanout.py): its text in HTML, its
# two buttons, no link preview, a paid broadcast. The loop pays for the same request and answer
# as the bot, so the difference between them is the bot's own work.
REMINDER = (
    "\N{BELL} <b>Reminder: Regional water talks</b>\n\N{HOURGLASS WITH FLOWING SAND} Starts in "
    "1 minute.\n\N{CALENDAR} Sunday, 6 December 2026, 06:16 Kazakhstan Time (GMT+05:00)\n"
    "\N{ROUND PUSHPIN} Almaty"
)
REMINDER_BUTTONS = InlineKeyboardMarkup(
    [[InlineKeyboardButton("\N{CALENDAR} Add to calendar", callback_data="ics:3"),
      InlineKeyboardButton("\N{BELL WITH CANCELLATION STROKE} Stop reminding",
                           callback_data="stop:3")]]
)  # fmt: skip
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def run_bot() -> None:
    # Imported here: the echo bot and the send loop, the baselines, do not pay for the bot's.
    from bot.app import build_application
    from bot.logs import configure_logging, secrets_of
    from bot.runner import check_database
    from config.settings import load_settings

    settings = load_settings()
    configure_logging(settings.log_level, secrets_of(settings))
    asyncio.run(check_database(settings.database_url))
    app = build_application(settings, rate_limited=False, database_ready=True)
    app.run_polling(allowed_updates=Update.ALL_TYPES)


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(message.text or "?")


def run_echo() -> None:
    app: Application = (
        ApplicationBuilder()
        .token(os.environ["BOT_TOKEN"])
        .base_url(os.environ["BOT_API_BASE_URL"])
        .base_file_url(os.environ["BOT_API_BASE_FILE_URL"])
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


async def send_loop(chats: int, concurrency: int, first_chat: int) -> None:
    request = HTTPXRequest(connection_pool_size=concurrency, pool_timeout=30)
    bot = Bot(os.environ["BOT_TOKEN"], base_url=os.environ["BOT_API_BASE_URL"], request=request)
    queue = iter(range(first_chat, first_chat + chats))

    async def worker() -> None:
        for chat_id in queue:
            await bot.send_message(
                chat_id,
                REMINDER,
                parse_mode="HTML",
                reply_markup=REMINDER_BUTTONS,
                link_preview_options=NO_PREVIEW,
                allow_paid_broadcast=True,
            )

    async with bot:
        await asyncio.gather(*(worker() for _ in range(concurrency)))


def profiled(run: Callable[[], None]) -> None:
    """Runs under pyinstrument when BENCH_PROFILE names a file for its report (pip install
    '.[bench]')."""
    report = os.environ.get("BENCH_PROFILE")
    if not report:
        run()
        return
    from pyinstrument import Profiler

    with Profiler(async_mode="disabled") as profiler:
        run()
    Path(f"{report}.{run.__name__}.txt").write_text(profiler.output_text(show_all=False))


def main(arguments: list[str]) -> None:
    if arguments[0] == "bot":
        profiled(run_bot)
    elif arguments[0] == "echo":
        profiled(run_echo)
    else:
        asyncio.run(send_loop(*(int(a) for a in arguments[1:4])))


if __name__ == "__main__":
    main(sys.argv[1:])
