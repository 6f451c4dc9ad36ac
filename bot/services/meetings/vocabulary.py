"""The store's vocabulary: every word form of every title and summary, pointing at its meetings.

A subject question ("the meeting on transboundary waters") looks its words up here instead of
scanning the table, so its cost does not grow with the archive. The index is built in Python
from one read of the texts and kept per process until the data version changes: the schedule's
version (storage.repositories.meetings) and the highest audit entry (every admin change and
import writes one). Issue 21 brings a full-text index in the database; this stands in until then.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy.ext.asyncio import AsyncSession

from bot.understanding.glossary import word_key
from storage.repositories import audit, meetings
from storage.repositories.meetings import ScheduleVersion

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The schedule's version and the latest audit entry: the index is rebuilt when either moves.
Version = tuple[ScheduleVersion, int]


@dataclass
class _Held:
    """The index of one database, replaced whole when its data version changes."""

    version: Version | None = None
    meetings_by_key: Mapping[str, frozenset[int]] = field(default_factory=dict)


@cache
def _held(database: str) -> _Held:
    # One slot per database URL for the life of the process (a cache, not shared state: what it
    # holds is derived from the database and rebuilt whenever that changes).
    return _Held()


async def _version(session: AsyncSession) -> Version:
    return await meetings.schedule_version(session), await audit.latest_id(session)


def _index(rows: list[tuple[int, str]]) -> Mapping[str, frozenset[int]]:
    by_word: dict[str, set[int]] = defaultdict(set)
    for meeting_id, text in rows:
        for word in _WORD.findall(text.casefold().replace("ё", "е")):
            by_word[word].add(meeting_id)
    by_key: dict[str, set[int]] = defaultdict(set)
    for word, ids in by_word.items():
        by_key[word_key(word)] |= ids
    return {key: frozenset(ids) for key, ids in by_key.items()}


async def meetings_about(session: AsyncSession, words: tuple[str, ...]) -> frozenset[int]:
    """The ids of the meetings whose title or summary holds every word, in any word form."""
    held = _held(str(session.get_bind().engine.url))
    version = await _version(session)
    if held.version != version:
        held.meetings_by_key = _index(await meetings.searchable_texts(session))
        held.version = version
    found = [held.meetings_by_key.get(word_key(word.casefold()), frozenset()) for word in words]
    return frozenset.intersection(*found) if found else frozenset()
