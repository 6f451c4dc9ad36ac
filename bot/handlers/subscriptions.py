"""The buttons that change what a chat receives ("Remind me", "Stop reminding", the
/subscriptions list's Stop, /language's languages): answered by bot.services.router. In a group,
only its administrators may change what the group receives: the presser's status is asked of
Telegram first (bot.handlers.context.with_chat_admin).
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler

from bot.handlers.context import button_handler, with_chat_admin
from bot.services.router import press


def register(app: Application) -> None:
    # "Remind me", "Stop reminding", the /subscriptions list's Stop buttons (a meeting's and a
    # filter's), the languages, /remind's and /timezone's choices, /forget's confirmation.
    pattern = r"^(rm|stop|unsub|unflt|lang|offs|tz|forget):"
    app.add_handler(CallbackQueryHandler(button_handler(press, with_chat_admin), pattern=pattern))
