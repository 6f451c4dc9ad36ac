"""The one outbound queue on a controlled clock: earliest deadline first across fan-outs, a chat
whose turn has not come skipped (never waited on), retries held back, a chat's messages taken
together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.outbound.pacing import Throughput
from bot.outbound.queue import MAX_TOGETHER, DeadlineQueue
from bot.services.reminders.outbox import Outgoing

DUE = datetime(2027, 6, 10, 5, 0, tzinfo=UTC)


def message(chat_id: int, seconds: float, record_id: int = 0, fan_out: str = "a") -> Outgoing:
    deadline = DUE + timedelta(seconds=seconds)
    return Outgoing("reminder", record_id, chat_id, 1, deadline, deadline,
                    deadline + timedelta(hours=1), fan_out)  # fmt: skip


def chats(groups: list[list[Outgoing]]) -> list[int]:
    return [group[0].chat_id for group in groups]


def test_the_earliest_deadline_goes_first_across_fan_outs() -> None:
    queue = DeadlineQueue()
    # A later fan-out queued first, then an earlier one: the earlier one's chats go first.
    queue.put([message(chat, 60, fan_out="later") for chat in (1, 2, 3)], now=0.0)
    queue.put([message(chat, 10, fan_out="sooner") for chat in (4, 5)], now=0.0)
    assert chats(queue.take(now=0.0, chats=10)) == [4, 5, 1, 2, 3]
    assert len(queue) == 0


def test_a_chat_whose_turn_has_not_come_is_skipped_not_waited_on() -> None:
    queue = DeadlineQueue()
    queue.put([message(1, 0)], now=0.0)
    assert chats(queue.take(now=0.0, chats=1)) == [1]
    # Chat 1 has the earliest deadline again, but was sent to 0.2 s ago: chat 2 goes.
    queue.put([message(1, 1), message(2, 50)], now=0.2)
    assert chats(queue.take(now=0.2, chats=5)) == [2]
    assert queue.take(now=0.5, chats=5) == []
    assert queue.next_turn() == 1.0
    assert chats(queue.take(now=1.0, chats=5)) == [1]


def test_a_group_waits_three_seconds_between_messages() -> None:
    queue = DeadlineQueue()
    queue.put([message(-100, 0)], now=0.0)
    queue.take(now=0.0, chats=1)
    queue.put([message(-100, 1)], now=0.0)
    assert queue.take(now=2.9, chats=1) == []
    assert chats(queue.take(now=3.0, chats=1)) == [-100]


def test_a_channel_post_that_also_edited_holds_its_channel_for_another_turn() -> None:
    queue = DeadlineQueue()
    queue.put([message(-100, 0), message(-100, 1)], now=0.0)
    (first,) = queue.take(now=0.0, chats=1)
    # The post made two calls (an edit and a reply): the channel's next turn is at 6 s, not 3.
    queue.put(first[1:], now=0.0)
    queue.hold(-100, 6.0)
    assert queue.take(now=3.0, chats=1) == []
    assert queue.next_turn() is not None
    assert chats(queue.take(now=6.0, chats=1)) == [-100]


def test_a_retry_holds_its_chat_back_until_its_backoff_ends() -> None:
    queue = DeadlineQueue()
    queue.put([message(1, 0)], now=0.0, not_before=5.0)
    queue.put([message(2, 30)], now=0.0)
    assert chats(queue.take(now=0.0, chats=5)) == [2]
    assert queue.take(now=4.9, chats=5) == []
    assert chats(queue.take(now=5.0, chats=5)) == [1]


def test_what_one_chat_has_queued_is_taken_together_in_deadline_order() -> None:
    queue = DeadlineQueue()
    queue.put([message(7, s, record_id=s) for s in reversed(range(MAX_TOGETHER + 5))], now=0.0)
    (group,) = queue.take(now=0.0, chats=5)
    assert [item.record_id for item in group] == list(range(MAX_TOGETHER))
    # The rest waits for the chat's next turn.
    assert queue.take(now=0.5, chats=5) == []
    (rest,) = queue.take(now=1.0, chats=5)
    assert len(rest) == 5


def test_equal_deadlines_go_by_the_kinds_priority() -> None:
    queue = DeadlineQueue(priority=lambda item: 0 if item.fan_out == "urgent" else 1)
    queue.put([message(1, 0, fan_out="plain"), message(2, 0, fan_out="urgent")], now=0.0)
    assert chats(queue.take(now=0.0, chats=1)) == [2]


def test_turns_long_past_are_forgotten() -> None:
    queue = DeadlineQueue()
    for n in range(5000):
        queue.put([message(n, 0)], now=float(n))
        queue.take(now=float(n), chats=1)
    # Only the turns of the last second hold anything back; the rest were dropped as it went.
    assert len(queue._turns) < 2 * 1024 + 2


def test_throughput_is_measured_from_the_intervals_between_sends() -> None:
    throughput = Throughput()
    assert throughput.rate is None
    for _ in range(200):
        throughput.observe(0.05)
    assert throughput.rate == pytest.approx(20.0)
