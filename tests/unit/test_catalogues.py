"""Every interface language (bot.languages) has a catalogue, and every catalogue has the same
keys as the English one, area by area, with the same placeholders in each text."""

from __future__ import annotations

import pkgutil
import string
from importlib import import_module

import pytest

from bot import texts
from bot.languages import LANGUAGES
from bot.texts import CATALOGUES

AREAS = sorted(m.name for m in pkgutil.iter_modules(import_module("bot.texts.en").__path__))
OTHERS = [language for language in LANGUAGES if language != "en"]
# Values a translation leaves out on purpose: Russian writes "Встреч ... : 5", no counted noun.
OMITTED = {("ru", "answer.count"): {"noun"}}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def area(language: str, name: str) -> dict[str, str]:
    texts_of_area: dict[str, str] = import_module(f"bot.texts.{language}.{name}").TEXTS
    return texts_of_area


def test_every_interface_language_has_a_catalogue_and_no_other_does() -> None:
    folders = {m.name for m in pkgutil.iter_modules(texts.__path__) if m.ispkg}
    assert folders == set(LANGUAGES) == set(CATALOGUES)


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("name", AREAS)
def test_an_area_has_the_same_keys_and_placeholders_in_every_language(
    language: str, name: str
) -> None:
    english, other = area("en", name), area(language, name)
    assert sorted(english.keys() - other.keys()) == [], "missing"
    assert sorted(other.keys() - english.keys()) == [], "not in English"
    for key, template in english.items():
        expected = placeholders(template) - OMITTED.get((language, key), set())
        assert placeholders(other[key]) == expected, key


@pytest.mark.parametrize("language", OTHERS)
def test_a_catalogue_is_the_sum_of_its_areas(language: str) -> None:
    assert CATALOGUES[language].keys() == CATALOGUES["en"].keys()
