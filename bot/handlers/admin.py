"""Admin buttons: read here, answered by bot.services.admin.entry.

Admin commands go through the command table (bot/handlers/commands.py) and answers in the guided
dialog through the router, which looks for the dialog inside the update's one transaction.
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler

from bot.handlers.context import button_handler
from bot.services.admin.entry import run_button
from bot.services.callbacks import ADMIN_PREFIX


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(button_handler(run_button), pattern=rf"^{ADMIN_PREFIX}"))
