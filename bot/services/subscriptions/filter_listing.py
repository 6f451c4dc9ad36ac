"""The filters in /subscriptions: each with the meetings it matches now, and a Stop button."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import meeting_line
from bot.services import callbacks
from bot.services.reply import Button
from bot.texts import Html, t, template
from storage.models import SubscriptionFilter
from storage.repositories import filters

# Meetings shown under each filter; the card of any other is one question away.
SHOWN = 3
TITLE_LIMIT = 50
BUTTON_LABEL = 30


async def filter_lines(
    session: AsyncSession, held: Sequence[SubscriptionFilter], now: datetime, language: str
) -> list[Html]:
    lines: list[Html] = []
    for made in held:
        found = await filters.matched(session, made.id, now, SHOWN + 1)
        kind = t(language, f"follow.kind.{made.kind}")
        lines.append(t(language, "follow.line", label=made.label, kind=kind))
        lines += [
            Html("   " + meeting_line(m, language, title_limit=TITLE_LIMIT)) for m in found[:SHOWN]
        ]
        if not found:
            lines.append(t(language, "follow.none_yet"))
        elif len(found) > SHOWN:
            lines.append(t(language, "follow.more"))
    return lines


def filter_buttons(
    held: Sequence[SubscriptionFilter], language: str
) -> tuple[tuple[Button, ...], ...]:
    return tuple(
        (
            Button(
                # A button's label is plain text: the label goes in unescaped.
                template(language, "button.stop_filter").format(label=made.label[:BUTTON_LABEL]),
                callbacks.encode(callbacks.StopFilter(made.id)),
            ),
        )
        for made in held
    )
