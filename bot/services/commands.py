"""The command table: every command the bot knows, declared once.

From it are derived: routing (Telegram and `unrcca-bot ask` alike, bot.services.router), the
handlers registered (bot/handlers/commands.py), the admin check, the group-administrator check
for every command that changes the chat, the command menus and the lines of /help (each
described by the text `command.<name>`, in the order below).

Adding a command: one `Command(...)` line here, its `command.<name>` text in every catalogue,
and its tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.services.admin import access, audit, cancelling, deleting, dialog, events, stats
from bot.services.admin import drafts as draft_actions
from bot.services.admin.idle import answer_idle
from bot.services.calendars import feeds
from bot.services.chats import language, privacy, welcome
from bot.services.digests import settings as digest_settings
from bot.services.documents import history as document_history
from bot.services.documents import listing as document_listing
from bot.services.documents import outcomes
from bot.services.meetings import commands as meetings
from bot.services.meetings import listings, search
from bot.services.request import CommandRun
from bot.services.subscriptions import commands as subscriptions
from bot.services.subscriptions import listing, settings

Audience = Literal["public", "admin"]


@dataclass(frozen=True)
class Command:
    name: str
    # None: a front end answers it itself (/import reads a document, /export sends a file).
    run: CommandRun | None
    audience: Audience = "public"
    # In a group only its administrators may run it (Telegram's getChatMember, asked first).
    changes_chat: bool = False
    in_menu: bool = True
    # Its text is read like a question: answered in the script it is written in.
    worded: bool = False
    # With arguments it may change the chat (`/start subscribe`, a deep link): in a group the
    # sender's status is asked of Telegram, and the use case refuses those who may not.
    args_change_chat: bool = False

    def asks_chat_admin(self, args: str) -> bool:
        return self.changes_chat or (self.args_change_chat and bool(args.strip()))

    @property
    def help_key(self) -> str:
        return f"command.{self.name}"


COMMANDS: tuple[Command, ...] = (
    Command("start", welcome.start, args_change_chat=True),
    Command("help", welcome.help_),
    Command("next", meetings.next_meeting),
    Command("upcoming", listings.upcoming),
    Command("past", listings.past),
    Command("event", meetings.event),
    Command("about", meetings.about),
    Command("search", search.search, worded=True),
    Command("documents", document_listing.list_documents),
    Command("subscribe", subscriptions.subscribe, changes_chat=True),
    Command("unsubscribe", subscriptions.unsubscribe, changes_chat=True),
    Command("subscriptions", listing.show_subscriptions),
    Command("remind", settings.set_offsets, changes_chat=True),
    Command("timezone", settings.set_time_zone, changes_chat=True),
    Command("calendar", feeds.calendar, changes_chat=True),
    Command("digest", digest_settings.set_digest, changes_chat=True),
    Command("language", language.choose_language, changes_chat=True),
    Command("mydata", privacy.show_data, changes_chat=True),
    Command("forget", privacy.forget, changes_chat=True),
    # The guided dialog's own words, answered plainly when no dialog waits for them.
    Command("skip", answer_idle("skip"), in_menu=False),
    Command("cancel", answer_idle("cancel"), in_menu=False),
    Command("back", answer_idle("back"), in_menu=False),
    # In the order an admin reaches for them: meetings first, then people and records.
    Command("addevent", dialog.add_event, "admin"),
    Command("editevent", draft_actions.edit_event, "admin"),
    Command("cancelevent", cancelling.cancel_event, "admin"),
    Command("restoreevent", cancelling.restore_event, "admin"),
    Command("deleteevent", deleting.delete_event, "admin"),
    Command("events", events.list_events, "admin"),
    Command("attach", None, "admin"),
    Command("removedoc", document_history.remove_document, "admin"),
    Command("restoredoc", document_history.restore_document, "admin"),
    Command("publish", outcomes.publish, "admin"),
    Command("outcome", outcomes.type_outcome, "admin"),
    Command("audit", audit.show_audit, "admin"),
    Command("stats", stats.show_stats, "admin"),
    # Answered by bot/handlers/channels.py: linking asks Telegram about the channel.
    Command("channel", None, "admin"),
    Command("import", None, "admin"),
    Command("export", None, "admin"),
    Command("admins", access.list_admins, "admin"),
    Command("grant", access.grant, "admin"),
    Command("revoke", access.revoke, "admin"),
)
_BY_NAME = {command.name: command for command in COMMANDS}


def command_named(name: str) -> Command | None:
    return _BY_NAME.get(name.lower())


def menu(audience: Audience) -> tuple[str, ...]:
    """The names a menu (and /help) lists for `audience`, in the table's order."""
    return tuple(c.name for c in COMMANDS if c.audience == audience and c.in_menu)


def routed() -> tuple[str, ...]:
    """The commands the router answers (the others have a front end of their own)."""
    return tuple(command.name for command in COMMANDS if command.run is not None)


@dataclass(frozen=True)
class CommandText:
    """ "/command@bot args" as typed: `name` lower-cased, `mention` the bot named, if any."""

    name: str
    args: str
    mention: str | None = None


# "/event_5" is "/event 5": the number a tappable command in a listing carries.
_COMMAND = re.compile(r"/([A-Za-z0-9]+)(?:_(\d+))?(?:@(\w+))?(?:\s+(.*))?", re.DOTALL)


def parse_command(text: str) -> CommandText | None:
    """The one reading of a command; None for text that is not one."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return None
    name, number, mention, rest = match.groups()
    return CommandText(name.lower(), " ".join(filter(None, (number, rest))), mention)


def caption_pattern(name: str) -> re.Pattern[str]:
    """A caption that starts with /<name> (a caption is no command to Telegram's filters)."""
    return re.compile(rf"^/{name}(?:@(\w+))?(?:\s|$)", re.IGNORECASE)
