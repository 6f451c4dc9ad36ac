"""Ordinal numbers as readers write them: '6th' / '6-я'."""

from __future__ import annotations

from bot.languages import interface


def ordinal(number: int, language: str) -> str:
    if interface(language).ordinals == "hyphen":
        return f"{number}-я"
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
