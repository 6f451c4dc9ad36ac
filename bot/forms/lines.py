"""The form's lines: one `key: value` a line; lines without a key continue the value above.

A continuation joins a one-line field with a space (a long title wrapped by hand) and a long
text with a new line (paragraphs of an agenda). A line that looks like an unknown key is an
error, except inside a long text, where "Topics: water, energy" is ordinary prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.forms.cleaning import clean_text
from bot.forms.errors import FieldError
from bot.forms.keys import LONG_TEXT, TWINS, canonical

# Up to four words before a colon; "https://" and "10:00" are values, not keys.
_KEY_LINE = re.compile(r"^\s*(?P<key>[^\W\d_][\w \-]{0,31}?)\s*[:：](?!//)\s*(?P<value>.*)$")
_MAX_KEY_WORDS = 4
# A twin's key given a second time (`title: Water talks` and `название: Переговоры`) is kept
# under its name and this mark; bot.forms.scripts decides by the two values' scripts which is
# the English and which the Russian text.
AGAIN = "+again"


@dataclass
class RawField:
    parts: list[str] = field(default_factory=list)


@dataclass
class SplitForm:
    fields: dict[str, RawField] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)

    def value(self, name: str) -> str | None:
        raw = self.fields.get(name)
        if raw is None:
            return None
        if name.removesuffix(AGAIN) in LONG_TEXT:
            return "\n".join(raw.parts).strip()
        return " ".join(part for part in raw.parts if part)


def split_form(text: str) -> SplitForm:
    form = SplitForm()
    current: str | None = None
    for line in clean_text(text).splitlines():
        current = _read_line(form, line, current)
    return form


def _read_line(form: SplitForm, line: str, current: str | None) -> str | None:
    """Files the line into the form and returns the field that following lines continue.

    "" stands for a rejected line (unknown or repeated key): its continuations are dropped
    quietly, since the admin is already told about the line they belong to.
    """
    match = _KEY_LINE.match(line)
    key = match["key"].strip() if match else ""
    if len(key.split()) > _MAX_KEY_WORDS:
        key = ""
    name = canonical(key) if key else None
    if match and name is not None:
        return _start_field(form, name, key, match["value"])
    if key and (current or "").removesuffix(AGAIN) not in LONG_TEXT:
        form.errors.append(FieldError(key, "unknown_key", {"name": key}))
        return ""
    if current:
        form.fields[current].parts.append(line.strip())
    elif current is None and line.strip():
        form.errors.append(FieldError("", "no_key", {"line": line.strip()}))
    return current


def _start_field(form: SplitForm, name: str, key: str, value: str) -> str:
    if name in form.fields and name in TWINS and name + AGAIN not in form.fields:
        name += AGAIN
    elif name in form.fields:
        form.errors.append(FieldError(name, "duplicate_key", {"name": key}))
        return ""
    form.fields[name] = RawField([value.strip()])
    return name


def is_form(text: str) -> bool:
    """Whether the text is only form lines (`key: value`, known keys, and their continuations),
    as a question never is."""
    form = split_form(text)
    return bool(form.fields) and not form.errors


def answer_value(field: str, text: str) -> str:
    """An answer to the question about `field`, without the `field:` key it may start with.

    The dialog's own hints show `starts: 2027-12-10 10:00`; typed as shown, it is the answer.
    """
    text = clean_text(text)
    match = re.match(_KEY_LINE.pattern, text, re.DOTALL)
    if match and canonical(match["key"].strip()) in (field, f"{field}_ru"):
        return str(match["value"])
    return text


# A dash as the value empties an optional field (an edit that removes the venue, say).
CLEAR_MARKS = frozenset({"-", "–", "—"})


def is_clear(value: str | None) -> bool:
    return value is not None and value in CLEAR_MARKS
