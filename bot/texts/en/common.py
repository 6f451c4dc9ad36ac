TEXTS: dict[str, str] = {
    "start.greeting": (
        "Hello{name}! I am the UNRCCA meetings bot.\n\n"
        "I know the meetings of the UN Regional Centre for Preventive Diplomacy for Central Asia "
        "(UNRCCA): when and where they are, who organizes them and what is discussed.\n\n"
        "{help}"
    ),
    "help.body": (
        "<b>Ask me in plain English or Russian</b>, for example:\n"
        "• <i>Where is the sixth meeting?</i>\n"
        "• <i>What was discussed in Ashgabat?</i>\n"
        "• <i>Which countries does the Centre assist?</i>\n"
        "• <i>Когда встреча в Душанбе?</i>\n\n"
        "<b>Commands</b>\n"
        "{commands}"
    ),
    "flood.slow_down": (
        "You are sending messages faster than I can answer, so I skipped some of them. "
        "Please wait for my answers, then send again what is still needed."
    ),
    "help.command_line": "/{command} — {description}",
    "command.start": "Start and introduction",
    "command.help": "What I can do",
    "command.language": "Choose English or Russian",
    "group.admins_only": (
        "Only this group's administrators can use /{command} here: it changes the group's "
        "settings for everyone. Ask one of them, or talk to me in a private chat."
    ),
    "language.usage": (
        "Please name the language: <code>/language en</code> for English or "
        "<code>/language ru</code> for Russian."
    ),
    "language.chosen": "Done: I will answer in English. Questions in Russian still get Russian answers.",
    "fallback.not_understood": (
        "Sorry, I did not understand that. I answer questions about UNRCCA meetings, for example:\n"
        "• <i>When is the sixth meeting?</i>\n"
        "• <i>Where did the fifth meeting take place?</i>\n"
        "• <i>What is UNRCCA?</i>\n"
        "Send /help to see everything I can do."
    ),
    "fallback.unknown_command": (
        "I do not know the command /{command}. Send /help to see the commands I understand, "
        "for example /start."
    ),
    "fallback.too_long": (
        "That message is too long for me ({length} characters). Please ask one short question, "
        "for example: <i>When is the next meeting?</i>"
    ),
    "alert.error": (
        "⚠️ <b>The bot hit an unexpected error</b> ({where}):\n<code>{error}</code>\n"
        "The log has the traceback. Errors not reported since the last alert: {held}."
    ),
    "error.internal": (
        "Sorry, something went wrong on my side and I could not answer. "
        "Please try again in a minute."
    ),
}
