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
    "admin.error.year_out_of_range": (
        "The date <i>{value}</i> in <b>{field}</b> is outside the years I can keep ({first} to {last}). "
        "Please check the year, for example: <code>{example}</code>"
    ),
    "admin.error.time_skipped": (
        "The time <i>{value}</i> in <b>{field}</b> does not exist in {zone}: the clocks go forward "
        "over it that night. Please give a time that exists there (an hour later, say), for example: "
        "<code>{example}</code>"
    ),
    "admin.preview.repeated_hour": (
        "⚠️ {clock} on {day} happens twice in {zone}: the clocks go back that night. I took the "
        "one at {offset}, as the card shows; if the invitation means the other, write the time in "
        "UTC with <code>timezone: UTC</code>."
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
    "admin.refused": "Sorry, this is for the bot's administrators only.",
    "admin.usage.editevent": "/editevent 5 venue: Ministry of Foreign Affairs",
    "admin.usage.cancelevent": "/cancelevent 5 The venue is closed",
    "admin.usage.deleteevent": "/deleteevent 5",
    "admin.usage.grant": "/grant 123456789",
    "admin.usage.revoke": "/revoke 123456789",
    "admin.error.bad_meeting_id": (
        "Please write the meeting's <b>ID</b> (a number; /events lists them) right after the "
        "command, for example: <code>{example}</code>"
    ),
    "admin.error.bad_user_id": (
        "Please write the person's numeric Telegram <b>user id</b> after the command, "
        "for example: <code>{example}</code>, or send the command as a reply to their message "
        "(in a group, or a message of theirs forwarded to me)."
    ),
    "admin.error.unknown_meeting": (
        "There is no meeting with <b>ID</b> {id}. /events lists every meeting with its ID, "
        "for example: <code>{example}</code>"
    ),
    "admin.error.duplicate": (
        "A meeting with the same <b>title</b> and <b>starts</b> already exists (ID {id}), so I did "
        "not save this one. Please change the title or the start, or edit that meeting: "
        "<code>/editevent {id} venue: Ministry of Foreign Affairs</code>"
    ),
    "admin.error.duplicate_now": (
        "A meeting with the same <b>title</b> and <b>starts</b> was saved a moment ago, so I did "
        "not save this one. /events shows it."
    ),
    "admin.error.reason_too_long": (
        "The <b>reason</b> is too long: {length} characters, and at most {limit} fit. Please "
        "shorten it, for example: <code>/cancelevent 5 The venue is closed</code>"
    ),
    "admin.error.was_reminded": (
        "Subscribers have already been reminded of meeting {id}, so I did not delete it. Please "
        "cancel it instead: <code>/cancelevent {id} The venue is closed</code>"
    ),
    "admin.error.stale_draft": (
        "I did not save this edit: meeting {id} was changed after you previewed it, and saving "
        "would undo that change. What changed since:"
    ),
    "admin.stale.again": "Please send /editevent {id} again with your change, on the meeting as it now is.",
    "admin.error.bad_page": (
        "Please write the page as a <b>number</b> from 1 to {limit}, for example: "
        "<code>/events 2</code>"
    ),
    "admin.error.bad_count": (
        "Please write how many changes to show, a <b>number</b> from 1 to {limit}, "
        "for example: <code>/audit 20</code>"
    ),
    "admin.admins.header": "<b>Admins</b>",
    "admin.admins.item": "• {who}, since {since}, granted by {by}",
    "admin.admins.item_configured": "• {who}, since {since}, from the bot's settings",
    "admin.admins.configured_mark": " · in <code>BOT_ADMIN_IDS</code>: an admin again at every start",
    "admin.who.named": "{name} (<code>{user_id}</code>)",
    "admin.who.id": "<code>{user_id}</code>",
    "admin.grant.done": "User {who} is now an admin.",
    "admin.grant.already": "User {who} already is an admin.",
    "admin.revoke.done": "User {who} is no longer an admin.",
    "admin.revoke.done_until_restart": (
        "User {who} is no longer an admin, but only until the bot restarts: their id is in the "
        "<code>BOT_ADMIN_IDS</code> setting, which makes them an admin again at every start. "
        "To make it last, remove the id from <code>BOT_ADMIN_IDS</code> too."
    ),
    "admin.revoke.not_admin": "User {who} is not an admin. /admins lists who is.",
    "admin.revoke.last": (
        "{who} is the last admin, so I kept them: the bot must always have one. "
        "Please grant someone else first, for example: <code>/grant 123456789</code>"
    ),
    "admin.preview.add": "<b>Preview</b>: this is how subscribers will see the meeting. Save it?",
    "admin.preview.edit": "<b>Preview</b> of meeting {id} after the change. Save it?",
    "admin.preview.in_ru": "<b>For Russian readers</b>:",
    "admin.preview.in_en": "<b>For English readers</b>:",
    "admin.preview.no_english": "⚠️ No English text for: {fields}. English readers see the Russian one; add it with the English key, e.g. <code>title: Water talks</code>.",
    "admin.preview.no_russian": "ℹ️ No Russian text for: {fields}. Russian readers see the English one; add it in Cyrillic, e.g. <code>название: Переговоры по воде</code>.",
    "admin.button.save": "Save",
    "admin.button.cancel": "Cancel",
    "admin.button.skip": "Skip",
    "admin.button.previous": "« Previous",
    "admin.button.next": "Next »",
    "admin.button.unknown": "I do not know this button. Please send the command again.",
    "admin.saved.add": (
        "Saved: meeting <b>{id}</b>, {title}. To change it: <code>/editevent {id} key: value</code>"
    ),
    "admin.saved.edit": "Saved the changes to meeting <b>{id}</b>, {title}.",
    "admin.draft.dropped": "Cancelled: nothing was saved.",
    "admin.draft.gone": (
        "This draft is no longer there: it was saved or cancelled already. "
        "Please start again with /addevent or /editevent."
    ),
    "admin.draft.gone_notice": "This draft is no longer there.",
    "admin.edit.nothing": "Meeting {id} already says that, so there is nothing to change.",
    "admin.cancelled": (
        "Meeting <b>{id}</b>, {title}, is cancelled; its card now says so. "
        "To undo it: <code>/restoreevent {id}</code>"
    ),
    "admin.deleted": "Meeting <b>{id}</b>, {title}, is deleted. /audit keeps what it held.",
    "admin.dialog.intro": (
        "Let us add a meeting, one question at a time. Send /back to change the previous "
        "answer, /cancel to stop at any time."
    ),
    "admin.dialog.ask.title": (
        "What is the meeting's <b>title</b>? For example: "
        "<i>7th annual Meeting of Central Asian Deputy Ministers of Foreign Affairs</i>"
    ),
    "admin.dialog.ask.city": "In which <b>city</b> is it held? For example: <i>Almaty</i>",
    "admin.dialog.ask.timezone": (
        "I do not know the city <i>{city}</i>. If it is right, please tell me its "
        "<b>time zone</b>, for example: <i>Asia/Tashkent</i>; if not, send the city again, "
        "for example: <i>Almaty</i>"
    ),
    "admin.dialog.ask.timezone_or_city": (
        "I do not know the city <i>{city}</i>. Did you mean: <b>{names}</b>? Send the right "
        "name, or, if <i>{city}</i> is right, its <b>time zone</b>, for example: "
        "<i>Asia/Tashkent</i>"
    ),
    "admin.dialog.first": "This is the first question, so there is nothing to go back to.",
    "admin.dialog.ask.starts": (
        "When does it <b>start</b>, in local time at the venue? For example: "
        "<i>2027-12-10 10:00</i> (a day alone is fine if the hour is not known yet)"
    ),
    "admin.dialog.ask.ends": (
        "When does it <b>end</b>? For example: <i>18:00</i> or <i>2027-12-11 13:00</i>"
    ),
    "admin.dialog.ask.venue": (
        "Where exactly is it (<b>venue</b>)? For example: <i>Ministry of Foreign Affairs</i>"
    ),
    "admin.dialog.ask.organizer": "Who is the <b>organizer</b>? For example: <i>UNRCCA</i>",
    "admin.dialog.ask.summary": (
        "What is on the agenda (<b>summary</b>)? For example: "
        "<i>Regional security, water and energy cooperation</i>"
    ),
    "admin.dialog.optional": "This one is optional: send /skip to leave it out.",
    "admin.dialog.required": (
        "Every meeting needs the <b>{field}</b>, so it cannot be skipped. Please answer, "
        "or send /cancel to stop."
    ),
    "admin.dialog.retry": "Please answer again:",
    "admin.dialog.cancelled": "Stopped: the meeting was not added.",
    "admin.events.header": (
        "<b>All meetings</b> ({count}), page {page} of {pages}. The number after /event_ is the ID."
    ),
    "admin.events.empty": "There are no meetings yet. Add one with /addevent.",
    "admin.audit.header": "<b>Latest changes</b> ({count}); when they were made in UTC, meeting times at the venue:",
    "admin.audit.item": "\n<b>{when}</b> · {action} meeting {id} · by <code>{actor}</code>",
    "admin.audit.command_line": "the command line",
    "admin.audit.change": "    {column}: {before} → {after}",
    "admin.audit.value": "    {column}: {value}",
    "admin.audit.status.scheduled": "scheduled",
    "admin.audit.status.cancelled": "cancelled",
    "admin.field.status": "status",
    "admin.field.reason": "reason",
    "admin.audit.action.add": "added",
    "admin.audit.action.edit": "edited",
    "admin.audit.action.cancel": "cancelled",
    "admin.audit.action.restore": "restored",
    "admin.audit.action.delete": "deleted",
    "admin.audit.empty": "No changes yet.",
    "admin.audit.too_long": "These changes are too long for one message; please ask for fewer: /audit 3",
    "admin.stats.chats": "<b>Chats</b>: {active} active, {inactive} inactive",
    "admin.stats.subscriptions": (
        "<b>Subscriptions</b>: {every} to every meeting, {single} to single meetings"
    ),
    "admin.stats.reminders": "<b>Reminders</b> by meeting:",
    "admin.stats.meeting": "• {id} {title}: {subscribers} subscribed, reminders {sent} sent, {failed} failed, {missed} missed",
    "admin.stats.no_reminders": "<b>Reminders</b>: no meeting has subscribers or reminders yet.",
    "admin.stats.too_long": "Too many meetings to list here.",
    "admin.dialog.private_only": (
        "Please start the step-by-step /addevent in a private chat with me, or send the whole "
        "meeting here in one message, for example:\n<pre>/addevent\n{example}</pre>"
    ),
}
