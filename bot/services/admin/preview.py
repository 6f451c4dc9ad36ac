"""A draft shown as subscribers will see it, in both languages, with Save and Cancel.

The card in the admin's language comes first; then the card readers of the other language
get, and which texts lack a language (those readers see the other language's text instead).
"""

from __future__ import annotations

from datetime import datetime

from bot.formatting.cards import meeting_card
from bot.formatting.fitting import MESSAGE_LIMIT, length, shorten
from bot.forms.errors import field_name
from bot.forms.keys import TRANSLATED, TWINS
from bot.forms.scripts import missing_languages
from bot.services.admin.clock_notes import repeated_hour_note
from bot.services.callbacks import admin_data
from bot.services.reply import Button, Reply
from bot.texts import Html, join, t
from storage.models import AdminDraft, Meeting

# The other language's card is there to check the translation, not to read the agenda.
OTHER_SUMMARY_LIMIT = 300
# A translation is shown to check it is there and in its place, not to be read through.
TRANSLATION_LIMIT = 120


def preview(draft: AdminDraft, meeting: Meeting, language: str, now: datetime) -> Reply:
    card = meeting_card(meeting, language, now)
    if meeting.id is None:
        # The card ends with the meeting's id, which an added meeting gets only when saved.
        card = _without_id(card)
    header = t(language, f"admin.preview.{draft.kind}", id=draft.meeting_id or "")
    save = Button(t(language, "admin.button.save"), admin_data("save", draft.id))
    drop = Button(t(language, "admin.button.cancel"), admin_data("drop", draft.id))
    note = repeated_hour_note(meeting, language)
    text = _both_languages(header, card, meeting, language, now, [note] if note else [])
    return Reply(text, buttons=((save, drop),))


def _both_languages(
    header: Html, card: Html, meeting: Meeting, language: str, now: datetime, notes: list[Html]
) -> Html:
    """The card in the reader's language and the other one, with what is missing and `notes`;
    the reader's alone when both would not fit one message."""
    other = "ru" if language == "en" else "en"
    other_card = _without_id(meeting_card(meeting, other, now, summary_limit=OTHER_SUMMARY_LIMIT))
    notes = [*translation_lines(meeting, language), *language_notes(meeting, language), *notes]
    full = join([header, Html(""), card, Html(""), t(language, f"admin.preview.in_{other}"),
                 other_card, *notes])  # fmt: skip
    if length(full) <= MESSAGE_LIMIT:
        return full
    return join([header, Html(""), card, *notes])


def translation_lines(meeting: Meeting, language: str) -> list[Html]:
    """The texts written in languages beyond English and Russian, as the form names them."""
    written = [
        (name, text)
        for name, (field, code) in TRANSLATED.items()
        if (text := meeting.text_in(field, code))
    ]
    if not written:
        return []
    return [t(language, "admin.preview.translations")] + [
        t(
            language,
            "admin.audit.value",
            column=field_name(name, language),
            value=shorten(text, TRANSLATION_LIMIT),
        )
        for name, text in written
    ]


def language_notes(meeting: Meeting, language: str) -> list[Html]:
    """One line for each language some texts lack, naming them as the form does."""
    texts = {
        name: (getattr(meeting, f"{name}_en"), getattr(meeting, f"{name}_ru")) for name in TWINS
    }
    no_english, no_russian = missing_languages(texts)
    notes = []
    for key, names in (("no_english", no_english), ("no_russian", no_russian)):
        if names:
            fields = ", ".join(t(language, f"admin.field.{name}") for name in names)
            notes.append(t(language, f"admin.preview.{key}", fields=fields))
    return notes


def _without_id(card: Html) -> Html:
    return Html(card.rsplit("\n", 1)[0])
