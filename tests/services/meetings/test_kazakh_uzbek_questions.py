"""Questions in Kazakh and Uzbek (issue 26) over the store of 26 meetings
(tests/support/whole_store.py): when, where, the next and the previous meeting, meetings in a
city or a country with the case endings these languages put on names, what was discussed, what
UNRCCA is; answered in the question's language, with Russian titles before English ones; a
question not understood gets the examples in the reader's language.

Every phrasing is our own. A case names what the answer must hold; the meeting is named by its
title, so the answer is checked against the store, not hard-coded.
"""

from __future__ import annotations

import re

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from storage.database import Database
from tests.support.whole_store import fill

NEXT = "Expert meeting on energy"  # 8 December 2026, Ashgabat: the first after the store's NOW
PREVIOUS = "Round table on media and diplomacy"  # 3 November 2026, Bishkek
SIXTH = "Шестая ежегодная встреча"  # bundled with its Russian title, shown before the English
FIFTH = "Пятая ежегодная встреча"
EIGHTH = "Eighth annual Meeting"  # added through the form in English only
KAZAKH_EXAMPLES = "Келесі кездесу қашан?"
UZBEK_EXAMPLES = "Keyingi uchrashuv qachon?"

KAZAKH: list[tuple[str, list[str]]] = [
    ("Келесі кездесу қашан?", [NEXT, "8 желтоқсан"]),
    ("Келесі кездесу қайда өтеді?", [NEXT, "Ашхабад"]),
    ("Келесі кездесу қай қалада болады?", [NEXT, "Ашхабад"]),
    ("Алдыңғы кездесу қашан болды?", [PREVIOUS, "3 қараша"]),
    ("Алдыңғы кездесу қайда өтті?", [PREVIOUS, "Бишкек"]),
    ("Соңғы кездесу қайда өтті?", [PREVIOUS, "Бишкек"]),
    ("Алтыншы кездесу қашан өтті?", [SIXTH, "27 қараша"]),
    ("6-шы кездесу қайда болды?", [SIXTH, "Душанбе"]),
    ("Бесінші кездесу қайда өтті?", [FIFTH, "Ашхабад"]),
    ("Сегізінші кездесу қайда өтеді?", [EIGHTH, "Алматы"]),
    ("Душанбеде қандай кездесулер болды?", ["Душанбе", "Regional meeting on glacier"]),
    ("Алматыдағы кездесулер", ["Алматы", "Workshop on climate and security"]),
    ("Ашхабадта не талқыланды?", ["Diplomats will be trained in mediation"]),
    ("Бішкектегі кездесуде не талқыланды?", ["transboundary waters"]),
    ("Тәжікстанда кездесу қашан өтті?", ["Regional meeting on glacier", "Тәжікстан уақыты"]),
    ("Вена қаласында кездесу қашан болды?", ["Seminar on preventive diplomacy", "Вена"]),
    ("Астанада кездесу қашан?", ["Seminar on cyber security", "25 қаңтар"]),
    ("2014 жылы кездесу қайда болды?", [FIFTH, "Ашхабад"]),
    ("Алтыншы кездесуді кім ұйымдастырды?", [SIXTH, "Региональный центр ООН"]),
    ("UNRCCA деген не?", ["Региональный центр ООН", "Мақсаты"]),
    ("Орталық туралы айтып беріңіз", ["Региональный центр ООН"]),
    ("Сәлеметсіз бе", ["UNRCCA кездесулері туралы сұраңыз"]),
    ("Ауа райы қандай?", ["түсінбедім", KAZAKH_EXAMPLES]),
]
UZBEK: list[tuple[str, list[str]]] = [
    ("Keyingi uchrashuv qachon?", [NEXT, "8-dekabr, 2026"]),
    ("Keyingi uchrashuv qayerda boʻladi?", [NEXT, "Ашхабад"]),
    ("Keyingi uchrashuv qaysi shaharda bo'ladi?", [NEXT, "Ашхабад"]),
    ("Oldingi uchrashuv qachon bo'lgan?", [PREVIOUS, "3-noyabr, 2026"]),
    ("Oldingi uchrashuv qayerda bo'lib o'tdi?", [PREVIOUS, "Бишкек"]),
    ("Oltinchi uchrashuv qachon bo'lib o'tdi?", [SIXTH, "27-noyabr, 2015"]),
    ("6-uchrashuv qayerda bo'lgan?", [SIXTH, "Душанбе"]),
    ("Beshinchi uchrashuv qayerda bo'lgan?", [FIFTH, "Ашхабад"]),
    ("Sakkizinchi uchrashuv qayerda bo'ladi?", [EIGHTH, "Алматы"]),
    ("Toshkentda qanday uchrashuvlar bo'lgan?", ["Ташкент", "Seminar on water diplomacy"]),
    ("Ashxoboddagi uchrashuvda nima muhokama qilindi?", ["Diplomats will be trained"]),
    ("Dushanbeda uchrashuv qachon bo'lgan?", ["Regional meeting on glacier", "Душанбе"]),
    ("Olmaotadagi uchrashuvlar", ["Алматы", "Workshop on climate and security"]),
    ("Bishkekdagi uchrashuvda nima muhokama qilindi?", ["transboundary waters"]),
    ("Tojikistonda uchrashuv qachon bo'lgan?", ["Regional meeting on glacier"]),
    ("Samarqandda uchrashuv qachon bo'ladi?", ["Briefing on water security", "Bekor qilindi"]),
    ("2014-yilda uchrashuv qayerda bo'lgan?", [FIFTH, "Ашхабад"]),
    ("Oltinchi uchrashuvni kim tashkil etgan?", [SIXTH, "Региональный центр ООН"]),
    ("UNRCCA nima?", ["Региональный центр ООН", "Maqsadi"]),
    ("Кейинги учрашув қачон?", [NEXT, "8-dekabr, 2026"]),
    ("Тошкентдаги учрашувлар", ["Ташкент", "Seminar on water diplomacy"]),
    ("Ашхободдаги учрашувда нима муҳокама қилинди?", ["Diplomats will be trained"]),
    ("Assalomu alaykum", ["UNRCCA uchrashuvlari haqida soʻrang"]),
    ("Ob-havo qanday?", ["tushunmadim", UZBEK_EXAMPLES]),
]


async def failures(database: Database, cases: list[tuple[str, list[str]]]) -> list[str]:
    runtime = await fill(database)
    found = []
    for question, expected in cases:
        answer = html_to_text((await respond(runtime, Inquiry(text=question))).text)
        missing = [item for item in expected if item.casefold() not in answer.casefold()]
        if missing:
            found.append(f"{question!r} lacks {missing}\n    -> {answer[:300]!r}")
    return found


async def test_kazakh_questions_are_answered_in_kazakh_with_the_right_meeting(
    database: Database,
) -> None:
    assert await failures(database, KAZAKH) == []


async def test_uzbek_questions_are_answered_in_uzbek_with_the_right_meeting(
    database: Database,
) -> None:
    assert await failures(database, UZBEK) == []


def test_the_tables_hold_twenty_questions_a_language_and_both_scripts_of_uzbek() -> None:
    assert len(KAZAKH) >= 20 and len(UZBEK) >= 20
    assert any(re.search("[а-яўқ]", question) for question, _ in UZBEK)
