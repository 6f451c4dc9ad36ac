"""What was wrong with a form, and how the admin is told: one polite line per mistake."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from bot.formatting.fitting import shorten
from bot.forms.keys import TRANSLATED, fields
from bot.texts import Html, join, t

# Characters of a typed value quoted in an error message.
ECHO_LIMIT = 80


@dataclass(frozen=True)
class FieldError:
    # The canonical key ("starts"), "" for the whole message, or the key as typed when unknown.
    field: str
    code: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)


def too_long(name: str, value: str, limit: int) -> FieldError:
    return FieldError(name, "too_long", {"limit": str(limit), "length": str(len(value))})


def render_errors(errors: Iterable[FieldError], language: str) -> Html:
    lines = [t(language, "admin.errors.header")]
    lines.extend(t(language, "admin.errors.item", text=render_error(e, language)) for e in errors)
    return join(lines)


def render_error(error: FieldError, language: str) -> Html:
    """The message for one error, with the field's name and a correct example line."""
    known = error.field in fields()
    extra = {
        "field": field_name(error.field, language)
        if known or error.field in TRANSLATED
        else error.field,
        "example": t(language, f"admin.example.{error.field}" if known else "admin.example.form"),
    }
    # What the admin typed is quoted back shortened: a 4,000-character value would fill the reply.
    echoed = {name: shorten(value, ECHO_LIMIT) for name, value in error.params.items()}
    return t(language, f"admin.error.{error.code}", **{**echoed, **extra})


def field_name(field: str, language: str) -> str:
    """A field's name (admin.field.*) as the admin types it: `название`, `название_ru`,
    `название_kk` (a translated field is named by its base field and its language's code)."""
    if field in TRANSLATED:
        base, code = TRANSLATED[field]
        return f"{t(language, f'admin.field.{base}')}_{code}"
    return t(language, f"admin.field.{field}")
