"""Whole questions (issue 19) over a store of 26 meetings added through the form and /import
(tests/support/whole_store.py): claims checked against the clock and the records, roles of
countries and organisations, subjects from titles and summaries, comparisons, date arithmetic,
relative periods, false premises, terms, framing, small talk and words left unread.

Every phrasing is our own, in English and Russian. A case names what the reply must start with
(its first word, markup and emoji aside), what it must hold and what it must not.
"""

from __future__ import annotations

import re

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from storage.database import Database
from tests.support.whole_store import fill

Case = tuple[str, str | None, list[str], list[str]]
# What an honest "I do not have that" looks like, in either language.
UNKNOWN = re.compile(r"do not have information|no record|нет сведений|не указана", re.I)
NO_VERDICT = ["Yes", "No.", "Да.", "Нет."]

STILL_TO_COME: list[Case] = [
    ("Is the Ashgabat meeting yet to take place?", "Yes", ["Training on mediation"], []),
    ("Is the training in Ashgabat still to come?", "Yes", ["15 December 2026"], []),
    ("Has the energy meeting in Ashgabat already happened?", "No", ["8 December 2026"], []),
    ("Is the eighth meeting coming up?", "Yes", ["4 March 2027"], []),
    ("Is the seventh meeting still ahead?", "No", ["already taken place", "2 December 2016"],
     []),
    ("Is the fifth meeting coming up?", "No", ["28 November 2014"], []),
    ("Восьмая встреча ещё впереди?", "Да", ["4 марта 2027"], []),
    ("Седьмая встреча ещё предстоит?", "Нет", ["уже прошла", "2 декабря 2016"], []),
    ("Пятая встреча ещё впереди?", "Нет", ["28 ноября 2014"], []),
]  # fmt: skip
ROLES: list[Case] = [
    ("Did Kazakhstan host the eighth meeting?", "Yes", ["Almaty"], []),
    ("Did Kazakhstan host the sixth meeting?", "No", ["Dushanbe"], []),
    ("Did Tajikistan host the sixth meeting?", "Yes", ["27 November 2015"], []),
    ("Did Turkmenistan host the training on mediation?", "Yes", ["Ashgabat"], []),
    ("Did Uzbekistan host the seventh meeting?", "Yes", ["Tashkent"], []),
    ("Did the Ministry of Foreign Affairs of Uzbekistan support the seminar on water diplomacy?",
     "Yes", ["Seminar on water diplomacy"], []),
    ("Did Kyrgyzstan support the eighth meeting?", "No", ["Kazakhstan"], []),
    ("Did Tajikistan support the sixth meeting?", "Yes", ["Ministry of Foreign Affairs"], []),
    ("Was the sixth meeting organised by UNRCCA?", "Yes", ["Regional Centre"], []),
    ("Did UNRCCA organise the training in Ashgabat?", "Yes", ["Training on mediation"], []),
    ("Did the OSCE support the seminar on transboundary water management?", "Yes",
     ["the OSCE"], []),
    ("Did the OSCE support the eighth meeting?", "No", ["Kazakhstan"], []),
    ("Did Kyrgyzstan support the seminar in Bishkek and was water discussed?", "Yes",
     ["transboundary waters"], []),
    ("Did Tajikistan support the sixth meeting and was security discussed?", None,
     ["do not have information about what was discussed"], NO_VERDICT),
    # Nobody is recorded as supporting the workshop: a No would be a guess.
    ("Did the OSCE support the workshop in Dushanbe?", None, ["who supports it"], NO_VERDICT),
    ("Поддержал ли МИД Казахстана восьмую встречу?", "Да", ["Kazakhstan"], []),
    ("Поддержал ли МИД Узбекистана восьмую встречу?", "Нет", ["Kazakhstan"], []),
    ("Организовал ли РЦПДЦА шестую встречу?", "Да", ["Региональный центр"], []),
    ("Принимал ли Казахстан шестую встречу?", "Нет", ["Душанбе"], []),
]  # fmt: skip
SUBJECTS: list[Case] = [
    ("Was Afghanistan discussed at the conference in Tashkent?", "Yes",
     ["humanitarian aid to Afghanistan"], []),
    ("Was drug trafficking discussed in Bishkek?", "Yes", ["Meeting of heads of border"], []),
    ("Did the seminar in Vienna talk about water?", "Yes", ["regional security and water"], []),
    ("Was media freedom discussed in Bishkek?", "Yes", ["Round table on media"], []),
    ("Did the fifth meeting discuss security?", "Yes", ["Ashgabat"], []),
    ("Were glaciers discussed in Almaty?", None, ["no record"], NO_VERDICT),
    ("Did the sixth meeting discuss water?", None, ["do not have information"], NO_VERDICT),
    ("Was the weather discussed at the fifth meeting?", None, ["no record"], NO_VERDICT),
    ("Говорили ли об Афганистане на пятой встрече?", "Да", ["Ашхабад"], []),
    ("Обсуждали ли безопасность в Ашхабаде?", "Да", ["Пятая"], []),
    ("Обсуждалась ли вода на шестой встрече?", None, ["нет сведений"], NO_VERDICT),
    ("When is the meeting on transboundary waters?", None, ["12 April 2027", "Bishkek"], []),
    ("Where is the seminar on cyber security?", None, ["Astana"], []),
    ("When is the meeting about the Aral Sea?", None, ["19 February 2025"], []),
    ("Which meetings are about water?", None,
     ["Seminar on water diplomacy", "Workshop on climate", "Seminar on preventive diplomacy"],
     ["Aral Sea", "Osh"]),
    ("Which upcoming meetings are about water?", None, ["Seminar on water diplomacy"],
     ["Workshop on climate"]),
    ("Какие встречи были про безопасность?", None, ["Пятая"], []),
]  # fmt: skip
COMPARISONS: list[Case] = [
    ("Which came first, the seventh or the eighth meeting?", None,
     ["Seventh annual Meeting of Central Asian Deputy Ministers of Foreign Affairs came first"],
     []),
    ("Which was earlier, the meeting in Samarkand or the one in Osh?", None,
     ["Briefing on water security came first"], []),
    ("Which is later, the seminar in Vienna or the workshop in Almaty?", None,
     ["Seminar on preventive diplomacy came later"], ["Eighth"]),
    ("Which came first, the conference on Afghanistan or the meeting of heads of border "
     "services?", None, ["number or its city"], ["1st meeting"]),
    ("Какая встреча была раньше: седьмая или восьмая?", None, ["Раньше была Seventh"], []),
    ("Did the eighth meeting happen before the seventh?", "No", ["Seventh annual"], []),
    ("Was the seventh meeting earlier than the eighth?", "Yes", ["came first"], []),
    ("Was the sixth meeting after the fifth?", "Yes", ["came later"], []),
    ("Была ли восьмая встреча раньше седьмой?", "Нет", ["Раньше была"], []),
    ("Is the meeting after the fifth in Dushanbe?", "Yes", ["Sixth annual"], []),
    ("How many days between the fifth and the sixth meeting?", None, ["364 days"], []),
    ("How many days between the sixth and the seventh meetings?", None, ["371 days"], []),
    ("How many months between the seventh and the eighth meetings?", None, ["123 months"], []),
    ("How many years between the fifth and the eighth meetings?", None, ["12 years"], []),
    ("How long ago was the fifth meeting?", None, ["4,384 days", "about 12 years"], []),
    ("How many years ago was the seventh meeting?", None, ["9 years"], []),
    ("How many days from 1 January 2027 to the eighth meeting?", None,
     ["62 days", "1 January 2027"], []),
    ("Сколько дней прошло с 1 января 2016 года до седьмой встречи?", None, ["336 дней"], []),
    ("How many days until the training in Ashgabat?", None, ["16 days remain"], []),
    ("How long until the eighth meeting?", None, ["95 days"], ["how long it"]),
    ("Сколько дней прошло между пятой и шестой встречами?", None, ["364 дня"], []),
    ("Сколько лет прошло с пятой встречи?", None, ["12 лет"], []),
    ("Сколько дней осталось до восьмой встречи?", None, ["95 дней"], []),
]  # fmt: skip
PREMISES: list[Case] = [
    ("Why was the sixth meeting cancelled?", None, ["was not cancelled", "27 November 2015"],
     NO_VERDICT),
    ("Why was the eighth meeting called off?", None, ["is not cancelled", "4 March 2027"], []),
    ("Why was the briefing in Samarkand cancelled?", "Cancelled", ["give no reason"], []),
    ("Почему отменили восьмую встречу?", None, ["не отменена", "4 марта 2027"], []),
    ("Почему отменили пятую встречу?", None, ["не была отменена"], []),
    ("Почему отменили брифинг в Самарканде?", "Отменена", ["не указана"], []),
    ("Why was the Ashgabat training postponed?", None, ["not cancelled or moved"], NO_VERDICT),
    ("Почему перенесли шестую встречу?", None, ["не была отменена или перенесена"], []),
]  # fmt: skip
COUNTS_AND_PERIODS: list[Case] = [
    ("How many meetings are still to come?", None, ["12 meetings still to come"], []),
    ("How many meetings have already been held?", None, ["12 meetings already held"], []),
    ("How many meetings were held last year?", None, ["2 meetings last year", "Aral Sea"],
     ["Vienna"]),
    ("Сколько встреч ещё предстоит?", None, ["12"], ["Aral"]),
    ("Сколько встреч уже прошло?", None, ["12"], ["cyber"]),
    ("Сколько всего было встреч?", None, ["12"], []),
    ("Сколько встреч было в прошлом году?", None, ["2", "Aral Sea"], []),
    ("How many meetings were cancelled?", None, ["2 cancelled meetings", "Samarkand"], []),
    ("Has any meeting been cancelled?", "Yes", ["Briefing on water security",
                                                "countering violent extremism"], []),
    ("Сколько встреч отменили?", None, ["Отменённых встреч в моих записях: 2"], []),
    ("Were there any meetings this month?", "Yes", ["Round table on media"], []),
    ("Какие встречи были в этом месяце?", None, ["Round table on media"], ["Vienna"]),
    ("Was there a meeting in Vienna in the past 12 months?", "Yes", ["10 March 2026"], []),
    ("Была ли встреча в Ашхабаде в прошлом году?", "Нет", ["в прошлом году"], []),
    ("Is there a meeting in Ashgabat next month?", "Yes", ["Expert meeting on energy"], []),
    ("Is there a meeting in Bishkek next week?", "No", ["next week"], []),
    ("When is the next meeting in Ashgabat?", None, ["Expert meeting on energy"], []),
    ("When is the next meeting in Vienna?", None, ["No meeting in Vienna is scheduled",
                                                    "10 March 2026"], ["Almaty"]),
    ("Когда следующая встреча в Вене?", None, ["не запланировано"], []),
    ("Когда следующая встреча в Бишкеке?", None, ["12 апреля 2027"], []),
]  # fmt: skip
FIRST_AND_LAST: list[Case] = [
    ("When was the first meeting in Dushanbe?", None, ["27 November 2015"], ["1st"]),
    ("What was the first meeting in Almaty?", None, ["Meeting with civil society"], []),
    ("Когда была первая встреча в Ташкенте?", None, ["2 декабря 2016"], []),
    ("When was the last meeting in Bishkek?", None, ["Round table on media"], []),
    ("Who hosted the eighth meeting?", None, ["Almaty, Kazakhstan", "UNRCCA"], []),
    ("Какая страна принимала восьмую встречу?", None, ["Казахстан (Алматы)"], []),
    ("Встреча в Вене уже прошла?", "Да", ["10 марта 2026"], []),
    ("When was the first meeting?", None, ["do not have information about the 1st meeting"],
     []),
]  # fmt: skip
TERMS_AND_TALK: list[Case] = [
    ("What is preventive diplomacy?", None, ["prevent disputes", "Source"], []),
    ("Explain preventive diplomacy briefly", None, ["prevent disputes"], []),
    ("Что такое превентивная дипломатия?", None, ["не допустить", "Источник"], []),
    ("What is the Programme of Action?", None, ["2015-2017"], []),
    ("What does UNRCCA stand for?", None, ["РЦПДЦА", "Regional Centre"], []),
    ("Как расшифровывается РЦПДЦА?", None, ["UNRCCA"], []),
    ("thanks", None, ["welcome"], ["/event"]),
    ("thank you so much!", None, ["welcome"], ["/event"]),
    ("спасибо большое!", None, ["Пожалуйста"], ["/event"]),
    ("hello", None, ["Hello"], ["/event"]),
    ("Thank you, that helps.", None, ["welcome"], ["/event"]),
    ("I am a journalist. When was the sixth meeting?", None, ["27 November 2015"],
     ["press and media"]),
    ("Hello, I'm writing an article. Where will the eighth meeting be held?", None,
     ["Almaty"], []),
    ("Здравствуйте, я журналист. Где прошла пятая встреча?", None, ["Ашхабад"], []),
    ("I'm a student, when is the seminar on cyber security?", None, ["25 January 2027"], []),
]  # fmt: skip
UNREAD: list[Case] = [
    ("When was the meeting, mate?", None, ["“mate”"], ["climate"]),
    ("Where is the eighth meeting, buddy?", None, ["Almaty", "“buddy”"], []),
    ("Is the sixth meeting in Dushanbe, dude?", "I", ["could not read the whole", "“dude”"], []),
    ("How many meetings about zebras were there?", None, ["no number", "“zebras”"], []),
    ("Прошла ли уже встреча по энергетике в Ашхабаде?", "Я", ["не целиком"], []),
]  # fmt: skip
CASES = STILL_TO_COME + ROLES + SUBJECTS + COMPARISONS + PREMISES + COUNTS_AND_PERIODS
CASES += FIRST_AND_LAST + TERMS_AND_TALK + UNREAD
EXPECT_UNKNOWN = {
    "Were glaciers discussed in Almaty?", "Did the sixth meeting discuss water?",
    "Was the weather discussed at the fifth meeting?", "Обсуждалась ли вода на шестой встрече?",
    "Did the OSCE support the workshop in Dushanbe?", "When was the first meeting?",
    "Did Tajikistan support the sixth meeting and was security discussed?",
}  # fmt: skip


def problems(answer: str, case: Case) -> list[str]:
    question, start, present, absent = case
    found = []
    if start and not re.match(rf"^[\W_]*{re.escape(start)}\b", answer, re.I):
        found.append(f"does not start with {start!r}")
    found += [f"lacks {item!r}" for item in present if item.lower() not in answer.lower()]
    found += [f"holds {item!r}" for item in absent if item.lower() in answer.lower()]
    if (question in EXPECT_UNKNOWN) != bool(UNKNOWN.search(answer)) and start is None:
        found.append("says it lacks a fact" if question not in EXPECT_UNKNOWN else "guesses")
    return found


async def test_whole_questions_are_answered_truthfully(database: Database) -> None:
    runtime = await fill(database)
    failures = []
    for case in CASES:
        answer = html_to_text((await respond(runtime, Inquiry(text=case[0]))).text)
        found = problems(answer, case)
        if found:
            failures.append(f"{case[0]!r}: {', '.join(found)}\n    -> {answer[:300]!r}")
    assert failures == [], "\n".join(failures)


def test_the_table_holds_a_hundred_phrasings_in_both_languages() -> None:
    russian = [case for case in CASES if re.search("[а-я]", case[0], re.I)]
    assert len(CASES) >= 95 and len(russian) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)
