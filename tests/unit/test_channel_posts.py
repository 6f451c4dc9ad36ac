"""A post in a channel the bot belongs to is not a question: even one that mentions the bot gets
no answer posted into the channel (its readers never asked)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from config.settings import load_settings

BOT_NAME = "@unrcca_test_bot"
CHANNEL = {"id": -1001500, "type": "channel", "title": "UNRCCA news", "username": "unrcca_news"}
PERSON = {"id": 42, "is_bot": False, "first_name": "Tom"}


def application() -> Application:
    settings = load_settings(token="123456789:" + "x" * 35, database_url="sqlite+aiosqlite://")
    return build_application(settings)


def taken_by(app: Application, update: dict[str, Any]) -> list[str]:
    """The callbacks of group 0 (the answering handlers) that would take the update."""
    read = Update.de_json({"update_id": 1, **update}, app.bot)
    return [
        handler.callback.__name__
        for handler in app.handlers[0]
        if handler.check_update(read) not in (None, False)
    ]


def test_a_channel_post_that_mentions_the_bot_is_not_answered() -> None:
    app = application()
    text = f"{BOT_NAME} when is the next meeting?"
    post = {"message_id": 7, "date": 0, "chat": CHANNEL, "sender_chat": CHANNEL, "text": text}
    assert taken_by(app, {"channel_post": post}) == []
    assert taken_by(app, {"edited_channel_post": {**post, "edit_date": 1}}) == []
    # The same words from a person in a private chat are a question.
    private = {"id": PERSON["id"], "type": "private", "first_name": "Tom"}
    message = {"message_id": 8, "date": 0, "chat": private, "from": PERSON, "text": text}
    assert taken_by(app, {"message": message}) != []
