from bot.texts.ru import (
    admin,
    admin_actions,
    admin_menu,
    answers,
    calendar,
    cards,
    common,
    meetings,
    questions,
    reminders,
    subscriptions,
)

TEXTS: dict[str, str] = {
    **common.TEXTS,
    **cards.TEXTS,
    **admin.TEXTS,
    **admin_actions.TEXTS,
    **admin_menu.TEXTS,
    **answers.TEXTS,
    **questions.TEXTS,
    **meetings.TEXTS,
    **calendar.TEXTS,
    **subscriptions.TEXTS,
    **reminders.TEXTS,
}
