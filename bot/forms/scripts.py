"""Which language a text is written in decides which field it fills.

`title: Семинар …` and `название: Семинар …` both fill the Russian title, and `название: Water
talks` the English one: the admin's keyboard, not the key they happened to type, says which
readers the text is for. An explicit `_ru` key is taken at its word.
"""

from __future__ import annotations

import re

from bot.forms.errors import FieldError
from bot.forms.keys import TWINS
from bot.forms.lines import SplitForm, is_clear

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def is_russian(text: str) -> bool:
    """True when more of the letters are Cyrillic than Latin (`Семинар UNRCCA` is Russian)."""
    return len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))


def route_by_script(form: SplitForm) -> list[FieldError]:
    """Moves Russian text typed under a twin's base key to its `_ru` field, in place.

    Returns a duplicate_key error when the `_ru` field was given as well.
    """
    errors: list[FieldError] = []
    for name in TWINS:
        value = form.value(name)
        if value is None or is_clear(value) or not is_russian(value):
            continue
        twin = f"{name}_ru"
        if twin in form.fields:
            errors.append(FieldError(twin, "duplicate_key", {"name": name}))
        else:
            form.fields[twin] = form.fields[name]
        del form.fields[name]
    return errors


def missing_languages(texts: dict[str, tuple[str | None, str | None]]) -> tuple[list[str], ...]:
    """Of the twins given in some language: those lacking English, and those lacking Russian.

    `texts` maps a twin ("venue") to its (English, Russian) values; an English value written in
    Cyrillic stands in for a missing one (a title must have an English column).
    """
    no_english = [
        name for name, (en, ru) in texts.items() if (en or ru) and (en is None or is_russian(en))
    ]
    no_russian = [name for name, (en, ru) in texts.items() if (en or ru) and ru is None]
    return no_english, no_russian
