"""Which language a text is written in decides which field it fills.

`title: Семинар …` and `название: Семинар …` both fill the Russian title, and `название: Water
talks` the English one: the admin's keyboard, not the key they happened to type, says which
readers the text is for. An explicit `_ru` key is taken at its word. So one form may hold both
languages under the same key (`title: Seminar on water` and `название: Семинар по воде`): the
Latin value fills the English field and the Cyrillic one the Russian field.
"""

from __future__ import annotations

import re

from bot.forms.errors import FieldError
from bot.forms.keys import TWINS
from bot.forms.lines import AGAIN, SplitForm, is_clear, split_form

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
        if name + AGAIN in form.fields:
            errors += _two_languages(form, name)
            continue
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


def _two_languages(form: SplitForm, name: str) -> list[FieldError]:
    """The twin's key given twice: one value in each script fills each language's field."""
    first, second = form.fields.pop(name), form.fields.pop(name + AGAIN)
    twin = f"{name}_ru"
    scripts = {is_russian(" ".join(raw.parts)) for raw in (first, second)}
    if len(scripts) < 2 or twin in form.fields:
        form.fields[name] = first
        return [FieldError(twin if twin in form.fields else name, "duplicate_key", {"name": name})]
    russian_first = is_russian(" ".join(first.parts))
    form.fields[name], form.fields[twin] = (second, first) if russian_first else (first, second)
    return []


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


def in_two_languages(field: str, text: str) -> dict[str, str] | None:
    """An answer to the guided dialog's question about a twin given in both languages, as the
    one-message form takes it (`title: Seminar on water` and `название: Семинар по воде` on two
    lines): the English and the Russian field's values. None for any other answer."""
    if field not in TWINS:
        return None
    form = split_form(text)
    names = {name.removesuffix(AGAIN).removesuffix("_ru") for name in form.fields}
    if form.errors or len(form.fields) < 2 or names != {field} or route_by_script(form):
        return None
    english, russian = form.value(field), form.value(f"{field}_ru")
    return {field: english, f"{field}_ru": russian} if english and russian else None
