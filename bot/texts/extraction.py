"""`python -m bot.texts extract`: the template and every translation brought up to date with the
English catalogue, the way `pybabel update` does for a template extracted from code.

The English catalogue (bot/locales/en) is where texts are written, so it is the source that
extraction reads. It writes bot/locales/bot.pot (the template a new language starts from:
`pybabel init -i bot/locales/bot.pot -d bot/locales -D bot -l <code>`) and merges it into every
other catalogue, matching entries by key: a new key arrives untranslated, a key whose English
changed keeps its translation marked fuzzy, so the bot shows the next language of the chain
until a translator confirms it, and a key no longer in English is dropped.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from bot.texts.catalogues import DOMAIN, LOCALES, SOURCE_LANGUAGE, forms, key_of, po_path

TEMPLATE = LOCALES / f"{DOMAIN}.pot"
WIDTH = 99
TEMPLATE_HEADER = """\
# The UNRCCA meetings bot's texts: the template a new language starts from (made by
# `python -m bot.texts extract` from bot/locales/en; do not edit). Texts are Telegram HTML: keep
# the tags and every {placeholder} as they are.
#"""


def extract(locales: Path = LOCALES) -> list[Path]:
    """Writes the template and every merged catalogue under `locales`; returns what changed."""
    english = _read(locales / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po")
    outputs = {locales / TEMPLATE.name: template(english)}
    for folder in sorted(p for p in locales.iterdir() if p.is_dir()):
        if folder.name != SOURCE_LANGUAGE:
            path = folder / "LC_MESSAGES" / f"{DOMAIN}.po"
            outputs[path] = merged(_read(path), english)
    return [path for path, catalogue in outputs.items() if _write(path, catalogue)]


def template(english: Catalog) -> Catalog:
    pot = Catalog(domain=DOMAIN, project=english.project, version=english.version,
                  creation_date=english.creation_date, fuzzy=False,
                  header_comment=TEMPLATE_HEADER)  # fmt: skip
    for message in _entries(english):
        pot.add(message.id, context=message.context, flags=message.flags)
    return pot


def merged(translation: Catalog, english: Catalog) -> Catalog:
    """`translation` with English's keys, in English's order, each kept, new or made fuzzy."""
    known = {key_of(m): m for m in _entries(translation)}
    result = Catalog(locale=translation.locale, domain=DOMAIN, fuzzy=False)
    result.mime_headers = translation.mime_headers
    result.header_comment = translation.header_comment
    for source in _entries(english):
        old = known.get(key_of(source))
        result[source.id] = _merged_entry(source, old, result.num_plurals)
    return result


def _merged_entry(source: Message, old: Message | None, plurals: int) -> Message:
    empty: str | tuple[str, ...] = "" if isinstance(source.id, str) else ("",) * plurals
    entry = Message(source.id, empty, context=source.context, flags=source.flags - {"fuzzy"})
    if old is None:
        return entry
    entry.string = old.string if _same_shape(source, old) else empty
    entry.user_comments = old.user_comments
    # Babel writes a multi-line previous msgid (`#|`) as broken comments, so none is kept.
    changed = old.id != source.id and any(forms(entry.string))
    if changed or old.fuzzy:
        entry.flags.add("fuzzy")
    return entry


def _same_shape(source: Message, old: Message) -> bool:
    return isinstance(source.id, str) == isinstance(old.id, str)


def _entries(catalogue: Catalog) -> list[Message]:
    return [message for message in catalogue if message.id and message.context]


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, domain=DOMAIN)


def _write(path: Path, catalogue: Catalog) -> bool:
    buffer = BytesIO()
    write_po(buffer, catalogue, width=WIDTH)
    if path.exists() and path.read_bytes() == buffer.getvalue():
        return False
    path.write_bytes(buffer.getvalue())
    return True


__all__ = ["TEMPLATE", "extract", "merged", "po_path", "template"]
