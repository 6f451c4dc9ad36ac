"""Admin texts: cancelling, restoring and deleting a meeting, naming a person to /grant, the
dialog's commands when no dialog runs."""

TEXTS: dict[str, str] = {
    "admin.usage.restoreevent": "/restoreevent 5",
    "admin.error.cancel_ended": (
        "Встреча <b>{id}</b>, {title}, уже прошла ({day}), поэтому я её не отменил: /past "
        "хранит её такой, какой она была. Чтобы исправить сведения: "
        "<code>/editevent {id} повестка: Что обсуждалось</code>"
    ),
    "admin.cancel.reason": " (причина: {reason})",
    "admin.cancel.already": (
        "Встреча <b>{id}</b>, {title}, уже отменена{reason}, поэтому ничего не изменилось. "
        "Чтобы изменить причину, укажите новую: <code>/cancelevent {id} Площадка закрыта</code>; "
        "чтобы вернуть встречу: <code>/restoreevent {id}</code>"
    ),
    "admin.cancel.reason_changed": (
        "Встреча <b>{id}</b>, {title}, остаётся отменённой; теперь причина: {reason}"
    ),
    "admin.restored": (
        "Встреча <b>{id}</b>, {title}, снова запланирована; её карточка больше не говорит об отмене."
    ),
    "admin.restore.not_cancelled": (
        "Встреча <b>{id}</b>, {title}, не отменена, поэтому возвращать нечего. "
        "/events отмечает отменённые, например: <code>/restoreevent 5</code>"
    ),
    "admin.delete.confirm": (
        "<b>Удалить</b> встречу {id}? Она исчезнет из всех списков, и бот не сможет её вернуть "
        "(/audit сохранит, что в ней было). Чтобы оставить её, но отменить, используйте: "
        "<code>/cancelevent {id}</code>"
    ),
    "admin.button.delete": "Удалить",
    "admin.button.back": "« Назад",
    "admin.button.keep": "Оставить",
    "admin.delete.kept": "Оставлено: встреча <b>{id}</b> не удалена.",
    "dialog.none.cancel": "Отменять нечего: я не жду ответа ни на один вопрос.",
    "dialog.none.skip": "Пропускать нечего: я не жду ответа ни на один вопрос.",
    "dialog.none.back": "Возвращаться некуда: я не жду ответа ни на один вопрос.",
    "admin.error.hidden_user": (
        "Telegram не сообщает мне, кто такой {name}: его настройки приватности скрывают это в "
        "пересланных сообщениях. Пожалуйста, ответьте на его сообщение в общей с нами группе или "
        "укажите числовой id: <code>/grant 123456789</code>"
    ),
    "admin.error.bot_user": (
        "{name} — бот, а боты не могут быть администраторами. Пожалуйста, ответьте на сообщение "
        "человека, например: <code>/grant</code> ответом на сообщение коллеги"
    ),
    "admin.error.service_account": (
        "<code>{user_id}</code> — служебная учётная запись Telegram (анонимный администратор "
        "группы, канал или уведомления Telegram), а не человек, и не может быть администратором. "
        "Ответьте <code>/grant</code> на сообщение самого коллеги или укажите его id: "
        "<code>/grant 123456789</code>"
    ),
    "admin.error.unseen_user": (
        "Я ещё не встречал <code>{user_id}</code> как человека и не могу назначить его "
        "администратором: ошибка в id отдала бы права постороннему. Попросите его отправить мне "
        "/start и попробуйте снова или ответьте <code>/grant</code> на его сообщение."
    ),
    "admin.revoke.gone": (
        "Вы больше не администратор: другой администратор только что снял с вас права, "
        "поэтому я ничего не изменил."
    ),
}
