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
}
