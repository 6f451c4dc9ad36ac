"""Shortening values and cutting lists so that a reply fits in one Telegram message."""

from __future__ import annotations

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, fit, length, shorten
from bot.texts import Html


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short title", 20, "Short title"),
        ("Meeting of deputy ministers", 20, "Meeting of deputy…"),
        ("Meeting, of deputy ministers", 12, "Meeting…"),
        ("Averyveryverylongwordwithoutspaces", 10, "Averyvery…"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    assert length("📅 a") == 4


def test_fit_drops_items_that_would_not_fit() -> None:
    items = [Html("x" * 1000) for _ in range(6)]
    text = fit([Html("head")], items, [Html("tail")], Html("…and more"))
    assert length(text) <= MESSAGE_LIMIT
    assert text.startswith("head\n") and text.endswith("\ntail")
    assert text.count("x" * 1000) == 4


def test_fit_with_no_room_for_any_item() -> None:
    text = fit([Html("h")], [Html("x" * 5000)], [], Html("…and more"))
    assert text == "h\n…and more"
