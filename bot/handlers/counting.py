"""Counting every update by kind (unrcca_updates_total), in a group tried before all others."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.bot_data import bot_data


def register(app: Application, group: int) -> None:
    # A handler in its own group never stops the others: every update goes on to be answered.
    app.add_handler(TypeHandler(Update, _count), group)


async def _count(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    data = bot_data(context.application)
    data.metrics.count_update(update)
