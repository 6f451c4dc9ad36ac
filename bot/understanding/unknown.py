"""Facts the bot never has, so that it says so instead of answering a neighbouring question.

The order matters: "who took part" is about participants before "took" could read as anything
else, and "sign up" is registration before "sign" reads as a signed document.
"""

from __future__ import annotations

import re

from bot.understanding.lexicon import CENTRE, MEETING, WHERE, cue

_MISSING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("weather", cue(
        "weather", "temperature", r"forecast\w*", r"rain\w*", r"snow\w*", "sunny", r"погод\w*",
        r"температур\w*", r"прогноз\w*", r"дожд\w*", r"снег\w*",
    )),
    ("chair", cue(
        r"chair\w*", r"presid(?:ed|es|ing)", r"moderat\w*", r"председател\w*",
        r"председательств\w*", r"модератор\w*", r"модериров\w*",
        r"вел[аи]? (?:встречу|заседание)", r"руководил\w* встреч\w*",
    )),
    ("attendance", cue(
        r"how many (?:\w+ )?(?:people|participants|persons|delegates|attendees|guests|delegations"
        r"|representatives|officials|ministers|attend\w*|came|participated|took part)",
        "attendance", r"number of (?:participants|people|delegates|attendees|delegations)",
        r"сколько (?:\w+ )?(?:человек|людей|участник\w*|делегат\w*|делегаци\w*|гостей"
        r"|представител\w*|министр\w*|присутствовал\w*|приехал\w*)",
        r"(?:количество|число) (?:участник\w*|делегаци\w*)",
    )),
    ("participants", cue(
        r"who (?:will |is |are |has |have )?(?:attend\w*|participat\w*|took part|takes? part|"
        r"taking part|came|come|coming|be there)",
        r"(?:list|names?) of (?:the )?(?:participants|delegates|attendees|delegations|ministers)",
        r"(?:which|what) (?:delegations|delegates|ministers|officials)", r"participants list",
        r"(?:which|what) countries (?:took|take|will take|are taking) part",
        r"(?:which|what) countries (?:attend\w*|participat\w*)", r"who (?:\w+ )?represent\w*",
        r"кто (?:\w+ )?представля\w*",
        r"кто (?:\w+ )?(?:участвова\w*|участву\w*|принима\w* участие|примет участие|"
        r"присутствова\w*|приехал\w*|приедет)", r"список участник\w*", r"как\w* делегаци\w*",
        r"как\w* министр\w*", r"какие страны (?:\w+ )?(?:участв\w*|принимал\w*|приняли|примут)",
    )),
    ("speakers", cue(
        r"who (?:will )?(?:spoke|speaks?|speaking|gave|gives|delivered|addressed|opened|open)",
        r"speakers?", r"speech\w*", "keynote", "remarks",
        r"кто (?:\w+ )?(?:выступ\w*|открыл\w*|откро\w*)",
        r"выступ\w*", r"спикер\w*", r"доклад\w*", r"реч[ьи]",
    )),
    ("registration", cue(
        r"regist\w*", "sign up", "signup", r"accredit\w*", r"tickets?", r"invitations?",
        r"invite\w*",
        r"how (?:can|do|could) (?:i|we|one) (?:attend|join|participate|take part|get in|go)",
        r"can i (?:attend|join|participate|come|go)", r"open to (?:the )?public",
        r"открыт\w* для", r"может ли (?:кто|любой)\w*", r"регистр\w*", r"зарегистр\w*",
        r"аккредит\w*", r"билет\w*", r"приглашени\w*",
        r"как (?:попасть|принять участие|участвовать|записаться)",
        r"можно ли (?:попасть|прийти|участвовать)",
    )),
    ("outcome", cue(
        "signed", "sign", "signing", "adopted", "adopt", r"declarations?", r"communiqu\w*",
        r"agreements?", r"resolutions?", "joint statement", r"decisions?", "decided",
        r"memorand\w*", r"подпис\w*", r"принят\w*", r"принял[аио]?", r"деклараци\w*",
        "коммюнике", r"соглашени\w*", r"резолюци\w*", r"решени[еяй]", r"решил\w*",
        r"меморандум\w*", r"договор\w*",
    )),
    ("budget", cue(
        r"budget\w*", r"costs?", "costing", r"how much (?:money|did|does|will|is|was)", r"prices?",
        r"fees?", r"expens\w*", r"бюджет\w*", r"стоимост\w*", r"стоил\w*", r"сколько стои\w*",
        r"расход\w*", r"деньг\w*", "денег",
    )),
    ("duration", cue(
        "how long", "duration", r"how many (?:days|hours)", r"сколько (?:\w+ )?(?:длил\w*|длит\w*|"
        r"продл\w*|продолжа\w*|дней|часов|времени)", r"продолжительност\w*", "как долго",
        r"длительност\w*",
    )),
    ("language", cue(r"(?:what|which) languages?", r"languages?", "на каком языке", r"язык\w*")),
    ("media", cue(
        "press", "media", r"journalists?", r"broadcast\w*", r"live ?stream\w*", r"photos?",
        r"videos?", r"пресс\w*", "сми", r"журналист\w*", r"трансляци\w*", r"фото\w*", r"видео\w*",
    )),
    ("contact", cue(
        r"contacts?", r"(?:tele)?phone", r"e-?mail", "website", "web site", r"контакт\w*",
        r"телефон\w*", r"почт[аыеу]", r"сайт\w*",
    )),
    ("centre_head", cue(
        r"heads? (?:of )?(?:unrcca|the cent\w+)",
        r"(?:unrcca|cent(?:re|er)) (?:head|chief|leader)\w*",
        r"(?:рцпдца|центр\w*) (?:возглавля\w*|руковод\w*)",
        r"who (?:leads|heads|runs|directs) (?:unrcca|the cent\w+)",
        "director", "chief", "special representative", "srsg",
        r"руководител\w* (?:центра|рцпдца)", r"руковод\w* (?:центром|рцпдца)",
        r"глав\w* (?:центра|рцпдца)",
        r"возглавля\w*", r"директор\w*", r"спецпредставител\w*", r"специальн\w* представител\w*",
    )),
    ("centre_location", cue(
        r"headquarter\w*", "based", r"штаб-квартир\w*", r"штаб\w*", r"офис\w*",
    )),
)  # fmt: skip


