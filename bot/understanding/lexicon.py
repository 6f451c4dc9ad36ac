"""The words that say what a question asks, in English and Russian.

Each cue is a regular expression over the normalized text (lower case, ё as е, one space between
tokens). Russian stems end in \\w* so that every case and tense matches.
"""

from __future__ import annotations

import re


def cue(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


MEETING = cue(
    r"meetings?", "meet", "met", r"events?", r"sessions?", r"conferences?", r"summits?",
    r"gatherings?", "talks", r"forums?", r"consultations?", r"workshops?", r"seminars?",
    r"briefings?", r"trainings?", r"round ?tables?", r"семинар\w*", r"брифинг\w*",
    r"консультаци\w*", r"тренинг\w*", r"практикум\w*", r"кругл\w* стол\w*",
    r"встреч\w*", r"совещани\w*",
    r"мероприяти\w*", r"заседани\w*", r"конференци\w*", r"саммит\w*", r"форум\w*", r"переговор\w*",
)  # fmt: skip
# Words that stand in for a meeting already talked about ("when is it?").
PRONOUN = cue(
    "it", "this", "that", "they", "there", "она", "он", "оно", "это", "ее", "нее", "ней", "там",
)  # fmt: skip
CENTRE = cue(
    "unrcca", "рцпдца", r"cent(?:re|er)s?", r"центр(?:а|у|ом|е)?", "regional cent(?:re|er)",
)  # fmt: skip

WHERE = cue(
    "where", "venue", "location", "located", "place", "city", "town", "address", "где", "куда",
    r"город\w*", r"мест[оае]", r"площадк\w*", r"адрес\w*",
)  # fmt: skip
WHEN = cue(
    "when", r"dates?", "day", r"(?:what|which) (?:year|month)", "how soon", "когда",
    r"дат[аыуе]", r"какого числа", r"как(?:ой|ого) (?:день|дня|года|месяца)",
    r"в как(?:ом|ой) (?:году|месяце|день)",
)  # fmt: skip
TIME = cue(
    r"what time", "which time", "what hour", r"start(?:ing)? time", "time", r"hours?",
    "во сколько", "в котором часу", "в какое время", r"врем(?:я|ени)", r"в каком часу",
)  # fmt: skip
COUNTRY = cue(r"(?:which|what|host) country", "country", r"стран(?:а|е|у|ой)")
WHO = cue(
    "who", "whom", "whose", r"(?:which|what) organi[sz]ations?", "кто", "кем", "кого",
    r"чь(?:я|ей|е|им|ей)", "чей", r"как(?:ая|ой|ие) организаци\w*",
)  # fmt: skip
AGENDA = cue(
    r"discuss\w*", r"topics?", "agenda", r"themes?", r"subjects?", "about what", "purpose",
    r"aims?", r"goals?", r"objectives?", r"focus\w*", r"issues?", r"talk(?:ed|s)? about",
    r"results?", r"outcomes?", r"conclusions?", "summary", "what happened", r"program(?:me)?",
    r"what (?:is|was|will) (?:the )?\w+ (?:\w+ )?about$", r"обсужд\w*", r"обсуди\w*",
    r"тем(?:а|ы|у|е|ой|атик\w*)", r"повестк\w*", "о чем", "про что", r"цел(?:ь|и|ью)",
    r"посвящ\w*", r"итог\w*", r"результат\w*", "говорили", "что было", "что произошло",
    r"какие вопросы", r"задач\w*", r"программ\w*",
)  # fmt: skip
ORGANIZER = cue(
    r"organ\w*", r"host(?:s|ed|ing)?", r"arrang\w*", r"conven\w*", "run by", "in charge",
    r"организ\w*", r"устроител\w*", r"инициатор\w*",
)  # fmt: skip
SUPPORTERS = cue(
    r"support\w*", r"spons\w*", "backed", r"backers?", r"fund(?:s|ed|ing|er|ers)?",
    r"financ\w*", r"partners?", r"co-?organi[sz]\w*", "assisted by", r"help(?:s|ed|ing)",
    r"with the help", r"помога\w*", r"при помощи", r"с помощью", r"поддерж\w*",
    r"спонсор\w*", r"финансир\w*", r"партнер\w*", r"содейств\w*", r"соорганизатор\w*",
)  # fmt: skip
EXISTS = cue(
    "was there", "is there", "were there", "are there", "will there be", "has there been",
    "have there been", "did (?:unrcca|the centre|the center|they) (?:hold|organi[sz]e|have)",
    r"any meetings?", "ли", r"есть ли",
)  # fmt: skip
# "Was the meeting in Dushanbe?": a yes/no question about a meeting, weaker than the cues above.
YES_NO = re.compile(r"^(?:was|is|were|are|did|does|do|will|has|have|had|can)\b")
DETAILS = cue(
    "tell", r"info\w*", r"details?", "describe", "more", "explain", r"расскаж\w*",
    r"подробн\w*", r"информаци\w*", "известно", r"что насчет", r"сведени\w*",
)  # fmt: skip

LIST_PAST = cue(
    "list", "archive", "history", r"all (?:the )?(?:meetings|events)",
    r"(?:past|previous|earlier|former|prior|held|recent) (?:meetings|events|sessions)",
    r"(?:meetings|events) (?:held|so far|to date|before|in the past|happened)",
    r"(?:what|which) (?:meetings|events)", r"how many (?:meetings|events)",
    r"show (?:me )?(?:the |all )?(?:meetings|events)", r"список\w*", r"архив\w*", r"истори\w*",
    r"перечисл\w*", r"покажи\w*", r"все встреч\w*", r"как(?:ие|их) (?:были )?встреч\w*",
    r"(?:прошедш|прошл|предыдущ|минувш|состоявш|проведенн|прежн)(?:ие|ые|их|ых) встреч\w*",
    r"сколько (?:было )?встреч\w*", r"встреч[иа]? (?:прошли|были|состоялись|проводились)",
)  # fmt: skip
LIST_UPCOMING = cue(
    r"(?:upcoming|future|next|coming|forthcoming|planned|scheduled|following)"
    r" (?:meetings|events)",
    r"(?:meetings|events|sessions) (?:are |will be )?"
    r"(?:planned|scheduled|coming up|ahead|upcoming)",
    r"anything (?:planned|scheduled|coming up)",
    r"what (?:is |are )?(?:planned|scheduled|coming up|ahead|next)", "coming up", "schedule",
    "calendar",
    r"(?:предстоящ|будущ|следующ|ближайш|запланированн|грядущ|планируем)(?:ие|ые|их|ых)"
    r" (?:встреч|мероприяти|заседани|совещани)\w*",
    r"(?:встреч|мероприяти)\w* (?:запланирован\w*|планиру\w*|предстоят)",
    r"что (?:запланирован\w*|планируется|предстоит|дальше)", r"расписани\w*", r"календар\w*",
)  # fmt: skip
HOW_MANY_MEETINGS = cue(
    r"how many (?:\w+ )?(?:meetings|events|sessions|workshops|seminars|briefings|conferences|"
    r"consultations|times)",
    r"(?<!во )сколько (?:(?:было|прошло|прошли|состоялось|будет|всего|проведено|провели|"
    r"запланировано|уже|еще) ){0,2}(?:встреч\w*|мероприяти\w*|заседани\w*|семинар\w*|брифинг\w*|"
    r"конференци\w*|консультаци\w*|раз)",
    r"(?:number|count) of (?:meetings|events)", r"(?:количество|число) встреч",
)  # fmt: skip
# A bare plural ("meetings?", "встреч") asks for the list too.
PLURAL_MEETINGS = cue("meetings", "events", "встреч", "встречах", "встречам", "встречами")

GREETING = cue(
    "hi", "hello", "hey", "hiya", "howdy", "greetings", r"good (?:morning|afternoon|evening|day)",
    "start", r"привет\w*", r"здравствуй\w*", "здрасьте", r"добр\w+ (?:день|утро|вечер)",
    r"салам\w*", "доброго времени суток",
)  # fmt: skip
# Questions about the bot itself are answered with the greeting and its help text.
ABOUT_BOT = cue(
    "who are you", "what are you", r"what (?:can|do) you (?:do|know)", "^help$",
    r"how (?:do|does) (?:you|this|it) work", r"кто (?:ты|вы)",
    r"что (?:ты|вы) (?:умее\w*|знае\w*|може\w*)",
    "что умеешь", "помощь", r"помоги\w*", "как пользоваться",
)  # fmt: skip
THANKS = cue(
    r"thanks?", "thank you", "thx", "ty", "cheers", r"appreciate\w*", "great", "ok", "okay",
    "bye", "goodbye", "спасибо", r"благодар\w*", "спс", "мерси", "пока", "до свидания",
    "отлично", "понятно", "ясно", "хорошо", "ок",
)  # fmt: skip
