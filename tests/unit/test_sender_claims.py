"""A claim the sender already holds is queued once, however often a sweep hands it over."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from telegram.ext import ExtBot

from bot.outbound.sender import Sender
from bot.services.reminders.outbox import Outgoing
from storage.database import open_database
from storage.models import DeliveryStatus
from tests.support.runtimes import runtime_at
from tests.unit.test_deadline_queue import message


async def ended(_item: Outgoing, _status: DeliveryStatus, _at: object) -> None:
    """Nothing ends here."""


async def test_a_claim_taken_over_by_its_own_holder_is_not_queued_twice(tmp_path: Path) -> None:
    # Nothing is sent: the bot is never contacted, the database never connected to.
    database = open_database(f"sqlite+aiosqlite:///{tmp_path / 'unused.db'}")
    runtime = runtime_at(database)
    sender = Sender(ExtBot("123:abc"), runtime, 30, 8, ended, timedelta(minutes=2))
    first = [message(1, 0, record_id=7), message(2, 0, record_id=8)]
    assert sender.enqueue(first) == first
    # After an outage longer than the lease its own sweep takes the same rows over.
    again = [message(1, 0, record_id=7), message(3, 0, record_id=9)]
    assert [item.record_id for item in sender.enqueue(again)] == [9]
    assert sender.waiting == 3
    await database.dispose()
