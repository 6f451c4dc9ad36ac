"""A meeting reference in words, for 'I do not have information about the 4th meeting'."""

from __future__ import annotations

from babel.dates import format_date

from bot.formatting.dates import locale_for
from bot.formatting.ordinals import ordinal
from bot.languages import column_order
from bot.places import country_by_code, find_city
from bot.texts import Html, join, t
from bot.understanding import MeetingRef
from bot.understanding.model import Period


def describe(ref: MeetingRef, language: str, style: str = "ref") -> Html:
    """'the 4th meeting, 2014' (style "ref") or 'in Almaty, in 2010' (style "scope")."""
    parts = []
    if ref.ordinal is not None:
        words = ordinal(ref.ordinal, language)
        parts.append(t(language, f"{style}.ordinal", ordinal=words, number=ref.ordinal))
    if ref.city is not None:
        parts.append(t(language, f"{style}.city", city=_city_name(ref.city, language)))
    elif ref.country is not None:
        country = _country_name(ref.country, language)
        parts.append(t(language, f"{style}.country", country=country))
    if ref.day is not None:
        day = format_date(ref.day, "long", locale=locale_for(language))
        parts.append(t(language, f"{style}.day", day=day))
    elif ref.year is not None:
        parts.append(t(language, f"{style}.year", year=ref.year))
    if ref.period is not None:
        period = period_words(ref.period, language)
        parts.append(t(language, f"{style}.period", period=period) if not parts else period)
    return join(parts, ", ") if parts else t(language, f"{style}.meeting")


def period_words(period: Period, language: str) -> Html:
    """ "last year", «за последние 12 месяцев»."""
    if period.rolling:
        return t(language, f"period.rolling.{period.unit}", count=period.count)
    offset = max(-1, min(period.offset, 1))
    return t(language, f"period.{period.unit}.{offset}")


def _city_name(name: str, language: str) -> str:
    city = find_city(name)
    return city.name_ru if city and column_order(language)[0] == "ru" else name


def _country_name(code: str, language: str) -> str:
    country = country_by_code(code)
    if country is None:
        return code
    return country.name_ru if column_order(language)[0] == "ru" else country.name_en
