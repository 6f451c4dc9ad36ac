"""The mix of questions and commands the answer benchmarks ask, in English and Russian.

Each is (kind, language, text); a text starting with "/" is sent as a command.
"""

from __future__ import annotations

QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("ordinal", "en", "Where will the sixth meeting be held?"),
    # Answered by quoting documents (benchmarks/data.add_documents: up to 1,000 of them).
    ("document", "en", "What did the sixth meeting agree on water resources?"),
    ("document", "ru", "Что говорится в заявлении о водных ресурсах?"),
    ("document", "en", "What was agreed on border security?"),
    ("ordinal", "ru", "Где пройдёт шестая встреча?"),
    ("ordinal", "en", "When was the fifth meeting?"),
    ("ordinal missing", "en", "Where was the fourth meeting held?"),
    ("after ordinal", "en", "Which meeting came after the fifth?"),
    ("city", "en", "What was discussed at the Ashgabat meeting?"),
    ("city", "ru", "Когда встреча в Душанбе?"),
    ("city", "en", "When is the meeting in Osh?"),
    ("country", "en", "Meetings in Kazakhstan"),
    ("country", "ru", "Встречи в Таджикистане"),
    ("year", "en", "How many meetings were held in 2015?"),
    ("year", "en", "Was there a meeting in 2014?"),
    ("month", "en", "meetings in March 2027"),
    ("yes/no", "en", "Was the sixth meeting held in Ashgabat?"),
    ("yes/no", "ru", "Отменена ли шестая встреча?"),
    ("next", "en", "when is the next meeting?"),
    ("next", "ru", "когда следующая встреча?"),
    ("unknown fact", "en", "Who chaired the sixth meeting?"),
    ("centre", "en", "What is UNRCCA?"),
    ("centre", "ru", "Что такое РЦПДЦА?"),
    ("listing", "en", "list past meetings"),
    ("still to come", "en", "Is the Ashgabat meeting coming up?"),
    ("role", "ru", "Поддержал ли встречу в Душанбе МИД Кыргызстана?"),
    ("subject", "en", "Did the Ashgabat meeting talk about Afghanistan?"),
    ("subject", "en", "when is the meeting on transboundary waters?"),
    ("compare", "en", "Which came first, the meeting in Ashgabat or the one in Dushanbe?"),
    ("between", "en", "How many days passed between the fifth and the sixth meetings?"),
    ("premise", "ru", "Почему отменили пятую встречу?"),
    ("period", "en", "How many meetings were held last year?"),
    ("term", "en", "What is preventive diplomacy?"),
    ("unread", "en", "Where was the fifth meeting held, mate?"),
    ("/next", "en", "/next"),
    ("/upcoming", "en", "/upcoming"),
    ("/past", "ru", "/past"),
    ("/event", "en", "/event 1"),
    ("/about", "ru", "/about"),
    ("/search", "en", "/search ashgabad"),
    ("/search", "ru", "/search безопасность"),
    ("/help", "en", "/help"),
    ("/start", "ru", "/start"),
)
