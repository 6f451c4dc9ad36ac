"""Which language a question is written in: English, Russian, Kazakh, Kyrgyz or Uzbek (in the
Latin or the Cyrillic script).

A measured rule rather than a statistical detector: questions to the bot are a few words long,
where letter statistics guess, but the region's languages differ in letters and question words.
Kazakh alone writes ә ұ і һ, Uzbek Cyrillic alone ў ҳ; Kazakh, Kyrgyz and Uzbek each have their
own words for "when", "where", "next" and "meeting" (қашан / качан / қачон, кездесу /
жолугушуу / учрашув); Uzbek Latin writes oʻ gʻ and q without u. Each language scores its
letters and words, and the highest wins; Russian and English win ties of their script.
tests/unit/test_detection.py measures it on a table of questions in every one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.understanding.normalize import script_counts, words

Written = Literal["en", "ru", "kk", "ky", "uz"]

_LETTERS: dict[Written, str] = {"kk": "әұіһ", "uz": "ўҳ"}
# Question words (folded, ё as е, ʻ as '): one of four letters or more matches every word it
# begins (every case ending), a shorter one only itself.
_STEMS: dict[Written, tuple[str, ...]] = {
    "kk": words(
        "қашан қайда қай келесі кездесу жиналыс алдыңғы соңғы өткен қандай туралы деген қанша "
        "талқыла өтеді өтті болады болды бола ма ме ба бе па пе орталығ қаласында елінде не "
        "сәлем рахмет рақмет"
    ),
    "ky": words(
        "качан кайда кайсы кийинки жолугушуу мурунку акыркы кандай эмне жөнүндө канча "
        "талкуула өтөт өттү болот болду борбор"
    ),
    "uz": words(
        "қачон қаерда қаерга қайси кейинги навбатдаги учрашув йиғилиш олдинги охирги сўнгги "
        "қандай нима ҳақида нечта муҳокама бўлади бўлиб ўтади ўтган марказ шаҳрида ассалому "
        "алайкум раҳмат "
        "qachon qayerda qaerda qaysi keyingi navbatdagi uchrashuv yig'ilish oldingi avvalgi "
        "oxirgi so'nggi qanday nima haqida nechta muhokama bo'ladi bo'lib o'tadi o'tdi o'tgan "
        "markaz shahrida mi salom assalomu alaykum rahmat"
    ),
    "ru": words(
        "когда где какой какая какие следующ предыдущ прошл последн встреч совещан что кто "
        "сколько обсужда состоит состоя будет была было был ли это"
    ),
    "en": words(
        "when where what which who how is was will the next previous last meeting meetings "
        "discussed about held in at of does did are"
    ),
}
_STEM_MIN = 4


@dataclass(frozen=True)
class _Matcher:
    """A language's stems, read the way `_STEMS` says, in one set lookup and one regex per
    word instead of a loop over every stem (the detection runs twice for every message)."""

    whole: frozenset[str]
    beginnings: re.Pattern[str]

    @classmethod
    def of(cls, stems: tuple[str, ...]) -> _Matcher:
        long = sorted((stem for stem in stems if len(stem) >= _STEM_MIN), key=len, reverse=True)
        return cls(frozenset(stems), re.compile("|".join(map(re.escape, long)) or "(?!)"))

    def hits(self, token: str) -> bool:
        return token in self.whole or self.beginnings.match(token) is not None


_MATCHERS: dict[Written, _Matcher] = {
    language: _Matcher.of(stems) for language, stems in _STEMS.items()
}
_KYRGYZ_LONG_VOWELS = re.compile(r"(?:уу|үү|өө|ээ|ыы)")
_UZBEK_LATIN = re.compile(r"[og]'|q(?!u)")


def written_in(text: str) -> Written | None:
    """The language of `text`; None when it has no letters."""
    cyrillic, latin = script_counts(text)
    if cyrillic == 0 and latin == 0:
        return None
    folded = fold_apostrophes(text.casefold().replace("ё", "е"))
    tokens = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", folded)
    if cyrillic >= latin:
        return _best(folded, tokens, ("ru", "kk", "ky", "uz"))
    return _best(folded, tokens, ("en", "uz"))


def fold_apostrophes(text: str) -> str:
    """Uzbek's oʻ and gʻ are typed with every kind of apostrophe; one is kept."""
    return re.sub(r"[ʻʼ‘’`´]", "'", text)


def _best(folded: str, tokens: list[str], candidates: tuple[Written, ...]) -> Written:
    scores = {language: _score(language, folded, tokens) for language in candidates}
    # The first candidate (Russian or English) wins a tie: it is the one the bot reads best.
    return max(candidates, key=lambda language: scores[language])


def _score(language: Written, folded: str, tokens: list[str]) -> int:
    letters = sum(folded.count(letter) for letter in _LETTERS.get(language, ""))
    hits = sum(1 for token in tokens if _MATCHERS[language].hits(token))
    score = 3 * letters + 2 * hits
    if language == "ky":
        score += len(_KYRGYZ_LONG_VOWELS.findall(folded))
    if language == "uz" and script_counts(folded)[0] == 0:
        score += len(_UZBEK_LATIN.findall(folded))
    return score
