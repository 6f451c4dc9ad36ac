"""Answers that never mislead, on a store as admins fill it (tests/support/store.py): yes/no,
status first, relations, Russian word forms, titles, counts, people, several parts, tense.

Every phrasing is our own, in English and Russian. Each case names what the reply must start
with (its first word, markup and emoji aside), what it must hold, and what it must not.
"""

from __future__ import annotations

import re

import pytest

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from storage.database import Database
from tests.support.runtimes import runtime_at
from tests.support.store import NOW, fill

UNKNOWN = re.compile(r"do not have information|нет сведений", re.I)
Case = tuple[str, str | None, list[str], list[str]]

YES_NO: list[Case] = [
    ("Is the sixth meeting cancelled?", "No", ["27 November 2015"], []),
    ("Has the fifth meeting been cancelled?", "No", ["Ashgabat"], []),
    ("Was the fifth meeting held in Ashgabat?", "Yes", ["28 November 2014"], []),
    ("Was the fifth meeting held in Dushanbe?", "No", ["Ashgabat", "Sixth annual"], []),
    ("Did the sixth meeting take place in Tajikistan?", "Yes", ["Dushanbe"], []),
    ("Did the sixth meeting take place in 2014?", "No", ["27 November 2015"], []),
    ("Is there a briefing in Samarkand?", "No", ["cancelled", "Venue unavailable"], []),
    ("Is the briefing in Samarkand cancelled?", "Yes", ["Venue unavailable"], []),
    ("Is the workshop in Dushanbe going ahead?", "No", ["Postponed by the host"], []),
    ("Will the eighth meeting be held in Almaty?", "Yes", ["4 March 2027"], []),
    ("Has the eighth meeting taken place yet?", "No", ["4 March 2027"], []),
    ("Is there a meeting in Osh?", "Yes", ["Consultations on border cooperation"], []),
    ("Is there a meeting in Vienna?", "Yes", ["Seminar on preventive diplomacy"], []),
    ("Are there any meetings in Bishkek?", "No", [], ["Yes"]),
    ("Was the seminar in Vienna held in 2026?", "Yes", ["10 March 2026"], []),
    ("Is the next meeting in Almaty?", "Yes", ["Eighth annual"], []),
    ("Is the next meeting in Dushanbe?", "No", ["Almaty"], []),
    ("Is Kyrgyzstan among the countries UNRCCA assists?", "Yes", ["Kyrgyzstan"], []),
    ("Does UNRCCA assist Afghanistan?", "No", ["Uzbekistan"], []),
    ("Was UNRCCA inaugurated in 2007?", "Yes", ["December 2007"], []),
    ("Was the Centre founded in 2010?", "No", ["December 2007"], []),
    ("Отменена ли шестая встреча?", "Нет", ["27 ноября 2015"], []),
    ("Состоялась ли пятая встреча в Ашхабаде?", "Да", ["28 ноября 2014"], []),
    ("Прошла ли пятая встреча в Душанбе?", "Нет", ["Ашхабад", "Шестая"], []),
    ("Будет ли брифинг в Самарканде?", "Нет", ["Venue unavailable"], []),
    ("Отменён ли брифинг в Самарканде?", "Да", ["Отменена"], []),
    ("Состоится ли восьмая встреча в Алматы?", "Да", ["4 марта 2027"], []),
    ("Прошла ли уже восьмая встреча?", "Нет", ["4 марта 2027"], []),
    ("Есть ли встреча в Оше?", "Да", ["Консультации"], []),
    ("Была ли встреча в Вене?", "Да", ["Семинар по превентивной дипломатии"], []),
    ("Была ли встреча в Бишкеке?", "Нет", [], []),
    ("Шестая встреча отменена?", "Нет", ["Душанбе"], []),
    ("Проходила ли шестая встреча в 2015 году?", "Да", ["27 ноября 2015"], []),
]
STATUS_FIRST: list[Case] = [
    ("when is the meeting in Samarkand?", "Cancelled", ["Venue unavailable", "/event_3"], []),
    ("when is the workshop?", "Cancelled", ["Postponed by the host"], []),
    ("Когда брифинг в Самарканде?", "Отменена", ["Venue unavailable"], []),
    ("/event 4", "Cancelled", ["Postponed by the host", "Workshop on early warning"], []),
    ("what is the next meeting?", None, ["Eighth annual"], ["Workshop"]),
    ("upcoming meetings", None, ["Eighth annual", "Osh"], ["Workshop", "Briefing"]),
    ("Какая следующая встреча?", None, ["Восьмая"], ["практикум"]),
    ("list all workshops", None, [], ["4 March 2027"]),
    ("Is there a meeting next week?", None, ["Eighth annual"], ["Yes", "Workshop"]),
    ("Будет ли встреча на следующей неделе?", None, ["Восьмая"], ["Да"]),
]
RELATIONS: list[Case] = [
    ("Which meeting came before the sixth?", None, ["Ashgabat", "28 November 2014"], []),
    ("the meeting after Ashgabat", None, ["Dushanbe", "27 November 2015"], []),
    ("when was the one before the 6th?", None, ["28 November 2014"], []),
    ("What meeting followed the fifth?", None, ["Sixth annual"], []),
    ("What meeting came after the sixth?", None, ["Eighth annual", "4 March 2027"], []),
    ("Где прошла встреча перед шестой?", None, ["Ашхабад"], []),
    ("Какая встреча была после пятой?", None, ["Душанбе"], []),
    ("Когда встреча после шестой?", None, ["4 марта 2027"], []),
]
MORPHOLOGY: list[Case] = [
    ("Когда встреча в Оше?", None, ["Ош", "1 июня 2027"], ["Вена", "Алматы"]),
    ("Когда встреча в Вене?", None, ["Вена", "10 марта 2026"], ["Ош,"]),
    ("Где пройдут консультации в Оше?", None, ["Ош"], []),
    ("Что обсуждали на семинаре в Вене?", None, ["безопасности"], []),
    ("/search безопасность", None, ["Семинар по превентивной дипломатии"], []),
    ("/search дипломатии", None, ["Семинар по превентивной дипломатии"], []),
    ("/search Самарканде", None, ["Брифинг", "Отменена"], []),
    ("/search Ош", None, ["Консультации по пограничному"], []),
    ("/search Вене", None, ["Семинар"], []),
    ("when is the meeting in Vienna?", None, ["10 March 2026"], ["Osh"]),
]
TITLES_AND_COUNTS: list[Case] = [
    ("where is the eighth meeting?", None, ["Almaty", "4 March 2027"], []),
    ("Где пройдёт восьмая встреча?", None, ["Алматы"], []),
    ("When is the 8th meeting?", None, ["4 March 2027"], []),
    ("Is there a seminar in Vienna?", "Yes", ["Vienna"], []),
    ("when is the briefing?", "Cancelled", ["10 May 2027"], []),
    ("Когда семинар в Вене?", None, ["10 марта 2026"], []),
    ("when are the consultations in Osh?", None, ["1 June 2027"], []),
    ("how many meetings were held in 2015?", None, ["I know of 1 meeting", "Dushanbe"], []),
    ("how many meetings are planned in 2027?", None, ["I know of 2 meetings"], ["Workshop"]),
    ("Сколько встреч было в 2014 году?", None, ["в моих записях: 1"], []),
    ("meetings in March 2027", None, ["Eighth annual"], ["Osh"]),
    ("встречи в 2027 году", None, ["Восьмая", "Ош"], []),
    ("What meetings are there in June 2027?", None, ["Osh"], ["Almaty"]),
]
PEOPLE: list[Case] = [
    ("who is UNRCCA head", None, [], []),
    ("Who chaired the eighth meeting?", None, ["who will chair it"], []),
    ("Who will speak at the meeting in Osh?", None, [], []),
    ("How many delegates came to the fifth meeting?", None, ["how many people took part"], []),
    ("Who signed the declaration in Ashgabat?", None, [], []),
    ("Кто возглавлял делегацию Казахстана на шестой встрече?", None, [], []),
    ("Сколько человек участвовало в пятой встрече?", None, [], []),
    ("Кто модерировал встречу в Душанбе?", None, [], []),
    ("Who represented Uzbekistan in Dushanbe?", None, [], []),
    ("Who was the Kazakh deputy minister at the sixth meeting?", None, [], []),
    ("How many ministers will come to Almaty?", None, [], []),
    ("Who is the spokesperson of the Centre?", None, [], []),
]
PARTS: list[Case] = [
    ("where is it and who organises the sixth meeting?", None, ["Dushanbe", "organized by"], []),
    ("кто организовал и кто поддержал шестую встречу?", None, ["Регионал", "Министерств"], []),
    ("Where was the fifth meeting and who chaired it?", None, ["Ashgabat", "who chaired it"], []),
    ("When was the sixth meeting and what was discussed?", None,
     ["27 November 2015", "what was discussed"], []),
]  # fmt: skip
TENSE_AND_LINKS: list[Case] = [
    ("What was discussed at the fifth meeting?", None, ["/event_1"], [" or was"]),
    ("Who chaired the fifth meeting?", None, ["who chaired it"], ["chairs or"]),
    ("Кто председательствовал на восьмой встрече?", None, ["будет на ней председательствовать"],
     ["или"]),
    ("Who organised the sixth meeting?", None, ["was organized by", "/event_2"], []),
    ("Who organised the fifth meeting?", None, ["who organized it", "/event_1"], ["organizes"]),
    ("who organizes the eighth meeting?", None, ["/event_5"], ["is or was"]),
    ("When was the fifth meeting?", None, ["/event_1"], []),
    ("Где прошла шестая встреча?", None, ["/event_2"], []),
    ("what will be discussed in Osh?", None, ["what will be discussed"], []),
]  # fmt: skip
EXPECT_UNKNOWN = {question for question, *_ in PEOPLE}
CASES = YES_NO + STATUS_FIRST + RELATIONS + MORPHOLOGY + TITLES_AND_COUNTS + PEOPLE + PARTS
CASES += TENSE_AND_LINKS


