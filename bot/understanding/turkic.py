"""Kazakh and Uzbek questions read through an English gloss: each word that asks something
becomes its English equivalent, a place in any case ending («Душанбеде», "Ashxoboddagi") its
English name after "in", an ordinal its number, and the English reading (bot.understanding)
does the rest, so a question in Kazakh or Uzbek finds the same meeting as one in English.

Uzbek in the Cyrillic script is spelt in the Latin one first. Words the gloss does not know are
left out: a question with nothing left is not understood, and the reader is answered in their
language with examples.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.understanding.detection import fold_apostrophes
from bot.understanding.normalize import words

Glossed = Literal["kk", "uz"]

# Uzbek Cyrillic letters as the Latin alphabet writes them (ъ as ʼ, ь dropped).
_UZBEK_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ",
        words("a b v g d e yo j z i y k l m n o p r s t u f x ts ch sh ' - e yu ya o' q g' h"),
        strict=True,
    )
) | {"ь": ""}
# Case endings of a name: the locative and "the one in" first (they put the meeting there).
_LOCATIVE = {
    "kk": words("ндағы ндегі дағы дегі тағы тегі нда нде да де та те"),
    "uz": words("dagi da"),
}
_OTHER_CASES = {
    "kk": words("ның нің дың дің тың тің ға ге қа ке на не дан ден тан тен нан нен ды ді ты ті"),
    "uz": words("ning ga ka qa dan ni"),
}
# Names of the region's places as Kazakh and Uzbek write them, to their English names.
_PLACES = {
    "kk": {
        "душанбе": "Dushanbe", "алматы": "Almaty", "астана": "Astana", "ташкент": "Tashkent",
        "бішкек": "Bishkek", "бишкек": "Bishkek", "ашхабад": "Ashgabat", "ашғабат": "Ashgabat",
        "самарқанд": "Samarkand", "ош": "Osh", "түркістан": "Turkestan", "термез": "Termez",
        "қазақстан": "Kazakhstan", "қырғызстан": "Kyrgyzstan", "тәжікстан": "Tajikistan",
        "түрікменстан": "Turkmenistan", "өзбекстан": "Uzbekistan", "ауғанстан": "Afghanistan",
        "нью-йорк": "New York", "вена": "Vienna", "женева": "Geneva",
    },
    "uz": {
        "dushanbe": "Dushanbe", "olmaota": "Almaty", "almati": "Almaty", "astana": "Astana",
        "toshkent": "Tashkent", "bishkek": "Bishkek", "ashxobod": "Ashgabat",
        "samarqand": "Samarkand", "o'sh": "Osh", "termiz": "Termez", "buxoro": "Bukhara",
        "qozog'iston": "Kazakhstan", "qirg'iziston": "Kyrgyzstan", "tojikiston": "Tajikistan",
        "turkmaniston": "Turkmenistan", "o'zbekiston": "Uzbekistan",
        "afg'oniston": "Afghanistan", "nyu-york": "New York", "vena": "Vienna",
        "jeneva": "Geneva",
    },
}  # fmt: skip
_ORDINALS = {
    "kk": words("бірінші екінші үшінші төртінші бесінші алтыншы жетінші сегізінші тоғызыншы "
                "оныншы"),
    "uz": words("birinchi ikkinchi uchinchi to'rtinchi beshinchi oltinchi yettinchi "
                "sakkizinchi to'qqizinchi o'ninchi"),
}  # fmt: skip
_ORDINAL_SUFFIX = {"kk": words("ші шы інші ыншы"), "uz": words("chi inchi nchi")}
_YEAR = {"kk": ("жыл",), "uz": ("yil",)}
# Phrases first, then words; a word ending "*" matches every word it begins.
_LEXICON: dict[Glossed, tuple[tuple[str, str], ...]] = {
    "kk": (
        ("не туралы", "what about"), ("күн тәртіб*", "agenda"), ("деген не*", "what is"),
        ("дегеніміз не", "what is"), ("қай жер*", "where"), ("қай қала*", "where"),
        ("қай кез*", "when"), ("не талқыла*", "what discussed"), ("қашан", "when"),
        ("қайда", "where"), ("қай", "which"), ("келесі", "next"), ("алдағы", "upcoming"),
        ("алдыңғы", "previous"), ("бұрынғы", "previous"), ("өткен", "past"),
        ("соңғы", "last"), ("кездесу*", "meeting"), ("жиналыс*", "meeting"),
        ("отырыс*", "meeting"), ("талқыла*", "discussed"), ("қаралд*", "discussed"),
        ("тақырып*", "topic"), ("қандай", "which"), ("қанша", "how many"), ("не", "what"),
        ("кім", "who"), ("ұйымдастыр*", "organized"), ("қолда*", "supported"),
        ("орталық*", "unrcca"), ("барлық", "all"), ("тізім*", "list"),
        ("сәлем*", "hello"), ("рахмет", "thanks"), ("рақмет", "thanks"), ("unrcca", "unrcca"),
        ("рцпдца", "unrcca"), ("бұұ", "unrcca"),
    ),
    "uz": (
        ("nima haqida", "what about"), ("kun tartib*", "agenda"), ("nima u", "what is"),
        ("qaysi shahar*", "where"), ("qaysi joy*", "where"), ("nima muhokama*", "what discussed"),
        ("qachon", "when"), ("qayerda", "where"), ("qaerda", "where"), ("qayer*", "where"),
        ("qaysi", "which"), ("keyingi", "next"), ("navbatdagi", "next"),
        ("bo'lajak", "upcoming"), ("oldingi", "previous"), ("avvalgi", "previous"),
        ("o'tgan", "past"), ("oxirgi", "last"), ("so'nggi", "last"), ("uchrashuv*", "meeting"),
        ("yig'ilish*", "meeting"), ("majlis*", "meeting"), ("muhokama*", "discussed"),
        ("mavzu*", "topic"), ("qanday", "which"), ("nechta", "how many"), ("nima", "what"),
        ("kim", "who"), ("tashkil", "organized"), ("markaz*", "unrcca"), ("barcha", "all"),
        ("ro'yxat*", "list"), ("salom", "hello"), ("assalomu", "hello"), ("rahmat", "thanks"),
        ("unrcca", "unrcca"), ("bmt", "unrcca"),
    ),
}  # fmt: skip
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|\d+")
_PLACE_MIN = 3


def gloss(text: str, language: Glossed) -> str:
    """The English reading of a Kazakh or Uzbek question ('next meeting when'); '' when no word
    of it is known."""
    clean = fold_apostrophes(text.casefold())
    if language == "uz":
        clean = "".join(_UZBEK_CYRILLIC.get(letter, letter) for letter in clean)
    tokens = [part for token in _TOKEN.findall(clean) for part in _split_number(token)]
    out: list[str] = []
    position = 0
    while position < len(tokens):
        english, used = _word(tokens, position, language)
        out.extend(english)
        position += used
    return " ".join(out)


def _split_number(token: str) -> list[str]:
    """'2027-yilda' -> ['2027', '-', 'yilda']; '5-ші' -> ['5', '-', 'ші']; '2014' -> ['2014']."""
    match = re.fullmatch(r"(\d+)(-?)(\D*)", token)
    return [part for part in match.groups() if part] if match else [token]


def _word(tokens: list[str], at: int, language: Glossed) -> tuple[list[str], int]:
    token = tokens[at]
    if token.isdigit():
        return _number(tokens, at, language)
    if token in _ORDINALS[language]:
        return [f"{_ORDINALS[language].index(token) + 1}th"], 1
    place = _place(token, language)
    if place is not None:
        return place, 1
    for phrase, english in _LEXICON[language]:
        size = phrase.count(" ") + 1
        if _phrase_matches(phrase, tokens[at : at + size]):
            return english.split(), size
    return [], 1


def _number(tokens: list[str], at: int, language: Glossed) -> tuple[list[str], int]:
    """'5-ші', '5-chi': 5th; '2014 жылы', '2014-yilda': in 2014; Uzbek '6-uchrashuv': 6th."""
    token, rest = tokens[at], tokens[at + 1 : at + 3]
    hyphen = rest[:1] == ["-"]
    following = rest[1] if hyphen and len(rest) > 1 else rest[0] if rest and not hyphen else ""
    used = 2 + hyphen
    if following in _ORDINAL_SUFFIX[language]:
        return [f"{token}th"], used
    if following.startswith(_YEAR[language]):
        return ["in", token], used
    if hyphen and language == "uz":
        return [f"{token}th"], 2
    return [token], 1 + hyphen


def _place(token: str, language: Glossed) -> list[str] | None:
    names = _PLACES[language]
    if token in names:
        return [names[token]]
    for ending in _LOCATIVE[language]:
        stem = _without(token, ending)
        if stem is not None and stem in names:
            return ["in", names[stem]]
    for ending in _OTHER_CASES[language]:
        stem = _without(token, ending)
        if stem is not None and stem in names:
            return [names[stem]]
    return None


def _without(token: str, ending: str) -> str | None:
    if not token.endswith(ending) or len(token) - len(ending) < _PLACE_MIN:
        return None
    stem = token[: -len(ending)]
    # A consonant doubled before an Uzbek ending: "Ashxoboddagi" is Ashxobod + dagi.
    return stem[:-1] if stem.endswith(ending[0]) and stem[:-1] in _all_names() else stem


def _all_names() -> set[str]:
    return {name for names in _PLACES.values() for name in names}


def _phrase_matches(phrase: str, tokens: list[str]) -> bool:
    parts = phrase.split()
    if len(tokens) < len(parts):
        return False
    return all(
        token.startswith(part[:-1]) if part.endswith("*") else token == part
        for part, token in zip(parts, tokens, strict=False)
    )
