"""The bundled facts (knowledge/unrcca.toml), loaded into an empty database at first start."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CentreFact, Document, Meeting, Passage
from storage.passages import chunks, plain_words

BUNDLE = Path(__file__).resolve().parent / "knowledge" / "unrcca.toml"
# The article the bundle's facts come from, kept as the source document of its meetings.
ARTICLE = BUNDLE.parent / "source_article.txt"
# The bundled meetings are as the source article (23 November 2015) left them: their rows are
# stamped with its date, not with the moment a database happened to load them.
BUNDLE_STAMP = datetime(2015, 11, 23, tzinfo=UTC)


@cache
def read_bundle() -> dict[str, Any]:
    with BUNDLE.open("rb") as file:
        return tomllib.load(file)


def bundled_zone() -> str:
    """The venue zone of the latest bundled meeting: the clock of a chat that set no zone."""
    latest = max(read_bundle()["meetings"], key=lambda entry: entry["date"])
    return str(latest["time_zone"])


async def load_bundled_knowledge(session: AsyncSession) -> bool:
    """Load the bundle unless it was loaded before; True when it loaded.

    The facts about the Centre mark a loaded database: meetings cannot be the mark, since an admin
    may delete them all, and they must not come back at the next start.
    """
    if await session.scalar(select(exists().select_from(CentreFact))):
        return False
    bundle = read_bundle()
    source = bundle["source"]["en"]
    session.add_all(
        CentreFact(key=key, text_en=text["en"], text_ru=text["ru"], source=source)
        for key, text in bundle["facts"].items()
    )
    session.add_all(meeting_from_bundle(entry, source) for entry in bundle["meetings"])
    await session.flush()
    await load_source_article(session)
    return True


async def load_source_article(session: AsyncSession) -> int:
    """The source article attached to each bundled meeting that exists and never had it (a
    database loaded before documents existed gets it too; one an admin removed stays removed).
    How many meetings it was attached to."""
    content = ARTICLE.read_bytes()
    checksum = hashlib.sha256(content).hexdigest()
    uids = [entry["uid"] for entry in read_bundle()["meetings"]]
    had = select(Document.id).where(
        Document.meeting_id == Meeting.id, Document.checksum == checksum
    )
    query = select(Meeting.id).where(Meeting.uid.in_(uids), ~exists(had)).order_by(Meeting.id)
    attached = 0
    for meeting_id in (await session.scalars(query)).all():
        session.add(_article(meeting_id, content, checksum))
        attached += 1
    await session.flush()
    return attached


def _article(meeting_id: int, content: bytes, checksum: str) -> Document:
    text = content.decode()
    passages = [
        Passage(page=None, position=n, text=chunk, words=plain_words(chunk))
        for n, chunk in enumerate(chunks(text))
    ]
    return Document(
        meeting_id=meeting_id, kind="article", language="en",
        title=read_bundle()["source"]["en"], file_name=ARTICLE.name, mime_type="text/plain",
        size=len(content), checksum=checksum, has_text=True, added_at=BUNDLE_STAMP,
        passages=passages,
    )  # fmt: skip


def meeting_from_bundle(entry: dict[str, Any], source: str) -> Meeting:
    zone = entry["time_zone"]
    day: date = entry["date"]
    return Meeting(
        uid=entry["uid"],
        series=entry.get("series"),
        ordinal=entry.get("ordinal"),
        title_en=entry["title"]["en"],
        title_ru=entry["title"]["ru"],
        # Only the day is known: local midnight stands for it, and time_known says so.
        starts_at=datetime.combine(day, time(0, 0), ZoneInfo(zone)),
        time_known=False,
        time_zone=zone,
        city_en=entry["city"]["en"],
        city_ru=entry["city"]["ru"],
        country_code=entry["country"]["code"],
        country_en=entry["country"]["en"],
        country_ru=entry["country"]["ru"],
        **_bilingual(entry, "organizer", "supporters", "summary", "venue"),
        source=source,
        created_at=BUNDLE_STAMP,
        updated_at=BUNDLE_STAMP,
    )


def _bilingual(entry: dict[str, Any], *fields: str) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for field in fields:
        text = entry.get(field) or {}
        values[f"{field}_en"] = text.get("en")
        values[f"{field}_ru"] = text.get("ru")
    return values
