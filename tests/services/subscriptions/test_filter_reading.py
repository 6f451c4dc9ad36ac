"""What `/subscribe <words>` follows, read against the bundled meetings on each backend: places
in any spelling and case, kinds, a series by its titles' words in either language, topics."""

from __future__ import annotations

import pytest

from bot.services.subscriptions.filters import FilterSpec, Unknown, read_filter
from storage.database import Database


@pytest.mark.parametrize(
    ("words", "kind", "value"),
    [
        ("Tajikistan", "country", "TJ"),
        ("Таджикистане", "country", "TJ"),
        ("meetings in Tajikistan", "country", "TJ"),
        ("Ашхабаде", "city", "Ashgabat"),
        ("Dushnbe", "city", "Dushanbe"),
        ("Тәжікстандағы кездесулер", "country", "TJ"),
        ("Tojikistondagi uchrashuvlar", "country", "TJ"),
        ("семинары", "kind", "seminar"),
        ("workshops", "kind", "workshop"),
        ("deputy foreign ministers", "series", "deputy-fm"),
        ("встречи замминистров", "series", "deputy-fm"),
        ("заместителей министров иностранных дел", "series", "deputy-fm"),
        ("security", "topic", "security"),
        ("безопасности", "topic", "безопасност"),
        ("water", "topic", "water"),
    ],
)
async def test_words_are_read_as_a_filter(
    database: Database, words: str, kind: str, value: str
) -> None:
    async with database.sessions() as session:
        found = await read_filter(session, words)
    assert isinstance(found, FilterSpec)
    assert (found.kind, found.value) == (kind, value)


async def test_an_unknown_word_is_answered_with_the_closest_known_ones(database: Database) -> None:
    async with database.sessions() as session:
        found = await read_filter(session, "energetics")
    assert isinstance(found, Unknown)
    assert found.suggestions[0] == "energy"
