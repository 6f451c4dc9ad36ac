"""Counted texts take the form each language's plural rule (Babel's, in the catalogue's
Plural-Forms) gives: minutes, hours, days, characters and meetings for 1, 2, 5, 11, 21, 22, 25
and 101."""

from __future__ import annotations

import pytest

from bot.formatting.ordinals import ordinal
from bot.texts import t

NUMBERS = (1, 2, 5, 11, 21, 22, 25, 101)


def counted(language: str, key: str, number: int) -> str:
    if key == "fallback.too_long":
        return t(language, key, length=number)
    if key == "answer.several":
        return t(language, key, count=number, meetings="")
    return t(language, key, count=number)


# Per number in NUMBERS, what the text says.
TABLE = {
    ("ru", "duration.minutes"): ("1 минута", "2 минуты", "5 минут", "11 минут", "21 минута",
                                 "22 минуты", "25 минут", "101 минута"),
    ("ru", "duration.hours"): ("1 час", "2 часа", "5 часов", "11 часов", "21 час", "22 часа",
                               "25 часов", "101 час"),
    ("ru", "duration.days"): ("1 день", "2 дня", "5 дней", "11 дней", "21 день", "22 дня",
                              "25 дней", "101 день"),
    ("ru", "before.minutes"): ("1 минуту", "2 минуты", "5 минут", "11 минут", "21 минуту",
                               "22 минуты", "25 минут", "101 минуту"),
    ("ru", "fallback.too_long"): ("(1 символ)", "(2 символа)", "(5 символов)", "(11 символов)",
                                  "(21 символ)", "(22 символа)", "(25 символов)",
                                  "(101 символ)"),
    ("ru", "answer.several"): ("1 такая встреча", "2 такие встречи", "5 таких встреч",
                               "11 таких встреч", "21 такая встреча", "22 такие встречи",
                               "25 таких встреч", "101 такая встреча"),
    ("kk", "duration.minutes"): tuple(f"{n} минут" for n in NUMBERS),
    ("kk", "duration.hours"): tuple(f"{n} сағат" for n in NUMBERS),
    ("kk", "duration.days"): tuple(f"{n} күн" for n in NUMBERS),
    ("kk", "fallback.too_long"): tuple(f"({n} таңба)" for n in NUMBERS),
    ("kk", "answer.several"): tuple(f"осындай {n} кездесу" for n in NUMBERS),
    ("uz", "duration.minutes"): tuple(f"{n} daqiqa" for n in NUMBERS),
    ("uz", "duration.hours"): tuple(f"{n} soat" for n in NUMBERS),
    ("uz", "duration.days"): tuple(f"{n} kun" for n in NUMBERS),
    ("uz", "fallback.too_long"): tuple(f"({n} ta belgi)" for n in NUMBERS),
    ("uz", "answer.several"): tuple(f"bunday {n} ta uchrashuv" for n in NUMBERS),
    ("en", "duration.minutes"): ("1 minute", "2 minutes", "5 minutes", "11 minutes",
                                 "21 minutes", "22 minutes", "25 minutes", "101 minutes"),
    ("en", "answer.several"): ("1 such meeting:", "2 such meetings", "5 such meetings",
                               "11 such meetings", "21 such meetings", "22 such meetings",
                               "25 such meetings", "101 such meetings"),
}  # fmt: skip


@pytest.mark.parametrize(("language", "key"), sorted(TABLE))
def test_a_counted_text_takes_the_form_its_language_gives_each_number(
    language: str, key: str
) -> None:
    said = [counted(language, key, number) for number in NUMBERS]
    for text, expected in zip(said, TABLE[language, key], strict=True):
        assert expected in text


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", ["1st", "2nd", "3rd", "11th", "21st", "101st"]),
     ("ru", ["1-я", "2-я", "3-я", "11-я", "21-я", "101-я"]),
     ("kk", ["1-ші", "2-ші", "3-ші", "11-ші", "21-ші", "101-ші"]),
     ("uz", ["1-", "2-", "3-", "11-", "21-", "101-"])],
)  # fmt: skip
def test_ordinals_take_the_form_babels_ordinal_rule_gives(language: str, said: list[str]) -> None:
    assert [ordinal(n, language) for n in (1, 2, 3, 11, 21, 101)] == said
    if language == "kk":
        assert (ordinal(6, "kk"), ordinal(9, "kk"), ordinal(10, "kk")) == ("6-шы", "9-шы", "10-шы")


def test_a_counted_text_without_a_number_is_an_error() -> None:
    with pytest.raises(TypeError):
        t("ru", "duration.days")
