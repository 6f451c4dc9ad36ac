TEXTS: dict[str, str] = {
    "calendar.import.usage": (
        "Пожалуйста, пришлите календарь <b>файлом .ics</b> с подписью <code>/import</code>: "
        "прикрепите файл, напишите в подписи <code>/import</code> и отправьте. Можно также "
        "ответить <code>/import</code> на сообщение с файлом. Каждое событие становится "
        "встречей и при следующем импорте находится по своему UID, например:\n"
        "<pre>BEGIN:VEVENT\n"
        "UID:water-talks-2027@unrcca-bot\n"
        "SUMMARY:Water talks\n"
        "DTSTART:20271210T050000Z\n"
        "LOCATION:Almaty, Kazakhstan\n"
        "END:VEVENT</pre>\n"
        "/export присылает нынешние встречи в этом формате."
    ),
    "calendar.import.not_ics": (
        "<i>{name}</i> — не файл .ics, поэтому я его не читал. Пожалуйста, пришлите файл "
        "iCalendar с именем на <b>.ics</b> (его выгружают приложения-календари) с подписью "
        "<code>/import</code>."
    ),
    "calendar.import.too_big": (
        "Файл <i>{name}</i> слишком велик: {size} КБ, а читаю я не больше {limit} КБ. "
        "Пожалуйста, разделите календарь на файлы .ics поменьше и пришлите каждый с подписью "
        "<code>/import</code>."
    ),
    "calendar.import.not_calendar": (
        "<i>{name}</i> — не календарь: я не смог прочитать его как iCalendar (он должен "
        "начинаться с <code>BEGIN:VCALENDAR</code>). Пожалуйста, выгрузите календарь заново "
        "файлом .ics и пришлите его с подписью <code>/import</code>."
    ),
    "calendar.import.broken": (
        "<i>{name}</i> — файл календаря, но он повреждён в строке {line}: "
        "<code>{content}</code> — {problem} Пожалуйста, выгрузите календарь заново или "
        "исправьте эту строку и пришлите файл с подписью <code>/import</code>."
    ),
    "calendar.broken.bad_line": (
        "эта строка — не свойство iCalendar (она должна выглядеть так: "
        "<code>SUMMARY:Water talks</code>)."
    ),
    "calendar.broken.unexpected_end": "этот END закрывает блок, который здесь не начинался.",
    "calendar.broken.unclosed": (
        "файл кончается здесь, до END начатого блока (файл обрезан при отправке?)."
    ),
    "calendar.import.hint": (
        "Чтобы импортировать встречи из <i>{name}</i>, ответьте на него <code>/import</code> "
        "или пришлите его снова с подписью <code>/import</code>."
    ),
    "calendar.import.report": (
        "<b>Импорт завершён.</b> Создано: {created}, обновлено: {updated}, без изменений: "
        "{unchanged}, пропущено: {skipped}."
    ),
    "calendar.import.created_header": "Созданы:",
    "calendar.import.updated_header": "Обновлены:",
    "calendar.import.unchanged_header": "Без изменений:",
    "calendar.import.outcome_item": "• Событие {number}: <i>{title}</i> (ID {id}): {changed}",
    "calendar.import.same_item": "• Событие {number}: <i>{title}</i> (ID {id})",
    "calendar.import.full_report_attached": (
        "Полный отчёт, с каждой встречей, слишком длинен для сообщения: он в приложенном файле."
    ),
    "calendar.import.skipped_header": "Пропущенные события (исправьте их и импортируйте файл снова):",
    "calendar.import.skipped_item": "• Событие {number}{title}: {reason}",
    "calendar.import.event_title": " (<i>{title}</i>)",
    "calendar.field.title": "название",
    "calendar.field.start": "начало",
    "calendar.field.end": "конец",
    "calendar.field.zone": "часовой пояс",
    "calendar.field.place": "место",
    "calendar.field.summary": "описание",
    "calendar.field.status": "статус",
    "calendar.field.organizer": "организатор",
    "calendar.field.supporters": "при поддержке",
    "calendar.field.ordinal": "серия и номер",
    "calendar.field.source": "источник",
    "calendar.import.more": "…и ещё пропущенных событий: {count}.",
    "calendar.import.progress": "⏳ Импортирую… готово {done} из {total} событий.",
    "calendar.skip.no_uid": (
        "у него нет <b>UID</b>. Пожалуйста, дайте каждому событию свой, например "
        "<code>UID:water-talks-2027@unrcca-bot</code>, чтобы следующий импорт его обновил."
    ),
    "calendar.skip.no_title": (
        "у него нет названия (<b>SUMMARY</b>). Пожалуйста, добавьте его, например "
        "<code>SUMMARY:Water talks</code>."
    ),
    "calendar.skip.repeating": (
        "оно повторяется (<b>RRULE</b>/<b>RDATE</b>), а каждая встреча должна быть отдельным "
        "событием. Пожалуйста, запишите каждую встречу отдельным событием со своим UID."
    ),
    "calendar.skip.no_start": (
        "у него нет начала (<b>DTSTART</b>). Пожалуйста, добавьте его, например "
        "<code>DTSTART:20271210T050000Z</code>, или <code>DTSTART;VALUE=DATE:20271210</code>, "
        "если известен только день."
    ),
    "calendar.skip.bad_dtstart": (
        "его начало <i>{value}</i> (<b>DTSTART</b>) — не дата, которую я могу прочитать. "
        "Пожалуйста, запишите его так: <code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.bad_dtend": (
        "его конец <i>{value}</i> (<b>DTEND</b>) — не дата, которую я могу прочитать. "
        "Пожалуйста, запишите его так: <code>DTEND:20271210T120000Z</code> или уберите."
    ),
    "calendar.skip.bad_duration": (
        "его длительность <i>{value}</i> (<b>DURATION</b>) я не могу прочитать. Пожалуйста, "
        "запишите её так: <code>DURATION:PT3H</code> или укажите <b>DTEND</b>."
    ),
    "calendar.skip.out_of_range": (
        "его время <i>{value}</i> вне лет, которые я храню (с {first} по {last}). Пожалуйста, "
        "проверьте год, например <code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.mixed_end": (
        "его начало и конец разного вида (одно — день, другое — время). Пожалуйста, сделайте "
        "оба днями (<code>VALUE=DATE</code>) или оба датой со временем."
    ),
    "calendar.skip.end_before_start": (
        "оно заканчивается раньше, чем начинается. Пожалуйста, проверьте <b>DTSTART</b> и "
        "<b>DTEND</b>."
    ),
    "calendar.skip.unknown_place": (
        "я не могу определить его часовой пояс: в <i>{location}</i> нет знакомого мне города, "
        "а файл не указывает пояс. Пожалуйста, начните <b>LOCATION</b> с города, например "
        "<code>LOCATION:Almaty, Kazakhstan</code>, или укажите пояс начала, например "
        "<code>DTSTART;TZID=Asia/Almaty:20271210T100000</code>."
    ),
    "calendar.skip.too_long": (
        "его <b>{field}</b> слишком длинный: {length} символов, а помещается не больше {limit}. "
        "Пожалуйста, сократите его."
    ),
    "calendar.skip.unknown_zone": (
        "его время указано в поясе <i>{zone}</i>, которого я не знаю, а блока "
        "<b>VTIMEZONE</b> для него в файле нет. Пожалуйста, укажите пояс так: "
        "<code>DTSTART;TZID=Asia/Almaty:20271210T100000</code> или время в UTC: "
        "<code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.older": (
        "это более старая версия встречи {id}: <b>SEQUENCE</b> в файле — {file}, у бота — "
        "{ours}, и встречу меняли после этого файла. Ничего не изменено. Пожалуйста, выгрузите "
        "нынешнюю версию через /export и правьте её; чтобы всё же принять этот файл, поставьте "
        "SEQUENCE больше {ours}."
    ),
    "calendar.skip.duplicate_uid": (
        "его <b>UID</b> уже есть у события выше в этом файле, поэтому прочитано только первое. "
        "Пожалуйста, дайте каждому событию свой UID."
    ),
    "calendar.skip.duplicate": (
        "встреча с тем же названием и началом уже есть (ID {id}) под другим UID. Пожалуйста, "
        "измените название или начало либо используйте UID этой встречи (его покажет /export)."
    ),
    "calendar.skip.conflict": (
        "встречу с тем же названием и началом или с тем же UID сохранили в тот же момент. "
        "Пожалуйста, импортируйте файл ещё раз."
    ),
    "calendar.export.caption": (
        "Встреч: {total} (предстоящих: {upcoming}, прошедших: {past}, отменённых: {cancelled}). "
        "Этот файл принимают приложения-календари; после правки пришлите его обратно с "
        "подписью /import."
    ),
    "calendar.feed.name": "Встречи РЦПДЦА",
    "calendar.skip.outside_calendar": (
        "оно стоит после <code>END:VCALENDAR</code>, вне календаря, где "
        "календари его не показывают. Пожалуйста, перенесите его выше "
        "<code>END:VCALENDAR</code>."
    ),
    "calendar.import.notes_header": "Строки, прочитанные иначе, чем написаны, или пропущенные:",
    "calendar.import.note_item": "• Строка {line}{event}: <code>{content}</code> — {problem}",
    "calendar.import.note_event": " (событие {number})",
    "calendar.note.unread": "её значение не читается, я его пропустил; остальное прочитано.",
    "calendar.note.second_tzid": (
        "второй <b>TZID</b> в одном <b>VTIMEZONE</b>; пояс называет первый."
    ),
    "calendar.note.busy_zone": (
        "это правило пояса переводит часы чаще, чем любой часовой пояс, поэтому я пропустил "
        "пояс (события с ним пропущены). Пожалуйста, укажите пояс по имени, например "
        "<code>TZID=Asia/Almaty</code>."
    ),
    "calendar.import.over_budget": (
        "Я прекратил читать <i>{name}</i>: {reason} Ничего не импортировано. Пожалуйста, "
        "проверьте блоки <b>VTIMEZONE</b> и правила повторения в файле или разделите календарь "
        "на файлы .ics поменьше и пришлите снова с подписью <code>/import</code>."
    ),
    "calendar.budget.time": "чтение заняло больше {seconds} секунд.",
    "calendar.budget.memory": "для чтения понадобилось больше {megabytes} МБ памяти.",
    "calendar.import.unknown_encoding": (
        "<i>{name}</i> записан не в UTF-8, и я не могу уверенно определить его кодировку (похоже "
        "на {encoding}). Пожалуйста, выгрузите календарь заново в UTF-8 (календари и текстовые "
        "редакторы предлагают её при сохранении) и пришлите с подписью <code>/import</code>."
    ),
    "calendar.import.event_line": "(Оно начинается в строке {line}.)",
}
