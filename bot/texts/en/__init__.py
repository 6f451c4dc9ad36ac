from bot.texts.en import (
    admin,
    answers,
    calendar,
    cards,
    common,
    meetings,
    reminders,
    subscriptions,
)

TEXTS: dict[str, str] = {
    **common.TEXTS,
    **cards.TEXTS,
    **admin.TEXTS,
    **answers.TEXTS,
    **meetings.TEXTS,
    **calendar.TEXTS,
    **subscriptions.TEXTS,
    **reminders.TEXTS,
}
