"""Admin texts: cancelling, restoring and deleting a meeting, naming a person to /grant, the
dialog's commands when no dialog runs."""

TEXTS: dict[str, str] = {
    "admin.usage.restoreevent": "/restoreevent 5",
    "admin.error.cancel_ended": (
        "Meeting <b>{id}</b>, {title}, has already taken place ({day}), so I did not cancel it: "
        "/past keeps it as it happened. To correct its details: "
        "<code>/editevent {id} summary: What was discussed</code>"
    ),
    "admin.cancel.reason": " (reason: {reason})",
    "admin.cancel.already": (
        "Meeting <b>{id}</b>, {title}, is already cancelled{reason}, so nothing changed. "
        "To change the reason, give a new one: <code>/cancelevent {id} The venue is closed</code>; "
        "to undo the cancellation: <code>/restoreevent {id}</code>"
    ),
    "admin.cancel.reason_changed": (
        "Meeting <b>{id}</b>, {title}, stays cancelled; the reason is now: {reason}"
    ),
    "admin.restored": (
        "Meeting <b>{id}</b>, {title}, is scheduled again; its card no longer says it is cancelled."
    ),
    "admin.restore.not_cancelled": (
        "Meeting <b>{id}</b>, {title}, is not cancelled, so there is nothing to restore. "
        "/events marks the cancelled ones, for example: <code>/restoreevent 5</code>"
    ),
    "admin.delete.confirm": (
        "<b>Delete</b> meeting {id}? It disappears from every list and the bot cannot bring it "
        "back (/audit keeps what it held). To keep it but call it off, cancel it instead: "
        "<code>/cancelevent {id}</code>"
    ),
    "admin.button.delete": "Delete",
    "admin.button.back": "« Back",
    "admin.button.keep": "Keep",
    "admin.delete.kept": "Kept: meeting <b>{id}</b> was not deleted.",
    "dialog.none.cancel": "There is nothing to cancel: no question of mine is waiting for an answer.",
    "dialog.none.skip": "There is nothing to skip: no question of mine is waiting for an answer.",
    "dialog.none.back": "There is nothing to go back to: no question of mine is waiting for an answer.",
    "admin.error.hidden_user": (
        "Telegram does not tell me who {name} is: their privacy settings hide them in forwarded "
        "messages. Please reply to a message of theirs in a group we share, or use their numeric "
        "id: <code>/grant 123456789</code>"
    ),
    "admin.error.bot_user": (
        "{name} is a bot, and bots cannot be admins. Please reply to a person's message, "
        "for example: <code>/grant</code> as a reply to your colleague's message"
    ),
    "admin.error.service_account": (
        "<code>{user_id}</code> is one of Telegram's own accounts (an anonymous group admin, "
        "a channel or Telegram's notices), not a person, so it cannot be an admin. Please reply "
        "to your colleague's own message with <code>/grant</code>, or use their id: "
        "<code>/grant 123456789</code>"
    ),
    "admin.error.unseen_user": (
        "I have not seen <code>{user_id}</code> as a person yet, so I cannot make them an admin: "
        "a mistyped id would give the rights to a stranger. Please ask them to send me /start, "
        "then try again, or reply to a message of theirs with <code>/grant</code>."
    ),
    "admin.revoke.gone": (
        "You are no longer an admin: another admin revoked you a moment ago, so I changed nothing."
    ),
}
