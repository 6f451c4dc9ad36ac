"""The gettext catalogues (bot/locales): one for every interface language and no other, each
with Babel's plural rule for its locale; English and Russian complete and current; every
translation with the placeholders of its English text; every key the code names in English;
and the files as `python -m bot.texts extract` leaves them."""

from __future__ import annotations

import ast
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from bot.languages import LANGUAGES
from bot.texts import COUNTED_BY, t
from bot.texts.catalogues import LOCALES, forms, is_translated, key_of, read_catalogue
from bot.texts.extraction import extract, merged

BOT = Path(__file__).resolve().parents[2] / "bot"
OTHERS = [language for language in LANGUAGES if language != "en"]
ENGLISH = read_catalogue("en")


def entries(catalogue: Catalog) -> dict[str, Message]:
    return {key_of(m): m for m in catalogue if m.id}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def keys_in_code() -> tuple[set[str], set[str]]:
    """Keys the code passes to `t` literally, and the prefixes of those it builds (f"x.{y}")."""
    literal, prefixes = set(), set()
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t"):
                continue
            key = node.args[1] if len(node.args) > 1 else None
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                literal.add(key.value)
            elif isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
                prefixes.add(str(key.values[0].value))
    return literal, prefixes


def test_every_interface_language_has_a_catalogue_and_no_other_does() -> None:
    folders = {path.name for path in LOCALES.iterdir() if path.is_dir()}
    assert folders == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_babels_rule_for_the_language(language: str) -> None:
    catalogue = read_catalogue(language)
    assert catalogue.plural_forms == Catalog(locale=language).plural_forms


def test_every_key_the_code_names_is_in_english() -> None:
    literal, prefixes = keys_in_code()
    english = set(entries(ENGLISH))
    assert sorted(literal - english) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in english)) == []


def test_counted_english_texts_show_what_counts_them() -> None:
    for key, message in entries(ENGLISH).items():
        for form in forms(message.id)[1:]:
            assert placeholders(form) & set(COUNTED_BY), key


@pytest.mark.parametrize("language", ["ru"])
def test_russian_translates_every_text_of_the_current_english(language: str) -> None:
    translated = entries(read_catalogue(language))
    missing = [key for key in entries(ENGLISH) if key not in translated]
    untranslated = [key for key, m in translated.items() if not is_translated(m)]
    stale = [key for key, m in translated.items() if m.id != entries(ENGLISH)[key].id]
    assert (missing, untranslated, stale) == ([], [], [])


@pytest.mark.parametrize("language", OTHERS)
def test_a_translation_has_the_placeholders_of_its_english_text(language: str) -> None:
    english = entries(ENGLISH)
    for key, message in entries(read_catalogue(language)).items():
        expected = placeholders(forms(english[key].id)[-1])
        for form in forms(message.string):
            assert not form or placeholders(form) == expected, (key, form)


def test_the_catalogues_are_as_extraction_leaves_them(tmp_path: Path) -> None:
    shutil.copytree(LOCALES, tmp_path, dirs_exist_ok=True)
    assert extract(tmp_path) == []


def test_changed_english_makes_a_translation_fuzzy_and_a_new_key_untranslated() -> None:
    english = Catalog(locale="en", domain="bot")
    english.add("Hello, {name}!", context="greet", flags=("python-brace-format",))
    english.add(("{count} day", "{count} days"), context="days")
    russian = Catalog(locale="ru", domain="bot")
    russian.add("Hello!", "Здравствуйте!", context="greet")
    result = entries(merged(russian, english))
    assert result["greet"].fuzzy and result["greet"].string == "Здравствуйте!"
    assert result["days"].string == ("", "", "") and not is_translated(result["days"])


def test_values_are_escaped_and_html_fragments_are_not() -> None:
    assert t("en", "reminder.title", title="<b>&") == "🔔 <b>Reminder: &lt;b&gt;&amp;</b>"


def test_a_language_without_a_catalogue_reads_english() -> None:
    assert t("xx", "reminder.title", title="X") == t("en", "reminder.title", title="X")


# Texts only admins read (their forms, imports, the guided dialog, alerts): a Kazakh or Uzbek
# admin reads them in Russian until a translator adds them.
ADMIN_ONLY = (
    "admin.", "calendar.import", "calendar.skip", "calendar.broken", "calendar.note",
    "calendar.budget", "calendar.field", "calendar.export", "dialog.", "alert.", "help.admin",
    "help.command_line",
)  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "uz"])
def test_kazakh_and_uzbek_translate_everything_a_public_user_sees(language: str) -> None:
    translated = entries(read_catalogue(language))
    english = entries(ENGLISH)
    public = [key for key in english if not key.startswith(ADMIN_ONLY)]
    missing = [
        key for key in public if key not in translated or not is_translated(translated[key])
    ]
    stale = [key for key in public if key in translated and translated[key].id != english[key].id]
    assert (missing, stale) == ([], [])


@pytest.mark.parametrize("language", ["kk", "uz"])
def test_a_draft_translation_says_it_awaits_a_native_speaker(language: str) -> None:
    assert "AWAITS REVIEW BY A NATIVE SPEAKER" in read_catalogue(language).header_comment