# Any other person asked about ("who signed", "who was the host minister") is a fact the store has
# no field for; only who organizes or supports a meeting is recorded.
_WHO = cue("who", "whom", "кто", "кого", "кому")
_RECORDED_PEOPLE = cue(
    r"organ\w*", r"host(?:s|ed|ing)?", r"arrang\w*", r"conven\w*", "run by", "in charge",
    "behind", r"responsible", r"support\w*", r"spons\w*", r"fund\w*", r"financ\w*",
    r"partners?", r"организ\w*", r"устроител\w*", r"провод\w*", r"провел\w*", r"проведет",
    r"поддерж\w*", r"спонсор\w*", r"финансир\w*", r"партнер\w*", r"отвеча\w*",
    "who are you", r"кто (?:ты|вы)",
)  # fmt: skip
# "How many" anything but meetings, countries or days is a number the store does not hold.
_HOW_MANY = cue(r"how (?:many|much)", "(?<!во )сколько")
_COUNTED = cue(
    r"how many (?:\w+ )?(?:meetings|events|sessions|countries|states|times|workshops|seminars|"
    r"briefings|conferences|consultations)",
    r"(?<!во )сколько (?:(?:было|прошло|прошли|состоялось|будет|всего|проведено|провели|"
    r"запланировано|уже|еще) ){0,2}(?:встреч\w*|мероприяти\w*|заседани\w*|стран\w*|государств\w*|"
    r"раз|семинар\w*|брифинг\w*|конференци\w*|консультаци\w*)",
)  # fmt: skip


def missing_fact(text: str) -> str | None:
    """The key of a fact the bot cannot know, or None when the question is answerable."""
    for key, pattern in _MISSING:
        if pattern.search(text):
            return key
    # "Where is UNRCCA?" asks for the Centre's seat, which the source never gives.
    if CENTRE.search(text) and WHERE.search(text) and not MEETING.search(text):
        return "centre_location"
    if _WHO.search(text) and not _RECORDED_PEOPLE.search(text):
        return "people"
    if _HOW_MANY.search(text) and not _COUNTED.search(text):
        return "number"
    return None
