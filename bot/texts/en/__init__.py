from bot.texts.en import admin, answers, calendar, cards, common, meetings

TEXTS: dict[str, str] = {
    **common.TEXTS,
    **cards.TEXTS,
    **admin.TEXTS,
    **answers.TEXTS,
    **meetings.TEXTS,
    **calendar.TEXTS,
}
