"""A claim the sender already holds is queued once, however often a sweep hands it over."""

from __future__ import annotations

from datetime import timedelta

from telegram.ext import ExtBot

from bot.outbound.sender import Sender
from bot.services.reminders.outbox import Outgoing
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus
from tests.unit.test_deadline_queue import message


async def ended(_item: Outgoing, _status: DeliveryStatus, _at: object) -> None:
    """Nothing ends here."""


async def test_a_claim_taken_over_by_its_own_holder_is_not_queued_twice() -> None:
    # Nothing is sent: the bot is never contacted, the database never opened.
    runtime = Runtime(database=None)  # type: ignore[arg-type]
    sender = Sender(ExtBot("123:abc"), runtime, 30, 8, ended, timedelta(minutes=2))
    first = [message(1, 0, record_id=7), message(2, 0, record_id=8)]
    assert sender.enqueue(first) == first
    # After an outage longer than the lease its own sweep takes the same rows over.
    again = [message(1, 0, record_id=7), message(3, 0, record_id=9)]
    assert [item.record_id for item in sender.enqueue(again)] == [9]
    assert sender.waiting == 3
