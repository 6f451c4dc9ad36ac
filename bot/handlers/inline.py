"""Inline mode: a query answered with meeting cards (bot.services.meetings.inline), turned here
into Telegram's inline results."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, InlineQueryHandler

from bot.formatting.fitting import fit_message
from bot.handlers.context import inquiry_from, runtime_of
from bot.handlers.delivery import markup
from bot.services.meetings.inline import InlineCard, inline_cards

# Seconds Telegram may serve the same answer again: meetings change rarely, a few minutes is
# fresh enough. Personal, since each reader gets their own language.
CACHE_SECONDS = 300


def register(app: Application) -> None:
    app.add_handler(InlineQueryHandler(on_inline_query))


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    cards = await inline_cards(runtime_of(context), inquiry_from(update, query.query))
    await query.answer(
        [_article(card) for card in cards], cache_time=CACHE_SECONDS, is_personal=True
    )


def _article(card: InlineCard) -> InlineQueryResultArticle:
    content = InputTextMessageContent(
        fit_message(card.text),
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    return InlineQueryResultArticle(
        id=f"meeting-{card.meeting_id}",
        title=card.title,
        input_message_content=content,
        description=card.description,
        reply_markup=markup(card.buttons) if card.buttons else None,
    )
