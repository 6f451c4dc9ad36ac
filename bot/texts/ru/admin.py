TEXTS: dict[str, str] = {
    "admin.errors.header": (
        "К сожалению, я не смог сохранить встречу. Пожалуйста, исправьте сообщение и отправьте его ещё раз:"
    ),
    "admin.errors.item": "• {text}",
    "admin.error.no_fields": (
        "Пожалуйста, опишите встречу после команды, по одной строке <code>ключ: значение</code>, например:\n"
        "<pre>{example}</pre>"
    ),
    "admin.error.no_key": (
        "Строка <i>{line}</i> не начинается с ключа. Пожалуйста, начинайте каждую строку с ключа и "
        "двоеточия, например: <code>город: Алматы</code>"
    ),
    "admin.error.unknown_key": (
        "Я не знаю ключ <b>{name}</b>. Я понимаю ключи: название, начало, конец, город, страна, место, "
        "часовой пояс, организатор, при поддержке, повестка, номер, а для русских текстов — "
        "название_ru, место_ru, организатор_ru, при поддержке_ru, повестка_ru. Например: "
        "<code>место: Ministry of Foreign Affairs</code>"
    ),
    "admin.error.duplicate_key": (
        "Поле <b>{field}</b> указано дважды (ещё раз как <b>{name}</b>). Пожалуйста, оставьте одну "
        "строку, например: <code>{example}</code>"
    ),
    "admin.error.missing": (
        "Не хватает строки <b>{field}</b>. Пожалуйста, добавьте её, например: <code>{example}</code>"
    ),
    "admin.error.empty": (
        "В строке <b>{field}</b> нет значения. Пожалуйста, напишите его после двоеточия, "
        "например: <code>{example}</code>"
    ),
    "admin.error.bad_date": (
        "Я не смог прочитать дату <i>{value}</i> в поле <b>{field}</b>. Пожалуйста, укажите местное "
        "время места проведения так: <code>{example}</code> (подойдут и <code>2027-12-10 10:00</code>, "
        "и <code>10 декабря 2027 г. 10:00</code>; если час ещё неизвестен, можно указать только день)."
    ),
    "admin.error.year_out_of_range": (
        "Дата <i>{value}</i> в поле <b>{field}</b> вне лет, которые я храню (с {first} по {last}). "
        "Пожалуйста, проверьте год, например: <code>{example}</code>"
    ),
    "admin.error.time_skipped": (
        "Времени <i>{value}</i> в поле <b>{field}</b> нет в поясе {zone}: в ту ночь часы переводят "
        "вперёд. Пожалуйста, укажите существующее там время (скажем, на час позже), например: "
        "<code>{example}</code>"
    ),
    "admin.preview.repeated_hour": (
        "⚠️ {clock} {day} бывает дважды в поясе {zone}: в ту ночь часы переводят назад. Я взял "
        "время по {offset}, как в карточке; если в приглашении имеется в виду другое, укажите время "
        "по UTC с <code>timezone: UTC</code>."
    ),
    "admin.error.in_past": (
        "Начало <i>{value}</i> уже в прошлом. Пожалуйста, укажите предстоящую дату, "
        "например: <code>{example}</code>"
    ),
    "admin.error.end_before_start": (
        "Встреча закончилась бы ({ends}) раньше, чем началась ({starts}). Пожалуйста, проверьте "
        "обе даты, например: <code>{example}</code>"
    ),
    "admin.error.end_without_time": (
        "У окончания <i>{value}</i> нет часа, а у начала есть. Пожалуйста, добавьте час, "
        "например: <code>{example}</code>"
    ),
    "admin.error.unknown_city": (
        "Я не знаю город <i>{value}</i> и поэтому не могу определить его часовой пояс. Пожалуйста, "
        "проверьте написание (например, <code>{example}</code>) или добавьте пояс отдельной строкой: "
        "<code>часовой пояс: Asia/Tashkent</code>"
    ),
    "admin.error.bad_zone": (
        "<i>{value}</i> — не известный мне часовой пояс. Пожалуйста, укажите его название по IANA, "
        "например: <code>{example}</code>"
    ),
    "admin.error.too_long": (
        "Поле <b>{field}</b> слишком длинное (знаков: {length}, а допустимо не больше {limit}). "
        "Пожалуйста, сократите его, например: <code>{example}</code>"
    ),
    "admin.error.bad_ordinal": (
        "<i>{value}</i> — не номер встречи. Пожалуйста, укажите целое положительное число, "
        "например: <code>{example}</code>"
    ),
    "admin.error.unknown_country": (
        "Я не знаю страну <i>{value}</i>. Пожалуйста, проверьте написание, например: "
        "<code>{example}</code>, или уберите эту строку: для известного города страна подставится сама."
    ),
    "admin.error.country_mismatch": (
        "{city} не находится в стране <i>{value}</i>. Пожалуйста, исправьте город или страну либо "
        "уберите страну: я возьму её по городу. Например: <code>{example}</code>"
    ),
    "admin.field.title": "название",
    "admin.field.title_ru": "название_ru",
    "admin.field.starts": "начало",
    "admin.field.ends": "конец",
    "admin.field.city": "город",
    "admin.field.country": "страна",
    "admin.field.venue": "место",
    "admin.field.venue_ru": "место_ru",
    "admin.field.timezone": "часовой пояс",
    "admin.field.organizer": "организатор",
    "admin.field.organizer_ru": "организатор_ru",
    "admin.field.supporters": "при поддержке",
    "admin.field.supporters_ru": "при поддержке_ru",
    "admin.field.summary": "повестка",
    "admin.field.summary_ru": "повестка_ru",
    "admin.field.ordinal": "номер",
    "admin.example.title": "название: 7th annual Meeting of Central Asian Deputy Ministers of Foreign Affairs",
    "admin.example.title_ru": "название_ru: 7-я ежегодная встреча заместителей министров иностранных дел стран Центральной Азии",
    "admin.example.starts": "начало: 10.12.2027 10:00",
    "admin.example.ends": "конец: 10.12.2027 18:00",
    "admin.example.city": "город: Алматы",
    "admin.example.country": "страна: Казахстан",
    "admin.example.venue": "место: Ministry of Foreign Affairs",
    "admin.example.venue_ru": "место_ru: Министерство иностранных дел",
    "admin.example.timezone": "часовой пояс: Asia/Almaty",
    "admin.example.organizer": "организатор: UNRCCA",
    "admin.example.organizer_ru": "организатор_ru: РЦПДЦА",
    "admin.example.supporters": "при поддержке: European Union",
    "admin.example.supporters_ru": "при поддержке_ru: Европейский союз",
    "admin.example.summary": "повестка: Regional security, water and energy cooperation",
    "admin.example.summary_ru": "повестка_ru: Региональная безопасность, сотрудничество в области воды и энергетики",
    "admin.example.ordinal": "номер: 7",
    "admin.example.form": (
        "название: 7th annual Meeting of Central Asian Deputy Ministers of Foreign Affairs\n"
        "название_ru: 7-я ежегодная встреча заместителей министров иностранных дел стран Центральной Азии\n"
        "начало: 10 декабря 2027 г. 10:00\n"
        "город: Алматы"
    ),
    "admin.refused": "Извините, это доступно только администраторам бота.",
    "admin.usage.editevent": "/editevent 5 место: Министерство иностранных дел",
    "admin.usage.cancelevent": "/cancelevent 5 Площадка закрыта",
    "admin.usage.deleteevent": "/deleteevent 5",
    "admin.usage.grant": "/grant 123456789",
    "admin.usage.revoke": "/revoke 123456789",
    "admin.error.bad_meeting_id": (
        "Пожалуйста, напишите <b>ID</b> встречи (число; их показывает /events) сразу после "
        "команды, например: <code>{example}</code>"
    ),
    "admin.error.bad_user_id": (
        "Пожалуйста, напишите после команды числовой <b>id пользователя</b> Telegram, "
        "например: <code>{example}</code>, или отправьте команду ответом на его сообщение "
        "(в группе или пересланное мне)."
    ),
    "admin.error.unknown_meeting": (
        "Встречи с <b>ID</b> {id} нет. /events показывает все встречи с их ID, "
        "например: <code>{example}</code>"
    ),
    "admin.error.duplicate": (
        "Встреча с тем же <b>названием</b> и <b>началом</b> уже есть (ID {id}), поэтому эту я не "
        "сохранил. Измените название или начало либо исправьте ту встречу: "
        "<code>/editevent {id} место: Министерство иностранных дел</code>"
    ),
    "admin.error.duplicate_now": (
        "Встречу с тем же <b>названием</b> и <b>началом</b> только что сохранили, поэтому эту я "
        "не сохранил. /events её показывает."
    ),
    "admin.error.reason_too_long": (
        "<b>Причина</b> слишком длинная: {length} символов, а помещается не больше {limit}. "
        "Пожалуйста, сократите её, например: <code>/cancelevent 5 Площадка закрыта</code>"
    ),
    "admin.error.was_reminded": (
        "Подписчикам уже напомнили о встрече {id}, поэтому я её не удалил. Пожалуйста, "
        "отмените её: <code>/cancelevent {id} Площадка закрыта</code>"
    ),
    "admin.error.stale_draft": (
        "Я не сохранил эту правку: встречу {id} изменили после вашего предпросмотра, и сохранение "
        "отменило бы то изменение. Что изменилось с тех пор:"
    ),
    "admin.stale.again": "Пожалуйста, отправьте /editevent {id} ещё раз со своей правкой — к встрече в её нынешнем виде.",
    "admin.error.bad_page": (
        "Пожалуйста, укажите страницу <b>числом</b> от 1 до {limit}, например: "
        "<code>/events 2</code>"
    ),
    "admin.error.bad_count": (
        "Пожалуйста, напишите, сколько изменений показать: <b>число</b> от 1 до {limit}, "
        "например: <code>/audit 20</code>"
    ),
    "admin.admins.header": "<b>Администраторы</b>",
    "admin.admins.item": "• {who}, с {since}, назначил {by}",
    "admin.admins.item_configured": "• {who}, с {since}, из настроек бота",
    "admin.admins.configured_mark": " · в <code>BOT_ADMIN_IDS</code>: снова администратор при каждом запуске",
    "admin.who.named": "{name} (<code>{user_id}</code>)",
    "admin.who.id": "<code>{user_id}</code>",
    "admin.grant.done": "Пользователь {who} теперь администратор.",
    "admin.grant.already": "Пользователь {who} уже администратор.",
    "admin.revoke.done": "Пользователь {who} больше не администратор.",
    "admin.revoke.done_until_restart": (
        "Пользователь {who} больше не администратор, но только до перезапуска бота: его id есть "
        "в настройке <code>BOT_ADMIN_IDS</code>, и при каждом запуске он снова становится "
        "администратором. Чтобы это было навсегда, уберите id и из <code>BOT_ADMIN_IDS</code>."
    ),
    "admin.revoke.not_admin": "Пользователь {who} не администратор. Список показывает /admins.",
    "admin.revoke.last": (
        "{who} — последний администратор, и я его оставил: у бота всегда должен "
        "быть хотя бы один. Сначала назначьте другого, например: <code>/grant 123456789</code>"
    ),
    "admin.preview.add": "<b>Предпросмотр</b>: так подписчики увидят встречу. Сохранить?",
    "admin.preview.edit": "<b>Предпросмотр</b> встречи {id} после изменения. Сохранить?",
    "admin.preview.in_ru": "<b>Для читателей на русском</b>:",
    "admin.preview.in_en": "<b>Для читателей на английском</b>:",
    "admin.preview.no_english": "⚠️ Нет текста на английском: {fields}. Читатели на английском увидят русский; добавьте его латиницей, например <code>название: Water talks</code>.",
    "admin.preview.no_russian": "ℹ️ Нет текста на русском: {fields}. Читатели на русском увидят английский; добавьте его кириллицей, например <code>название: Переговоры по воде</code>.",
    "admin.button.save": "Сохранить",
    "admin.button.cancel": "Отмена",
    "admin.button.skip": "Пропустить",
    "admin.button.previous": "« Назад",
    "admin.button.next": "Дальше »",
    "admin.button.unknown": "Я не знаю эту кнопку. Пожалуйста, отправьте команду ещё раз.",
    "admin.saved.add": (
        "Сохранено: встреча <b>{id}</b>, {title}. Изменить: <code>/editevent {id} ключ: значение</code>"
    ),
    "admin.saved.edit": "Изменения встречи <b>{id}</b>, {title}, сохранены.",
    "admin.draft.dropped": "Отменено: ничего не сохранено.",
    "admin.draft.gone": (
        "Этого черновика уже нет: его сохранили или отменили. "
        "Пожалуйста, начните заново с /addevent или /editevent."
    ),
    "admin.draft.gone_notice": "Этого черновика уже нет.",
    "admin.edit.nothing": "У встречи {id} уже так указано, менять нечего.",
    "admin.cancelled": (
        "Встреча <b>{id}</b>, {title}, отменена; её карточка теперь об этом говорит. "
        "Чтобы вернуть её: <code>/restoreevent {id}</code>"
    ),
    "admin.deleted": "Встреча <b>{id}</b>, {title}, удалена. /audit хранит то, что в ней было.",
    "admin.dialog.intro": (
        "Добавим встречу, по одному вопросу. Чтобы изменить предыдущий ответ, отправьте /back; "
        "чтобы остановиться — /cancel."
    ),
    "admin.dialog.ask.title": (
        "Как <b>называется</b> встреча? Например: "
        "<i>7-я ежегодная встреча заместителей министров иностранных дел стран Центральной Азии</i>"
    ),
    "admin.dialog.ask.city": "В каком <b>городе</b> она пройдёт? Например: <i>Алматы</i>",
    "admin.dialog.ask.timezone": (
        "Я не знаю город <i>{city}</i>. Если он указан верно, напишите, пожалуйста, его "
        "<b>часовой пояс</b>, например: <i>Asia/Tashkent</i>; если нет — напишите город ещё раз, "
        "например: <i>Алматы</i>"
    ),
    "admin.dialog.ask.timezone_or_city": (
        "Я не знаю город <i>{city}</i>. Может быть, вы имели в виду: <b>{names}</b>? Напишите "
        "верное название или, если <i>{city}</i> указан верно, его <b>часовой пояс</b>, "
        "например: <i>Asia/Tashkent</i>"
    ),
    "admin.dialog.first": "Это первый вопрос, возвращаться некуда.",
    "admin.dialog.ask.starts": (
        "Когда она <b>начинается</b> по местному времени? Например: <i>10.12.2027 10:00</i> "
        "(можно только день, если час ещё неизвестен)"
    ),
    "admin.dialog.ask.ends": (
        "Когда она <b>заканчивается</b>? Например: <i>18:00</i> или <i>11.12.2027 13:00</i>"
    ),
    "admin.dialog.ask.venue": (
        "Где именно (<b>место</b>)? Например: <i>Министерство иностранных дел</i>"
    ),
    "admin.dialog.ask.organizer": "Кто <b>организатор</b>? Например: <i>РЦПДЦА</i>",
    "admin.dialog.ask.summary": (
        "Что в <b>повестке</b>? Например: "
        "<i>Региональная безопасность, сотрудничество в области воды и энергетики</i>"
    ),
    "admin.dialog.optional": "Это необязательно: отправьте /skip, чтобы пропустить.",
    "admin.dialog.required": (
        "Поле <b>{field}</b> нужно каждой встрече, его нельзя пропустить. Пожалуйста, ответьте "
        "или отправьте /cancel, чтобы остановиться."
    ),
    "admin.dialog.retry": "Пожалуйста, ответьте ещё раз:",
    "admin.dialog.cancelled": "Остановлено: встреча не добавлена.",
    "admin.events.header": (
        "<b>Все встречи</b> ({count}), страница {page} из {pages}. Число после /event_ — это ID."
    ),
    "admin.events.empty": "Встреч пока нет. Добавьте встречу командой /addevent.",
    "admin.audit.header": "<b>Последние изменения</b> ({count}); когда внесены — по UTC, время встреч — местное:",
    "admin.audit.item": "\n<b>{when}</b> · {action} встреча {id} · <code>{actor}</code>",
    "admin.audit.command_line": "командная строка",
    "admin.audit.change": "    {column}: {before} → {after}",
    "admin.audit.value": "    {column}: {value}",
    "admin.audit.status.scheduled": "запланирована",
    "admin.audit.status.cancelled": "отменена",
    "admin.field.status": "статус",
    "admin.field.reason": "причина",
    "admin.audit.action.add": "добавлена",
    "admin.audit.action.edit": "изменена",
    "admin.audit.action.cancel": "отменена",
    "admin.audit.action.restore": "восстановлена",
    "admin.audit.action.delete": "удалена",
    "admin.audit.empty": "Изменений пока нет.",
    "admin.audit.too_long": "Эти изменения не помещаются в одно сообщение; запросите меньше: /audit 3",
    "admin.stats.chats": "<b>Чаты</b>: активных {active}, неактивных {inactive}",
    "admin.stats.subscriptions": (
        "<b>Подписки</b>: на все встречи {every}, на отдельные встречи {single}"
    ),
    "admin.stats.reminders": "<b>Напоминания</b> по встречам:",
    "admin.stats.meeting": "• {id} {title}: подписчиков {subscribers}, напоминаний отправлено {sent}, не доставлено {failed}, пропущено {missed}",
    "admin.stats.no_reminders": "<b>Напоминания</b>: ни у одной встречи пока нет подписчиков и напоминаний.",
    "admin.stats.too_long": "Слишком много встреч, чтобы перечислить здесь.",
    "admin.dialog.private_only": (
        "Пошаговый /addevent, пожалуйста, начните в личном чате со мной или пришлите здесь всю "
        "встречу одним сообщением, например:\n<pre>/addevent\n{example}</pre>"
    ),
}
