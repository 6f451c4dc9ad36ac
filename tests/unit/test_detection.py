"""bot.understanding.detection tells Kazakh, Kyrgyz, Uzbek (both scripts), Russian and English
apart on short questions: the measurement of its rule is this table, and every line must be
read right."""

from __future__ import annotations

import pytest

from bot.understanding.detection import written_in

TABLE = {
    "kk": [
        "Келесі кездесу қашан?", "Алматыдағы кездесу қашан өтті?", "Душанбеде қандай кездесулер "
        "болды?", "UNRCCA деген не?", "Алдыңғы кездесу қайда өтті?", "Ашхабадта не талқыланды?",
        "Кездесу қайда өтеді?", "Соңғы кездесу қашан болды?", "Бесінші кездесу қайда?",
        "Тәжікстанда кездесу болды ма?", "Орталық туралы айтып беріңіз", "Сәлеметсіз бе",
        "Рахмет", "Кездесуді кім ұйымдастырды?", "Қанша кездесу болды?", "2014 жылы кездесу "
        "болды ма?", "Бішкектегі кездесулер", "Астанада кездесу қашан?", "Күн тәртібінде не бар?",
        "Келесі жиналыс қай қалада?",
    ],
    "uz": [
        "Keyingi uchrashuv qachon?", "Toshkentda qanday uchrashuvlar bo'lgan?",
        "Ashxoboddagi uchrashuvda nima muhokama qilindi?", "UNRCCA nima?",
        "Oldingi uchrashuv qayerda boʻlib oʻtdi?", "Keyingi uchrashuv qayerda?",
        "Oltinchi uchrashuv qachon?", "Dushanbeda uchrashuv bo'ladimi?", "Assalomu alaykum",
        "Rahmat", "Uchrashuvni kim tashkil etgan?", "Nechta uchrashuv bo'lgan?",
        "2014-yilda uchrashuv qayerda bo'lgan?", "Olmaotadagi uchrashuvlar",
        "Кейинги учрашув қачон?", "Учрашув қаерда бўлади?", "Тошкентдаги учрашувлар",
        "Марказ ҳақида айтиб беринг", "Охирги учрашув қачон бўлган?", "Ассалому алайкум",
    ],
    "ky": [
        "Кийинки жолугушуу качан?", "Жолугушуу кайда өтөт?", "Бишкекте кандай жолугушуулар болду?",
        "Акыркы жолугушуу качан болду?", "Мурунку жолугушуу кайда өттү?",
        "Борбор жөнүндө айтып бериңиз",
    ],
    "ru": [
        "Когда следующая встреча?", "Где прошла пятая встреча?", "Что обсуждали в Ашхабаде?",
        "Что такое РЦПДЦА?", "Встречи в Душанбе", "Кто организовал шестую встречу?",
        "Сколько было встреч?", "Здравствуйте",
    ],
    "en": [
        "When is the next meeting?", "Where was the fifth meeting?",
        "What was discussed in Ashgabat?", "What is UNRCCA?", "meetings in Tashkent", "Tashkent",
        "hello", "Who organized the sixth meeting?",
    ],
}  # fmt: skip
CASES = [(language, text) for language, texts in TABLE.items() for text in texts]


@pytest.mark.parametrize(("language", "text"), CASES)
def test_the_language_of_a_question_is_told(language: str, text: str) -> None:
    assert written_in(text) == language


def test_no_letters_no_language() -> None:
    assert written_in("123 ?!") is None
