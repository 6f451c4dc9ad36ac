"""The guided dialog's reading rules: an answer's own key, and the city names offered."""

from __future__ import annotations

import pytest

from bot.forms.lines import answer_value
from bot.places import closest_cities


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("starts", "starts: 2027-12-10 10:00", "2027-12-10 10:00"),
        ("starts", "начало: 10.12.2027", "10.12.2027"),
        ("timezone", "часовой пояс: Asia/Almaty", "Asia/Almaty"),
        ("title", "title_ru: Семинар", "Семинар"),
        ("summary", "summary: Water\nTopics: energy", "Water\nTopics: energy"),
        # Another field's key, or a colon inside the answer, is part of the answer.
        ("title", "city: Almaty", "city: Almaty"),
        ("title", "Water: the next decade", "Water: the next decade"),
        ("starts", "10:00", "10:00"),
    ],
)
def test_an_answer_may_start_with_its_own_key(field: str, text: str, expected: str) -> None:
    assert answer_value(field, text) == expected


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("Almatty", ["Almaty"]), ("Ташкен", ["Tashkent"]), ("next tuesday", []), ("Atlantis", [])],
)
def test_only_near_spellings_of_known_cities_are_offered(typed: str, offered: list[str]) -> None:
    assert [city.name_en for city in closest_cities(typed)] == offered
