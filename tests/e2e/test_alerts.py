"""BOT_ALERT_CHAT_ID: an unexpected error is told to the admin chat once, a few at most."""

from __future__ import annotations

from telegram import Bot

from bot.handlers.alerts import ALERTS_PER_PERIOD, Alerts
from bot.logs import secrets_of
from config.settings import load_settings
from tests.fakebotapi import FakeBotApi

ADMINS = -100777


async def test_each_error_once_a_few_at_most_and_no_token(fake_api: FakeBotApi) -> None:
    settings = load_settings(token=fake_api.token)
    alerts = Alerts(ADMINS, "en", secrets_of(settings))
    async with Bot(fake_api.token, base_url=fake_api.base_url) as bot:
        leak = RuntimeError(f"request to /bot{fake_api.token}/sendMessage failed")
        await alerts.report(bot, leak, "update 7")
        await alerts.report(bot, RuntimeError(str(leak)), "update 8")  # the same error again
        for number in range(ALERTS_PER_PERIOD + 2):
            await alerts.report(bot, ValueError(f"bad value {number}"), "job reminders-sweep")
    sent = [message["text"] for message in fake_api.sent]
    assert len(sent) == ALERTS_PER_PERIOD  # then held back until the period ends
    assert all(message["chat_id"] == ADMINS for message in fake_api.sent)
    assert fake_api.sent[0]["parse_mode"] == "HTML"
    assert sent[0].startswith("⚠️ <b>The bot hit an unexpected error</b> (update 7):")
    assert "RuntimeError: request to /bot[BOT_TOKEN]/sendMessage failed" in sent[0]
    assert "ValueError: bad value 0" in sent[1]
    assert alerts.held_back == 3
    assert fake_api.token.split(":")[1] not in "".join(sent)
