"""The admins' command menu and the admin section of /help."""

TEXTS: dict[str, str] = {
    "command.addevent": "Добавить встречу: формой или по шагам",
    "command.editevent": "Изменить встречу: /editevent 5 место: МИД",
    "command.cancelevent": "Отменить встречу: /cancelevent 5 причина",
    "command.restoreevent": "Вернуть отменённую: /restoreevent 5",
    "command.deleteevent": "Удалить встречу после предпросмотра",
    "command.events": "Все встречи с их ID",
    "command.audit": "Последние изменения: кто, когда, что",
    "command.stats": "Чаты, подписки, напоминания",
    "command.import": "Загрузить календарь .ics",
    "command.export": "Выгрузить встречи в .ics",
    "command.admins": "Кто администраторы",
    "command.grant": "Назначить администратора (или ответом на его сообщение)",
    "command.revoke": "Снять администратора",
    "help.admin": (
        "\n\n<b>Для администраторов</b>\n"
        "{commands}\n"
        "Встреча пишется по одной строке <code>ключ: значение</code>; все ключи перечислены в README. "
        "Каждое изменение сначала показывается, а /audit хранит, каким оно было."
    ),
}
