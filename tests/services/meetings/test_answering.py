"""Answers to questions in plain words, judged like a reader would: by the facts they contain.

Phrasings here are our own (not the development set in shared/qa), in both languages; each
names facts the reply must contain, or says the bot must admit it does not have the fact.
Every case runs through `respond`, the code path of Telegram and `unrcca-bot ask`, on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from storage.database import Database
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
ADMITS_IGNORANCE = re.compile(
    r"do not have information|no meetings in my records|нет сведений|нет встреч", re.I
)
UNKNOWN = None  # the expected answer: "I do not have that"

CASES: list[tuple[str, list[str] | None]] = [
    ("In which city is the 6th meeting of deputy FMs taking place?", ["Dushanbe"]),
    ("what date was the meeting in ashkhabad?", ["28 November 2014"]),
    ("When did the Ashgabat meeting happen?", ["28 November 2014"]),
    ("Which country hosted the fifth meeting?", ["Turkmenistan"]),
    ("Who is organising the sixth meeting?", ["Regional Centre for Preventive Diplomacy"]),
    ("with whose support is the Dushanbe meeting held?", ["Ministry of Foreign Affairs"]),
    ("What topics were on the agenda in Turkmenistan?", ["Afghanistan"]),
    ("what did they talk about at the 5th meeting", ["security"]),
    ("Tell me about the sixth meeting", ["27 November 2015", "Dushanbe", "Tajikistan"]),
    ("When was the Centre established?", ["December 2007"]),
    ("what year was UNRCCA founded", ["2007"]),
    ("Which states does UNRCCA work with?", ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"]),
    ("What's the Programme of Action period?", ["2015-2017"]),
    ("Was there a meeting in 2015?", ["Dushanbe"]),
    ("Where did the meeting on 28 November 2014 take place?", ["Ashgabat"]),
    ("where is the sixth meeting?", ["Dushanbe", "27 November 2015"]),
    ("previous meeting", ["Dushanbe"]),
    ("next meeting", ["No meetings are scheduled", "Dushanbe"]),
    ("Was there a meeting in 2010?", UNKNOWN),
    ("Any meetings in Almaty?", UNKNOWN),
    ("where's the 3rd meeting", UNKNOWN),
    ("how many participants attended the fifth meeting?", UNKNOWN),
    ("Who spoke at the Dushanbe meeting?", UNKNOWN),
    ("What time does the sixth meeting start?", UNKNOWN),
    ("What will be discussed at the sixth meeting?", UNKNOWN),
    ("Who heads UNRCCA?", UNKNOWN),
    ("Когда была встреча в Ашхабаде?", ["28 ноября 2014"]),
    ("Где проходила пятая встреча?", ["Ашхабад"]),
    ("В какой стране прошла шестая встреча?", ["Таджикистан"]),
    ("Кто поддерживает встречу в Душанбе?", ["Министерство иностранных дел"]),
    ("Что обсуждали на встрече в Туркменистане?", ["Афганистан"]),
    ("О чём говорили на пятой встрече?", ["безопасности"]),
    ("Расскажи о шестой встрече", ["27 ноября 2015", "Душанбе"]),
    ("Когда основан РЦПДЦА?", ["декабре 2007"]),
    ("Каким странам помогает Центр?", ["Казахстан", "Туркменистан", "Узбекистан"]),
    ("Чем занимается Центр?", ["превентивной дипломатии"]),
    ("Какой период охватывает Программа действий?", ["2015-2017"]),
    ("Была ли встреча в 2014 году?", ["Ашхабад"]),
    ("прошедшие встречи", ["Душанбе", "Ашхабад"]),
    ("встреча в Душанбе", ["27 ноября 2015"]),
    ("Была ли встреча в 2012 году?", UNKNOWN),
    ("Где прошла четвертая встреча?", UNKNOWN),
    ("Сколько участников было на шестой встрече?", UNKNOWN),
    ("Кто открыл встречу в Ашхабаде?", UNKNOWN),
]


async def ask(database: Database, question: str) -> str:
    runtime = runtime_at(database, NOW)
    return html_to_text((await respond(runtime, Inquiry(text=question))).text)


def verdict(answer: str, expected: list[str] | None) -> str | None:
    if expected is UNKNOWN:
        return None if ADMITS_IGNORANCE.search(answer) else "does not admit it lacks the fact"
    missing = [item for item in expected if item.lower() not in answer.lower()]
    if missing:
        return f"lacks {missing}"
    return "claims to lack a known fact" if ADMITS_IGNORANCE.search(answer) else None


async def test_questions_are_answered_from_the_store(database: Database) -> None:
    failures = []
    for question, expected in CASES:
        answer = await ask(database, question)
        problem = verdict(answer, expected)
        if problem:
            failures.append(f"{question!r}: {problem}\n    -> {answer[:200]!r}")
    assert failures == [], "\n".join(failures)


async def test_reply_language_follows_the_question(database: Database) -> None:
    assert "Dushanbe" in await ask(database, "where is the sixth meeting?")
    assert "Душанбе" in await ask(database, "где шестая встреча?")


async def test_an_admin_added_meeting_is_answered_like_a_bundled_one(database: Database) -> None:
    from storage.models import Meeting

    async with database.sessions.begin() as session:
        session.add(
            Meeting(
                uid="almaty-2027", title_en="Seventh annual Meeting", ordinal=7,
                starts_at=datetime(2027, 3, 4, 5, tzinfo=UTC), time_zone="Asia/Almaty",
                city_en="Almaty", city_ru="Алматы", country_code="KZ",
                country_en="Kazakhstan", country_ru="Казахстан",
                created_at=STAMP, updated_at=STAMP,
            )
        )  # fmt: skip
    assert "4 March 2027" in await ask(database, "when is the seventh meeting?")
    assert "10:00" in await ask(database, "what time does the meeting in Almaty start?")
    assert "Almaty" in await ask(database, "next meeting")
    assert "Алматы" in await ask(database, "где пройдёт следующая встреча?")


async def test_a_month_is_found_among_more_meetings_of_its_year_than_a_question_reads(
    database: Database,
) -> None:
    from storage.models import Meeting

    # Two meetings a month in 2027: the year holds more than one question reads (10), and
    # March is not among the newest ten.
    async with database.sessions.begin() as session:
        session.add_all(
            Meeting(
                uid=f"month-{month}-{day}", title_en=f"Consultation {month}.{day}",
                starts_at=datetime(2027, month, day, 5, tzinfo=UTC), time_zone="Asia/Almaty",
                city_en="Almaty", city_ru="Алматы", country_code="KZ",
                country_en="Kazakhstan", country_ru="Казахстан",
                created_at=STAMP, updated_at=STAMP,
            )
            for month in range(1, 13)
            for day in (10, 20)
        )  # fmt: skip
    answer = await ask(database, "meetings in March 2027")
    assert "Consultation 3.10" in answer and "Consultation 3.20" in answer
    assert "Consultation 4.10" not in answer
