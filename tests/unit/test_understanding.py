"""Question understanding: intents and meeting references from English and Russian phrasings.

The cases are our own phrasings of the facts the bot knows (and some it does not), with typos,
Russian cases and ordinals in words and digits, so that the rules are tested beyond the
development questions.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.understanding import Intent, MeetingRef, detect_language, understand

I = Intent  # noqa: E741 - a one-letter alias keeps the table readable

CASES: list[tuple[str, Intent, dict[str, Any]]] = [
    # Where
    ("Where will the 6th meeting be held?", I.WHERE, {"ordinal": 6}),
    ("In which city is the sixth meeting?", I.WHERE, {"ordinal": 6}),
    ("wher is the sixth meting", I.WHERE, {"ordinal": 6}),
    ("What was the venue of the fifth meeting?", I.WHERE, {"ordinal": 5}),
    ("Where did the previous meeting happen?", I.WHERE, {"relative": "previous"}),
    ("Where is the next one?", I.WHERE, {"relative": "next"}),
    ("Where was the fourth meeting?", I.WHERE, {"ordinal": 4}),
    ("where was the forth meeting", I.WHERE, {"ordinal": 4}),
    ("Where was meeting No. 5?", I.WHERE, {"ordinal": 5}),
    ("Где будет шестая встреча?", I.WHERE, {"ordinal": 6}),
    ("Где проходила пятая встреча замминистров?", I.WHERE, {"ordinal": 5}),
    ("В каком городе пройдет 6-я встреча?", I.WHERE, {"ordinal": 6}),
    ("Где состоится шестое совещание?", I.WHERE, {"ordinal": 6}),
    ("Место проведения пятой встречи?", I.WHERE, {"ordinal": 5}),
    ("Где прошла встреча 28 ноября 2014 года?", I.WHERE, {"day": datetime.date(2014, 11, 28)}),
    ("Где проводилась встреча в 2014 г.?", I.WHERE, {"year": 2014}),
    ("Где будет следующая встреча?", I.WHERE, {"relative": "next"}),
    # When
    ("When does the sixth meeting take place?", I.WHEN, {"ordinal": 6}),
    ("what is the date of the 5th meeting", I.WHEN, {"ordinal": 5}),
    ("When is the meeting in Dushanbe?", I.WHEN, {"city": "Dushanbe"}),
    ("when was the ashkhabad meeting", I.WHEN, {"city": "Ashgabat"}),
    ("Date of the Ashgabat meeting?", I.WHEN, {"city": "Ashgabat"}),
    ("When is the next meeting?", I.WHEN, {"relative": "next"}),
    ("When was the last meeting?", I.WHEN, {"relative": "last"}),
    ("When was the most recent meeting?", I.WHEN, {"relative": "last"}),
    ("In what year was the meeting in Turkmenistan?", I.WHEN, {"country": "TM"}),
    ("Когда шестая встреча?", I.WHEN, {"ordinal": 6}),
    ("Когда пройдет встреча в Душанбе?", I.WHEN, {"city": "Dushanbe"}),
    ("Когда была встреча в Ашхабаде?", I.WHEN, {"city": "Ashgabat"}),
    ("Какого числа состоится шестую встречу", I.WHEN, {"ordinal": 6}),
    ("Дата пятой встречи", I.WHEN, {"ordinal": 5}),
    ("Когда будет 6-й раунд встреч?", I.WHEN, {"ordinal": 6}),
    ("кагда встреча в Таджикистане", I.WHEN, {"country": "TJ"}),
    ("Когда состоялась предыдущая встреча?", I.WHEN, {"relative": "previous"}),
    ("В каком году прошла встреча в Туркмении?", I.WHEN, {"country": "TM"}),
    # Time
    ("What time does the Dushanbe meeting start?", I.TIME, {"city": "Dushanbe"}),
    ("At what time is the sixth meeting?", I.TIME, {"ordinal": 6}),
    ("Во сколько начнется шестая встреча?", I.TIME, {"ordinal": 6}),
    ("В котором часу начало встречи в Душанбе?", I.TIME, {"city": "Dushanbe"}),
    # When and where together
    ("When and where is the sixth meeting?", I.DETAILS, {"ordinal": 6}),
    ("Где и когда пройдет шестая встреча?", I.DETAILS, {"ordinal": 6}),
    # Country
    ("Which country hosts the sixth meeting?", I.COUNTRY, {"ordinal": 6}),
    ("In what country was the fifth meeting held?", I.COUNTRY, {"ordinal": 5}),
    ("В какой стране прошла пятая встреча?", I.COUNTRY, {"ordinal": 5}),
    # Organizer and supporters
    ("Who is organising the Dushanbe meeting?", I.ORGANIZER, {"city": "Dushanbe"}),
    ("Who hosts the sixth annual meeting?", I.ORGANIZER, {"ordinal": 6}),
    ("organizer of the meeting?", I.ORGANIZER, {}),
    ("Кто организатор встречи в Душанбе?", I.ORGANIZER, {"city": "Dushanbe"}),
    ("Кем организована шестая встреча?", I.ORGANIZER, {"ordinal": 6}),
    ("Who supported the meeting in Dushanbe?", I.SUPPORTERS, {"city": "Dushanbe"}),
    ("With whose support is the 6th meeting held?", I.SUPPORTERS, {"ordinal": 6}),
    # A yes/no question naming a supporter claims the role (checked against the records).
    ("Was the Tajik MFA a sponsor of the meeting?", I.EXISTS, {}),
    ("При чьей поддержке проходит встреча в Душанбе?", I.SUPPORTERS, {"city": "Dushanbe"}),
    ("Кто поддерживает шестую встречу?", I.SUPPORTERS, {"ordinal": 6}),
    # Agenda
    ("What was discussed in Ashgabat?", I.AGENDA, {"city": "Ashgabat"}),
    ("What topics were on the agenda of the fifth meeting?", I.AGENDA, {"ordinal": 5}),
    ("What was the purpose of the Ashgabad meeting?", I.AGENDA, {"city": "Ashgabat"}),
    ("What is the sixth meeting about", I.AGENDA, {"ordinal": 6}),
    # A yes/no question about a subject claims it was discussed: EXISTS with a topic claim.
    ("Was Afghanistan discussed at the fifth meeting?", I.EXISTS, {"ordinal": 5, "country": None}),
    ("Что обсуждали на встрече в Ашхабаде?", I.AGENDA, {"city": "Ashgabat"}),
    ("О чем говорили на пятой встрече?", I.AGENDA, {"ordinal": 5}),
    ("Какие темы обсуждались в Туркменистане?", I.AGENDA, {"country": "TM"}),
    ("Какие итоги встречи в Ашхабаде?", I.AGENDA, {"city": "Ashgabat"}),
    # Details: a bare reference
    ("Dushanbe?", I.DETAILS, {"city": "Dushanbe"}),
    ("6th meeting", I.DETAILS, {"ordinal": 6}),
    ("VI meeting", I.DETAILS, {"ordinal": 6}),
    ("the twentieth meeting", I.DETAILS, {"ordinal": 20}),
    ("встреча в Ашхабаде", I.DETAILS, {"city": "Ashgabat"}),
    ("Расскажи о шестой встрече", I.DETAILS, {"ordinal": 6}),
    ("Информация о встрече в Таджикистане", I.DETAILS, {"country": "TJ"}),
    (
        "Tell me about the meeting on 27 November 2015",
        I.DETAILS,
        {"day": datetime.date(2015, 11, 27)},
    ),
    ("meeting on 28.11.2014", I.DETAILS, {"day": datetime.date(2014, 11, 28)}),
    ("Что было 27 ноября 2015?", I.AGENDA, {"day": datetime.date(2015, 11, 27)}),
    ("next meeting", I.DETAILS, {"relative": "next"}),
    ("Следующая встреча", I.DETAILS, {"relative": "next"}),
    ("прошлая встреча", I.DETAILS, {"relative": "previous"}),
    ("последняя встреча?", I.DETAILS, {"relative": "last"}),
    ("Ашхабадом", I.DETAILS, {"city": "Ashgabat"}),
    ("meeting in Almati", I.DETAILS, {"city": "Almaty"}),
    ("Dushanbeh meeting", I.DETAILS, {"city": "Dushanbe"}),
    ("2014", I.DETAILS, {"year": 2014}),
    # Exists
    ("Is there a meeting in Almaty?", I.EXISTS, {"city": "Almaty"}),
    ("Were there any meetings in 2013?", I.EXISTS, {"year": 2013}),
    ("Did the fifth meeting happen in Ashgabat?", I.EXISTS, {"ordinal": 5, "city": "Ashgabat"}),
    ("Была ли встреча в Бишкеке?", I.EXISTS, {"city": "Bishkek"}),
    ("Будет ли встреча в Ташкенте в 2016 году?", I.EXISTS, {"city": "Tashkent", "year": 2016}),
    ("Проходила ли встреча в Казахстане?", I.EXISTS, {"country": "KZ"}),
    ("Есть ли встреча в Астане?", I.EXISTS, {"city": "Astana"}),
    # Lists
    ("Show all meetings", I.LIST_PAST, {}),
    ("Which meetings have there been?", I.LIST_PAST, {}),
    ("meetings", I.LIST_PAST, {}),
    ("How many meetings took place?", I.COUNT, {}),
    ("Прошедшие встречи", I.LIST_PAST, {}),
    ("Список прошлых встреч", I.LIST_PAST, {}),
    ("Какие встречи уже были?", I.LIST_PAST, {}),
    ("Upcoming meetings", I.LIST_UPCOMING, {}),
    ("What's planned?", I.LIST_UPCOMING, {}),
    ("Any future meetings scheduled?", I.LIST_UPCOMING, {}),
    ("Предстоящие встречи", I.LIST_UPCOMING, {}),
    ("Какие встречи запланированы?", I.LIST_UPCOMING, {}),
    # The Centre
    ("what is the UN Regional Centre for Preventive Diplomacy?", I.CENTRE_WHAT, {}),
    ("Tell me about UNRCCA", I.CENTRE_WHAT, {}),
    ("What does the center do?", I.CENTRE_WHAT, {}),
    ("unrca?", I.CENTRE_WHAT, {}),
    ("Что такое Региональный центр ООН?", I.CENTRE_WHAT, {}),
    ("Расскажи про РЦПДЦА", I.CENTRE_WHAT, {}),
    ("When was the Center founded?", I.CENTRE_OPENED, {}),
    ("In which year was UNRCCA established?", I.CENTRE_OPENED, {}),
    ("Когда создан РЦПДЦА?", I.CENTRE_OPENED, {}),
    ("В каком году открылся центр?", I.CENTRE_OPENED, {}),
    ("Which countries does UNRCCA cover?", I.CENTRE_COUNTRIES, {}),
    ("What is the centre's zone of responsibility?", I.CENTRE_COUNTRIES, {}),
    ("Каким странам помогает Центр?", I.CENTRE_COUNTRIES, {}),
    ("С какими государствами работает РЦПДЦА?", I.CENTRE_COUNTRIES, {}),
    ("What is the mandate of UNRCCA?", I.CENTRE_TASKS, {}),
    ("What are the centre's tasks?", I.CENTRE_TASKS, {}),
    ("Какие задачи у Центра?", I.CENTRE_TASKS, {}),
    ("What period does the Program of Action cover?", I.CENTRE_PROGRAMME, {}),
    ("На какой период новая программа действий РЦПДЦА?", I.CENTRE_PROGRAMME, {}),
    ("Программа действий центра", I.CENTRE_PROGRAMME, {}),
    ("What is the United Nations Regional Centre for Preventive Diplomacy?", I.CENTRE_WHAT, {}),
    ("Why was the centre created?", I.CENTRE_WHAT, {}),
    ("Зачем создан центр?", I.CENTRE_WHAT, {}),
    ("Когда Центр был инаугурирован?", I.CENTRE_OPENED, {}),
    ("С какого года работает центр?", I.CENTRE_OPENED, {}),
    ("Which states does the Centre help?", I.CENTRE_COUNTRIES, {}),
    ("What does the Centre assist governments with?", I.CENTRE_TASKS, {}),
    ("How does the Centre help Central Asian countries?", I.CENTRE_TASKS, {}),
    ("Чем РЦПДЦА помогает странам Центральной Азии?", I.CENTRE_TASKS, {}),
    ("За что отвечает центр?", I.CENTRE_TASKS, {}),
    ("Which meetings are upcoming?", I.LIST_UPCOMING, {}),
    ("Is anything planned?", I.LIST_UPCOMING, {}),
    ("When will the deputy ministers meet next?", I.WHEN, {"relative": "next"}),
    ("Which ministry supports the sixth meeting?", I.SUPPORTERS, {"ordinal": 6}),
    ("Who helps organize the meeting in Dushanbe?", I.SUPPORTERS, {"city": "Dushanbe"}),
    ("Какое министерство поддерживает встречу в Душанбе?", I.SUPPORTERS, {"city": "Dushanbe"}),
    ("Кто проводит встречу в Душанбе?", I.ORGANIZER, {"city": "Dushanbe"}),
    ("Обсуждался ли Афганистан?", I.EXISTS, {"country": None}),
    ("Ташкентская встреча", I.DETAILS, {"city": "Tashkent"}),
    ("кагда будет шестая встерча", I.WHEN, {"ordinal": 6}),
    ("Were is the meeting?", I.WHERE, {}),
    ("What did they dicuss in Ashgabat?", I.AGENDA, {"city": "Ashgabat"}),
    ("When was the Centre establised?", I.CENTRE_OPENED, {}),
    # Greetings, thanks, nonsense
    ("hello there", I.GREETING, {}),
    ("Привет!", I.GREETING, {}),
    ("What can you do?", I.GREETING, {}),
    ("Thanks a lot!", I.THANKS, {}),
    ("спасибо", I.THANKS, {}),
    ("asdf", I.UNCLEAR, {}),
    ("?", I.UNCLEAR, {}),
    ("Where can I buy a cheap laptop today?", I.UNCLEAR, {}),
    ("", I.UNCLEAR, {}),
]

UNKNOWN: list[tuple[str, str, dict[str, Any]]] = [
    ("Who chaired the sixth meeting?", "chair", {"ordinal": 6}),
    ("who was the chairman in Ashgabat", "chair", {"city": "Ashgabat"}),
    ("Кто председательствовал на пятой встрече?", "chair", {"ordinal": 5}),
    ("Кто вел встречу в Душанбе?", "chair", {"city": "Dushanbe"}),
    ("How many people attended the fifth meeting?", "attendance", {"ordinal": 5}),
    ("Сколько человек участвовало во встрече?", "attendance", {}),
    ("Who took part in the Dushanbe meeting?", "participants", {"city": "Dushanbe"}),
    ("Кто участвовал в пятой встрече?", "participants", {"ordinal": 5}),
    ("Who spoke at the sixth meeting?", "speakers", {"ordinal": 6}),
    ("Кто выступал в Ашхабаде?", "speakers", {"city": "Ashgabat"}),
    ("Were any agreements signed in Ashgabat?", "outcome", {"city": "Ashgabat"}),
    ("Какие документы подписали на пятой встрече?", "outcome", {"ordinal": 5}),
    ("What was the budget of the meeting?", "budget", {}),
    ("What's the weather in Dushanbe?", "weather", {"city": "Dushanbe"}),
    ("Какая погода будет в Душанбе?", "weather", {"city": "Dushanbe"}),
    ("How long did the fifth meeting last?", "duration", {"ordinal": 5}),
    ("How can I register for the meeting?", "registration", {}),
    ("Who heads UNRCCA?", "centre_head", {}),
    ("Where is UNRCCA based?", "centre_location", {}),
    ("Which countries participated in the fifth meeting?", "participants", {"ordinal": 5}),
    ("Who represented Kazakhstan?", "participants", {"country": "KZ"}),
    ("Is the meeting open to the public?", "registration", {}),
    ("Who opened the meeting?", "speakers", {}),
    ("Was a joint declaration adopted?", "outcome", {}),
    ("Кто руководит РЦПДЦА?", "centre_head", {}),
    ("Сколько длилась встреча?", "duration", {}),
    ("Сколько стоила встреча?", "budget", {}),
    ("Где находится РЦПДЦА?", "centre_location", {}),
]


def assert_meeting(meeting: MeetingRef, expected: dict[str, Any]) -> None:
    for field, value in expected.items():
        assert getattr(meeting, field) == value, field


@pytest.mark.parametrize(("text", "intent", "meeting"), CASES)
def test_understands_intent_and_meeting(
    text: str, intent: Intent, meeting: dict[str, Any]
) -> None:
    question = understand(text)
    assert question.intent is intent
    assert question.missing is None
    assert_meeting(question.meeting, meeting)


@pytest.mark.parametrize(("text", "missing", "meeting"), UNKNOWN)
def test_names_the_fact_it_cannot_have(text: str, missing: str, meeting: dict[str, Any]) -> None:
    question = understand(text)
    assert (question.intent, question.missing) == (Intent.UNKNOWN_FACT, missing)
    assert_meeting(question.meeting, meeting)


ORDINALS = [
    ("first meeting", 1), ("the 2nd meeting", 2), ("third", 3), ("3rd meeting", 3),
    ("fourth meeting", 4), ("forth meeting", 4), ("the fith meeting", 5), ("5th", 5),
    ("sixth", 6), ("6th", 6), ("Sixth Meeting", 6), ("meeting #6", 6), ("meeting number 6", 6),
    ("VI meeting", 6), ("V meeting", 5), ("seventh", 7), ("tenth meeting", 10),
    ("twelfth", 12), ("twenty-first meeting", 21), ("первая встреча", 1), ("второй встрече", 2),
    ("третья встреча", 3), ("третьей встрече", 3), ("четвертая встреча", 4), ("четвёртой", 4),
    ("пятая", 5), ("пятой", 5), ("пятую", 5), ("пятого", 5), ("пятом", 5), ("шестая", 6),
    ("шестой", 6), ("шестую", 6), ("шестого", 6), ("шестом", 6), ("6-я встреча", 6),
    ("6-й встрече", 6), ("6-ю встречу", 6), ("6-ой", 6), ("встреча №6", 6),
    ("встреча номер 6", 6), ("седьмая", 7), ("десятая", 10), ("пятнадцатой", 15),
    ("двадцатая", 20), ("двадцать первая встреча", 21),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ordinal"), ORDINALS)
def test_reads_ordinals_in_words_and_digits(text: str, ordinal: int) -> None:
    assert understand(text).meeting.ordinal == ordinal


PLACES: list[tuple[str, str | None, str | None]] = [
    ("meeting in Ashgabat", "Ashgabat", None), ("meeting in Ashkhabad", "Ashgabat", None),
    ("ashgabad", "Ashgabat", None), ("Ashkabad meeting", "Ashgabat", None),
    ("Ashgabat's meeting", "Ashgabat", None), ("meeting in Ashgabd", "Ashgabat", None),
    ("Dushambe", "Dushanbe", None), ("Dushanbi meeting", "Dushanbe", None),
    ("в Ашхабаде", "Ashgabat", None), ("из Ашхабада", "Ashgabat", None),
    ("над Ашхабадом", "Ashgabat", None), ("по Ашхабаду", "Ashgabat", None),
    ("в Душанбе", "Dushanbe", None), ("в Алматы", "Almaty", None),
    ("в Бишкеке", "Bishkek", None), ("в Ташкенте", "Tashkent", None),
    ("в Астане", "Astana", None), ("с Астаной", "Astana", None), ("в Москве", "Moscow", None),
    ("встреча в Алма-Ате", "Almaty", None), ("meeting in New York", "New York", None),
    ("в Нью-Йорке", "New York", None), ("meeting in Osh", "Osh", None),
    ("meeting in Mary", "Mary", None), ("the meeting in Turkmenistan", None, "TM"),
    ("в Туркменистане", None, "TM"), ("в Туркмении", None, "TM"),
    ("туркменская встреча", None, "TM"), ("Tajik MFA meeting", None, "TJ"),
    ("МИД Таджикистана", None, "TJ"), ("таджикского МИДа", None, "TJ"),
    ("in Kyrgyzstan", None, "KG"), ("в Киргизии", None, "KG"), ("в Кыргызстане", None, "KG"),
    ("в Казахстане", None, "KZ"), ("in Kazakstan", None, "KZ"), ("in Uzbekistan", None, "UZ"),
    ("в Узбекистане", None, "UZ"), ("Ashgabat, Turkmenistan", "Ashgabat", "TM"),
    # Words that must never be taken for a place
    ("meeting", None, None), ("mary asked about the meeting", None, None),
    ("the oral history of meetings", None, None), ("in Russian please", None, None),
    ("at the meeting of deputy ministers", None, None), ("встреча министров", None, None),
    ("семья и встреча в 2014 году", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "city", "country"), PLACES)
def test_finds_cities_and_countries(text: str, city: str | None, country: str | None) -> None:
    meeting = understand(text).meeting
    assert (meeting.city, meeting.country) == (city, country)


DATES: list[tuple[str, dict[str, Any]]] = [
    ("meeting on 27 November 2015", {"day": datetime.date(2015, 11, 27)}),
    ("meeting on November 27, 2015", {"day": datetime.date(2015, 11, 27)}),
    ("the 28th of November 2014", {"day": datetime.date(2014, 11, 28)}),
    ("27.11.2015", {"day": datetime.date(2015, 11, 27)}),
    ("2014-11-28", {"day": datetime.date(2014, 11, 28)}),
    ("встреча 27 ноября 2015 года", {"day": datetime.date(2015, 11, 27), "year": 2015}),
    ("встреча 28-го ноября", {"day": None, "month": 11, "day_of_month": 28}),
    ("meeting in November 2014", {"day": None, "month": 11, "year": 2014}),
    ("в ноябре 2014 г.", {"month": 11, "year": 2014}),
    ("in 2014", {"year": 2014, "ordinal": None}), ("в 2015 году", {"year": 2015}),
    ("2014 г.", {"year": 2014}), ("в 2014-м", {"year": 2014, "ordinal": None}),
    ("may I ask about the meeting", {"month": None}),
    ("31.02.2015", {"day": None}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "meeting"), DATES)
def test_reads_dates_and_years(text: str, meeting: dict[str, Any]) -> None:
    assert_meeting(understand(text).meeting, meeting)


RELATIVE: list[tuple[str, str | None]] = [
    ("next meeting", "next"), ("the upcoming meeting", "upcoming"),
    ("the coming meeting", "upcoming"), ("previous meeting", "previous"),
    ("the last meeting", "last"), ("latest meeting", "last"), ("the most recent one", "last"),
    ("следующая встреча", "next"), ("ближайшая встреча", "next"),
    ("предстоящей встрече", "upcoming"), ("предыдущей встречи", "previous"),
    ("прошлой встрече", "previous"), ("последняя встреча", "last"),
    # Not a reference to a meeting
    ("Was there a meeting last year in Ashgabat?", None),
    ("Где прошла встреча в Ашхабаде?", None),
    ("What future activities of the Centre were discussed?", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "relative"), RELATIVE)
def test_reads_relative_references(text: str, relative: str | None) -> None:
    assert understand(text).meeting.relative == relative


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("When is the meeting?", "en"), ("Когда встреча?", "ru"), ("Что такое UNRCCA?", "ru"),
        ("What is РЦПДЦА?", "en"), ("2014", None), ("?", None), ("", None),
    ],
)  # fmt: skip
def test_detects_the_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_the_question_carries_language_and_normalized_text() -> None:
    question = understand("Где пройдёт ШЕСТАЯ встреча?")
    assert (question.language, question.text) == ("ru", "где пройдет шестая встреча")
    assert understand("2014", fallback_language="ru").language == "ru"


def test_an_empty_reference_is_empty() -> None:
    assert MeetingRef().is_empty()
    assert not MeetingRef(year=2014).is_empty()


@pytest.mark.parametrize("text", ["🙂", "a" * 5000, "-- 6-", "№", "'s", "27.13.2015 в 25:00"])
def test_never_fails_on_odd_input(text: str) -> None:
    assert understand(text).intent in set(Intent)


# Whole questions (issue 19): what the reading makes of the words beyond one intent and meeting.
WHOLE: list[tuple[str, dict[str, Any]]] = [
    ("Is the Ashgabat meeting coming up?", {"intent": I.EXISTS, "upcoming": True}),
    ("Ашхабадская встреча ещё впереди?", {"intent": I.EXISTS, "upcoming": True}),
    ("Is the fifth meeting yet to take place?", {"upcoming": True, "already": False}),
    ("Has the eighth meeting taken place yet?", {"upcoming": False, "already": True}),
    ("Did Kazakhstan host the sixth meeting?", {"country": "KZ", "role": None}),
    ("Поддержал ли встречу в Душанбе МИД Кыргызстана?",
     {"city": "Dushanbe", "role": "supporters", "party": "KG"}),
    ("Did UNRCCA organise the fifth meeting?", {"role": "organizer", "party": "UNRCCA"}),
    ("Did the OSCE support the eighth meeting?", {"role": "supporters", "party_words": ("osce",)}),
    ("Did the Ashgabat meeting talk about Afghanistan?", {"topic_claim": ("Afghanistan",)}),
    ("Were water resources on the agenda in Ashgabat?", {"topic_claim": ("water", "resources")}),
    ("Why was the sixth meeting cancelled?", {"ordinal": 6, "why": True}),
    ("Which came first, Ashgabat or Dushanbe?",
     {"intent": I.COMPARE, "order": "earlier", "city": "Ashgabat"}),
    ("Какая из встреч прошла позже: в Ашхабаде или в Душанбе?", {"intent": I.COMPARE,
                                                                 "order": "later"}),
    ("How many days passed between the fifth and the sixth meetings?",
     {"intent": I.BETWEEN, "unit": "days", "ordinal": 5}),
    ("How many years since the sixth meeting?", {"intent": I.BETWEEN, "unit": "years"}),
    ("What is preventive diplomacy?", {"intent": I.DEFINE, "term": "preventive_diplomacy"}),
    ("Как расшифровывается РЦПДЦА?", {"intent": I.DEFINE, "term": "name"}),
    ("thank you!", {"intent": I.THANKS, "refers_back": False}),
    ("I am a journalist. When was the sixth meeting?", {"intent": I.WHEN, "ordinal": 6}),
    ("Hello, I'm writing an article. Where was the fifth meeting?", {"intent": I.WHERE}),
    ("How many meetings were held last year?", {"intent": I.COUNT, "period": ("year", -1)}),
    ("Были ли встречи в этом месяце?", {"period": ("month", 0)}),
    ("Сколько встреч ещё предстоит?", {"intent": I.COUNT, "relative": "upcoming"}),
    ("How many meetings have already taken place?", {"relative": "past"}),
    ("when is the meeting on transboundary waters?", {"topic": ("transboundary", "waters")}),
    ("When was the first meeting in Dushanbe?", {"ordinal": None, "relative": "first"}),
    ("were water issues discussed in Ashgabat?", {"topic_claim": ("water",)}),
]  # fmt: skip


def _read(question: Any) -> dict[str, Any]:
    ref, yes_no = question.meeting, question.yes_no
    period = (ref.period.unit, ref.period.offset) if ref.period else None
    values = {
        "intent": question.intent, "ordinal": ref.ordinal, "city": ref.city,
        "country": ref.country, "relative": ref.relative, "topic": ref.topic, "period": period,
        "order": question.order, "unit": question.unit, "term": question.term,
        "refers_back": question.refers_back,
    }  # fmt: skip
    if yes_no is not None:
        values |= {"upcoming": yes_no.upcoming, "already": yes_no.already, "role": yes_no.role,
                   "party": yes_no.party, "party_words": yes_no.party_words,
                   "topic_claim": yes_no.topic, "why": yes_no.why}  # fmt: skip
    return values


@pytest.mark.parametrize(("text", "expected"), WHOLE)
def test_the_whole_question_is_read(text: str, expected: dict[str, Any]) -> None:
    read = _read(understand(text))
    assert {key: read.get(key, "absent") for key in expected} == expected
