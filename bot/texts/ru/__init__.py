from bot.texts.ru import admin, answers, cards, common, meetings

TEXTS: dict[str, str] = {
    **common.TEXTS,
    **cards.TEXTS,
    **admin.TEXTS,
    **answers.TEXTS,
    **meetings.TEXTS,
}
