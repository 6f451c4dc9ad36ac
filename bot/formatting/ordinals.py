"""Ordinal numbers as readers write them: '6th', «6-я», «6-шы», '6-': the form is the one
Babel's ordinal rule (CLDR) gives the number in the reader's locale, its text the catalogue's
`ordinal.<form>`."""

from __future__ import annotations

from babel import Locale

from bot.formatting.dates import locale_for
from bot.texts import t


def ordinal(number: int, language: str) -> str:
    form = Locale.parse(locale_for(language)).ordinal_form(number)
    return t(language, f"ordinal.{form}", number=number)
