"""Answers about UNRCCA itself, from the facts table; /about uses the same facts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import column_order
from bot.services.reply import Reply
from bot.texts import t
from storage.models import CentreFact
from storage.repositories import facts

# Which facts each answer is made of; the text `centre.<topic>` puts them into words.
TOPICS: dict[str, tuple[str, ...]] = {
    "what": ("name", "inaugurated", "purpose", "tasks"),
    "opened": ("name", "inaugurated", "purpose"),
    "countries": ("name", "countries"),
    "tasks": ("name", "tasks"),
    "programme": ("programme",),
    "about": ("name", "inaugurated", "purpose", "countries", "programme"),
}


# Which fact a yes/no question about each topic is checked against.
CHECKED = {"countries": "countries", "opened": "inaugurated"}


async def centre_answer(session: AsyncSession, topic: str, language: str) -> Reply:
    keys = TOPICS[topic]
    found = await facts.by_keys(session, keys)
    if len(found) < len(keys):
        return Reply(t(language, "centre.no_facts"))
    values = {key: found[key].text(column_order(language)) for key in keys}
    source = next(iter(found.values())).source or ""
    text = t(language, f"centre.{topic}", **values)
    return Reply(t(language, "centre.with_source", text=text, source=source))


async def centre_yes_no(
    session: AsyncSession, topic: str, claimed: str | None, language: str
) -> Reply | None:
    """'Is Turkmenistan one of the countries it assists?': Yes or No from the facts themselves.

    `claimed` is what the question says (a country's English name, a year); None, or a topic
    with no fact to check it against, leaves the ordinary answer to be given.
    """
    key = CHECKED.get(topic)
    if key is None or claimed is None:
        return None
    fact = (await facts.by_keys(session, (key,))).get(key)
    if fact is None:
        return None
    answer = await centre_answer(session, topic, language)
    verdict = "yes_no.country_yes" if claimed in fact.text_en else "yes_no.country_no"
    return Reply(t(language, verdict, answer=answer.text))


def _in_reader_order(fact: CentreFact, language: str) -> str:
    """The fact's text in the reader's first content language that has one (bot.languages)."""
    texts = (getattr(fact, f"text_{code}", None) for code in column_order(language))
    return next((text for text in texts if text), fact.text_en)
