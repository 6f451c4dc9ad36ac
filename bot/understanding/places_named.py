"""Names of a country as texts write them, for checking a claim against a stored text."""

from __future__ import annotations

from bot.places import country_by_code


def country_names(code: str) -> tuple[str, ...]:
    """English name first, then the stem of the Russian one (every case: «Таджикистана»)."""
    country = country_by_code(code)
    if country is None:
        return (code,)
    russian = country.name_ru[:-1] if country.name_ru.endswith(("я", "а")) else country.name_ru
    return (country.name_en, russian)
