"""One batch of the queue made ready to send: checked and rendered at once, in one transaction
(bot.services.reminders.send_check), and each chat's messages joined into one
(bot.services.reminders.coalescing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.outbound.kinds import send_rules
from bot.services.reminders.coalescing import Combined, combine
from bot.services.reminders.outbox import CHANNEL_POST, Outgoing
from bot.services.reminders.send_check import Verdict, check
from bot.services.reply import Reply
from bot.services.runtime import Runtime


@dataclass
class Batch:
    # One message per chat, to send now.
    ready: list[Combined] = field(default_factory=list)
    # No longer wanted (their status and reason say why): ended, not sent.
    unwanted: list[Verdict] = field(default_factory=list)
    # Wanted, but more than one message holds: for the chat's next turn.
    later: list[Outgoing] = field(default_factory=list)


async def check_batch(runtime: Runtime, groups: list[list[Outgoing]]) -> Batch:
    """`groups`: each chat's queued messages, in deadline order."""
    items = [item for group in groups for item in group]
    async with runtime.transaction() as session:
        verdicts = await check(
            session, items, runtime.clock(), runtime.default_language, send_rules()
        )
    batch = Batch()
    by_chat: dict[int, list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.reply is None:
            batch.unwanted.append(verdict)
        else:
            by_chat.setdefault(verdict.item.chat_id, []).append(verdict)
    for wanted in by_chat.values():
        # A linked group that also subscribed: its posts wait for a turn of their own.
        posts = [verdict for verdict in wanted if verdict.item.kind == CHANNEL_POST]
        others = [verdict for verdict in wanted if verdict.item.kind != CHANNEL_POST]
        combined = combine(others) if others else _alone(posts)
        batch.ready.append(combined)
        batch.later += [verdict.item for verdict in combined.rest]
        if others:
            batch.later += [verdict.item for verdict in posts]
    return batch


def _alone(wanted: list[Verdict]) -> Combined:
    """A channel post goes alone, one a turn of its channel: each change is a post of its own,
    and a channel takes about 20 a minute."""
    first = wanted[0]
    assert first.reply is not None
    return Combined(Reply(first.reply.text), [first], wanted[1:])
