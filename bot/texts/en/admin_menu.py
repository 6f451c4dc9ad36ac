"""The admins' command menu and the admin section of /help."""

TEXTS: dict[str, str] = {
    "command.addevent": "Add a meeting: a form, or step by step",
    "command.editevent": "Change a meeting: /editevent 5 venue: MFA",
    "command.cancelevent": "Cancel a meeting: /cancelevent 5 reason",
    "command.restoreevent": "Undo a cancellation: /restoreevent 5",
    "command.deleteevent": "Delete a meeting, after a preview",
    "command.events": "All meetings with their IDs",
    "command.audit": "Latest changes: who, when, what",
    "command.stats": "Chats, subscriptions, reminders",
    "command.import": "Import an .ics calendar file",
    "command.export": "Export the meetings as .ics",
    "command.admins": "Who the admins are",
    "command.grant": "Make someone an admin (or reply to them)",
    "command.revoke": "Remove an admin",
    "help.admin": (
        "\n\n<b>For admins</b>\n"
        "{commands}\n"
        "A meeting is written one <code>key: value</code> a line; the README lists every key. "
        "Each change is previewed first, and /audit keeps what it was."
    ),
}
