"""Meetings for tests, added beside the two bundled ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.database import Database
from storage.models import Meeting

# The bundled meetings: the fifth (Ashgabat, 28 November 2014) and the sixth (Dushanbe,
# 27 November 2015). Before the sixth, it is upcoming.
BEFORE_SIXTH = datetime(2015, 11, 1, tzinfo=UTC)
FIFTH_ID, SIXTH_ID = 1, 2
# When test rows were written: a fixed time, as the bot stamps rows with its clock.
STAMP = datetime(2015, 10, 1, tzinfo=UTC)
LONG_TITLE = "Consultations on water, energy and security in Central Asia " * 4


def meeting(number: int, starts_at: datetime, title: str = "Consultations") -> Meeting:
    return Meeting(
        uid=f"test-{starts_at:%Y%m%d%H%M}-{number}@unrcca-bot",
        title_en=f"{title} {number}"[:200],
        starts_at=starts_at,
        time_known=True,
        time_zone="Asia/Almaty",
        city_en="Almaty",
        city_ru="Алматы",
        country_code="KZ",
        country_en="Kazakhstan",
        country_ru="Казахстан",
        created_at=STAMP,
        updated_at=STAMP,
    )


async def add_meetings(
    database: Database, count: int, first: datetime, title: str = "Consultations"
) -> None:
    """`count` meetings a week apart from `first`."""
    async with database.sessions.begin() as session:
        session.add_all(
            meeting(number, first + timedelta(weeks=number), title) for number in range(count)
        )