def problems(question: str, answer: str, case: Case) -> list[str]:
    _, start, present, absent = case
    found = []
    if start and not re.match(rf"^[\W_]*{re.escape(start)}\b", answer, re.I):
        found.append(f"does not start with {start!r}")
    found += [f"lacks {item!r}" for item in present if item.lower() not in answer.lower()]
    found += [f"holds {item!r}" for item in absent if item.lower() in answer.lower()]
    if question in EXPECT_UNKNOWN and not UNKNOWN.search(answer):
        found.append("does not admit it lacks the fact")
    return found


async def test_every_kind_is_answered_truthfully(database: Database) -> None:
    await fill(database)
    runtime = runtime_at(database, NOW)
    failures = []
    for case in CASES:
        reply = await respond(runtime, Inquiry(text=case[0]))
        answer = html_to_text(reply.text)
        found = problems(case[0], answer, case)
        if found:
            failures.append(f"{case[0]!r}: {', '.join(found)}\n    -> {answer[:300]!r}")
    assert failures == [], "\n".join(failures)


def test_the_table_holds_eighty_phrasings_in_both_languages() -> None:
    russian = [case for case in CASES if re.search("[а-я]", case[0], re.I)]
    assert len(CASES) >= 80 and len(russian) >= 25
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("kind", ["briefing", "workshop"])
async def test_a_cancelled_meeting_is_never_offered_as_next(database: Database, kind: str) -> None:
    await fill(database)
    runtime = runtime_at(database, NOW)
    reply = await respond(runtime, Inquiry(text="/next"))
    assert kind not in reply.text.lower()
