TEXTS: dict[str, str] = {
    "admin.errors.header": (
        "Sorry, I could not save the meeting. Please correct the message and send it again:"
    ),
    "admin.errors.item": "• {text}",
    "admin.error.no_fields": (
        "Please write the meeting after the command, one <code>key: value</code> a line, for example:\n"
        "<pre>{example}</pre>"
    ),
    "admin.error.no_key": (
        "The line <i>{line}</i> does not start with a key. Please begin each line with a key and a colon, "
        "for example: <code>city: Almaty</code>"
    ),
    "admin.error.unknown_key": (
        "I do not know the key <b>{name}</b>. The keys I know are: title, starts, ends, city, country, "
        "venue, timezone, organizer, supporters, summary, ordinal, and title_ru, venue_ru, "
        "organizer_ru, supporters_ru, summary_ru for the Russian texts. For example: "
        "<code>venue: Ministry of Foreign Affairs</code>"
    ),
    "admin.error.duplicate_key": (
        "The <b>{field}</b> is given twice (again as <b>{name}</b>). Please keep one line, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.missing": (
        "The <b>{field}</b> line is missing. Please add it, for example: <code>{example}</code>"
    ),
    "admin.error.empty": (
        "The <b>{field}</b> line has no value. Please write it after the colon, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.bad_date": (
        "I could not read the date <i>{value}</i> in <b>{field}</b>. Please write the local time at "
        "the venue like this: <code>{example}</code> (<code>10.12.2027 10:00</code> and "
        "<code>10 December 2027 10:00</code> work too; a day alone is fine if the hour is not known yet)."
    ),
    "admin.error.in_past": (
        "The start <i>{value}</i> is already in the past. Please give a date still to come, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.end_before_start": (
        "The meeting would end ({ends}) before it starts ({starts}). Please check both, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.end_without_time": (
        "The end <i>{value}</i> has no hour, while the start has one. Please add the hour, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.unknown_city": (
        "I do not know the city <i>{value}</i>, so I cannot tell its time zone. Please check the "
        "spelling (for example <code>{example}</code>) or add the zone on its own line: "
        "<code>timezone: Asia/Tashkent</code>"
    ),
    "admin.error.bad_zone": (
        "<i>{value}</i> is not a time zone I know. Please give its IANA name, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.too_long": (
        "The <b>{field}</b> is too long: {length} characters, and at most {limit} fit. "
        "Please shorten it, for example: <code>{example}</code>"
    ),
    "admin.error.bad_ordinal": (
        "<i>{value}</i> is not a meeting number. Please write a positive number, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.unknown_country": (
        "I do not know the country <i>{value}</i>. Please check the spelling, for example: "
        "<code>{example}</code>, or leave the line out: a known city brings its country."
    ),
    "admin.error.country_mismatch": (
        "{city} is not in <i>{value}</i>. Please correct the city or the country, or leave the "
        "country out: I take it from the city. For example: <code>{example}</code>"
    ),
    "admin.field.title": "title",
    "admin.field.title_ru": "title_ru",
    "admin.field.starts": "starts",
    "admin.field.ends": "ends",
    "admin.field.city": "city",
    "admin.field.country": "country",
    "admin.field.venue": "venue",
    "admin.field.venue_ru": "venue_ru",
    "admin.field.timezone": "timezone",
    "admin.field.organizer": "organizer",
    "admin.field.organizer_ru": "organizer_ru",
    "admin.field.supporters": "supporters",
    "admin.field.supporters_ru": "supporters_ru",
    "admin.field.summary": "summary",
    "admin.field.summary_ru": "summary_ru",
    "admin.field.ordinal": "ordinal",
    "admin.example.title": "title: 7th annual Meeting of Central Asian Deputy Ministers of Foreign Affairs",
    "admin.example.title_ru": "title_ru: 7-я ежегодная встреча заместителей министров иностранных дел стран Центральной Азии",
    "admin.example.starts": "starts: 2027-12-10 10:00",
    "admin.example.ends": "ends: 2027-12-10 18:00",
    "admin.example.city": "city: Almaty",
    "admin.example.country": "country: Kazakhstan",
    "admin.example.venue": "venue: Ministry of Foreign Affairs",
    "admin.example.venue_ru": "venue_ru: Министерство иностранных дел",
    "admin.example.timezone": "timezone: Asia/Almaty",
    "admin.example.organizer": "organizer: UNRCCA",
    "admin.example.organizer_ru": "organizer_ru: РЦПДЦА",
    "admin.example.supporters": "supporters: European Union",
    "admin.example.supporters_ru": "supporters_ru: Европейский союз",
    "admin.example.summary": "summary: Regional security, water and energy cooperation",
    "admin.example.summary_ru": "summary_ru: Региональная безопасность, сотрудничество в области воды и энергетики",
    "admin.example.ordinal": "ordinal: 7",
    "admin.example.form": (
        "title: 7th annual Meeting of Central Asian Deputy Ministers of Foreign Affairs\n"
        "starts: 2027-12-10 10:00\n"
        "city: Almaty\n"
        "summary: Regional security, water and energy cooperation"
    ),
}
