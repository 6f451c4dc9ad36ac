"""For random stores and random yes/no questions built from their facts (still to come, host
country, supporter, subject discussed), a "Yes" is given only when the fact holds and a "No"
only when it does not; where the records cannot settle it, neither is given."""

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
RU_ACCUSATIVE = words(
    "первую вторую третью четвёртую пятую шестую седьмую восьмую девятую десятую"
)
# Code: English name, Russian genitive («МИД Казахстана»), a city there and its zone.
COUNTRIES = {
    "KZ": ("Kazakhstan", "Казахстана", "Almaty", "Asia/Almaty"),
    "KG": ("Kyrgyzstan", "Кыргызстана", "Bishkek", "Asia/Bishkek"),
    "TJ": ("Tajikistan", "Таджикистана", "Dushanbe", "Asia/Dushanbe"),
    "UZ": ("Uzbekistan", "Узбекистана", "Tashkent", "Asia/Tashkent"),
}
SUBJECTS = words("water energy security terrorism trade glaciers")


@dataclass(frozen=True)
class Generated:
    ordinal: int
    country: str
    supporter: str | None
    subjects: tuple[str, ...]
    starts_at: datetime
    cancelled: bool

    @property
    def ahead(self) -> bool:
        return self.starts_at >= NOW and not self.cancelled


def stored(m: Generated) -> Meeting:
    name, _, city, zone = COUNTRIES[m.country]
    supporters = f"the Ministry of Foreign Affairs of {COUNTRIES[m.supporter][0]}" if (
        m.supporter) else None  # fmt: skip
    summary = f"Participants discussed {' and '.join(m.subjects)}." if m.subjects else None
    return Meeting(
        uid=f"claims-{m.ordinal}", series="claims", ordinal=m.ordinal,
        title_en=f"Annual meeting No. {m.ordinal}", starts_at=m.starts_at, time_zone=zone,
        city_en=city, country_code=m.country, country_en=name, supporters_en=supporters,
        summary_en=summary, created_at=STAMP, updated_at=STAMP,
        status=MeetingStatus.CANCELLED if m.cancelled else MeetingStatus.SCHEDULED,
    )  # fmt: skip


def questions(m: Generated, country: str, subject: str) -> list[tuple[str, bool | None]]:
    """(question, the truth: None where the records cannot settle it)."""
    en, ru, accusative = (names[m.ordinal - 1] for names in (EN_ORDINALS, RU_ORDINALS,
                                                             RU_ACCUSATIVE))  # fmt: skip
    name, genitive = COUNTRIES[country][:2]
    supported = None if m.supporter is None else m.supporter == country
    # A subject a summary does not name may still have been discussed: never a bare No.
    discussed = True if subject in m.subjects else None
    return [
        (f"Is the {en} meeting coming up?", m.ahead),
        (f"Is the {en} meeting still to come?", m.ahead),
        (f"{ru.capitalize()} встреча ещё впереди?", m.ahead),
        (f"Did {name} host the {en} meeting?", m.country == country and not m.cancelled),
        (f"Did {name} support the {en} meeting?", supported),
        (f"Поддержал ли МИД {genitive} {accusative} встречу?", supported),
        (f"Was {subject} discussed at the {en} meeting?", discussed),
    ]


meeting_lists = st.lists(
    st.builds(
        Generated,
        ordinal=st.integers(1, 10),
        country=st.sampled_from(sorted(COUNTRIES)),
        supporter=st.none() | st.sampled_from(sorted(COUNTRIES)),
        subjects=st.lists(st.sampled_from(SUBJECTS), max_size=2, unique=True).map(tuple),
        starts_at=meeting_starts,
        cancelled=st.booleans(),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda m: m.ordinal,
)


def verdict(answer: str) -> str:
    match = re.match(r"^[\W_]*(\w+)", answer)
    return match.group(1) if match else ""


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    generated=meeting_lists,
    country=st.sampled_from(sorted(COUNTRIES)),
    subject=st.sampled_from(SUBJECTS),
)
async def test_yes_only_when_the_fact_holds_and_no_only_when_it_does_not(
    database: Database, generated: list[Generated], country: str, subject: str
) -> None:
    async with database.sessions.begin() as session:
        await session.execute(delete(Meeting))
        session.add_all(stored(m) for m in generated)
    runtime = runtime_at(database, NOW)
    for meeting in generated:
        for question, truth in questions(meeting, country, subject):
            answer = html_to_text((await respond(runtime, Inquiry(text=question))).text)
            said = verdict(answer)
            said_yes, said_no = said in ("Yes", "Да"), said in ("No", "Нет")
            assert not (said_yes and truth is not True), f"{question!r} -> {answer[:200]!r}"
            assert not (said_no and truth is not False), f"{question!r} -> {answer[:200]!r}"
            if truth is not None and "coming" not in question and "discussed" not in question:
                assert said_yes or said_no, f"{question!r} -> {answer[:200]!r}"
