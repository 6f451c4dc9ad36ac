"""For every meeting of a generated store and every yes/no template in both languages, the
answer starts with the truthful Yes/No (Да/Нет), whatever the other meetings are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.understanding.normalize import words
from storage.database import Database
from storage.models import Meeting, MeetingStatus
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at
from tests.support.strategies import meeting_starts

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
EN_ORDINALS = words("first second third fourth fifth sixth seventh eighth ninth tenth")
RU_ORDINALS = words("первая вторая третья четвёртая пятая шестая седьмая восьмая девятая десятая")
# English name, Russian name after «в», zone.
CITIES = {
    "Almaty": ("Алматы", "Asia/Almaty"),
    "Dushanbe": ("Душанбе", "Asia/Dushanbe"),
    "Bishkek": ("Бишкеке", "Asia/Bishkek"),
    "Tashkent": ("Ташкенте", "Asia/Tashkent"),
    "Ashgabat": ("Ашхабаде", "Asia/Ashgabat"),
    "Osh": ("Оше", "Asia/Bishkek"),
}


@dataclass(frozen=True)
class Generated:
    ordinal: int
    city: str
    starts_at: datetime
    cancelled: bool

    @property
    def past(self) -> bool:
        return self.starts_at < NOW

    @property
    def happens(self) -> bool:
        return not self.cancelled


def templates(m: Generated, city: str, year: int) -> list[tuple[str, bool]]:
    """(question, the truthful answer) for a meeting and a claimed city and year."""
    en, ru, where = EN_ORDINALS[m.ordinal - 1], RU_ORDINALS[m.ordinal - 1], CITIES[city][0]
    at_city, in_year = m.city == city, m.starts_at.year == year
    return [
        (f"Was the {en} meeting held in {city}?", at_city and m.happens and m.past),
        (f"Is the {en} meeting cancelled?", m.cancelled),
        (f"Has the {en} meeting been cancelled?", m.cancelled),
        (f"Will the {en} meeting take place in {city}?", at_city and m.happens),
        (f"Did the {en} meeting take place in {year}?", in_year and m.happens and m.past),
        (f"Is the {en} meeting in {city}?", at_city and m.happens),
        (f"Прошла ли {ru} встреча в {where}?", at_city and m.happens and m.past),
        (f"Отменена ли {ru} встреча?", m.cancelled),
        (f"Состоится ли {ru} встреча в {where}?", at_city and m.happens),
        (f"Была ли {ru} встреча в {year} году?", in_year and m.happens),
    ]


def stored(m: Generated) -> Meeting:
    return Meeting(
        uid=f"generated-{m.ordinal}", series="deputy-fm", ordinal=m.ordinal,
        title_en=f"Annual meeting No. {m.ordinal}", starts_at=m.starts_at,
        time_zone=CITIES[m.city][1], city_en=m.city,
        status=MeetingStatus.CANCELLED if m.cancelled else MeetingStatus.SCHEDULED,
        cancel_reason="Snow" if m.cancelled else None, created_at=STAMP, updated_at=STAMP,
    )  # fmt: skip


meeting_lists = st.lists(
    st.builds(
        Generated,
        ordinal=st.integers(1, 10),
        city=st.sampled_from(sorted(CITIES)),
        starts_at=meeting_starts,
        cancelled=st.booleans(),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda m: m.ordinal,
)


async def replace_store(database: Database, generated: list[Generated]) -> None:
    async with database.sessions.begin() as session:
        await session.execute(delete(Meeting))
        session.add_all(stored(m) for m in generated)


def first_word(answer: str) -> str:
    match = re.match(r"^[\W_]*(\w+)", answer)
    return match.group(1) if match else ""


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=meeting_lists, city=st.sampled_from(sorted(CITIES)), year=st.integers(2012, 2030))
async def test_yes_no_answers_are_truthful(
    database: Database, generated: list[Generated], city: str, year: int
) -> None:
    await replace_store(database, generated)
    runtime = runtime_at(database, NOW)
    for meeting in generated:
        for claimed_city in {city, meeting.city}:
            for question, truth in templates(meeting, claimed_city, year):
                answer = html_to_text((await respond(runtime, Inquiry(text=question))).text)
                russian = bool(re.search("[а-я]", question))
                expected = ("Да" if truth else "Нет") if russian else ("Yes" if truth else "No")
                assert first_word(answer) == expected, f"{question!r} -> {answer[:200]!r}"
