"""What a scenario reads from the fake Bot API's record: who was reminded of what, when, and by
which process; and the one summary line per scenario that `pytest -s` shows."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.store import Json
from tests.faults.seeding import Due


def is_reminder(sent: Json) -> bool:
    text = sent["text"] or ""
    return "Reminder" in text or "Starts in" in text


def reminders(api: FakeBotApi, due: Due | None = None) -> list[Json]:
    """Reminders sent, in arrival order; of one meeting when `due` is given."""
    return [
        s for s in api.sent if is_reminder(s) and (due is None or due.title in (s["text"] or ""))
    ]


def reached(api: FakeBotApi, due: Due) -> int:
    return len({s["chat_id"] for s in reminders(api, due)})


@dataclass(frozen=True)
class FanOut:
    """One meeting's reminders: chats reached, duplicates, and the last one's lateness."""

    reached: int
    duplicates: int
    late: float
    first_at: float
    last_at: float

    @classmethod
    def of(cls, api: FakeBotApi, due: Due) -> FanOut:
        sent = reminders(api, due)
        per_chat = Counter(s["chat_id"] for s in sent)
        times = [s["at"] for s in sent] or [due.at]
        return cls(
            reached=len(per_chat),
            duplicates=sum(n - 1 for n in per_chat.values()),
            late=max(times) - due.at,
            first_at=min(times),
            last_at=max(times),
        )


def first_at(messages: list[Json], after: float = 0.0, sender: int | None = None) -> float:
    """When the first of `messages` after `after` arrived (from `sender` if given), or inf."""
    return min(
        (s["at"] for s in messages if s["at"] > after and sender in (None, s["sender"])),
        default=float("inf"),
    )


def sent_after(messages: list[Json], moment: float) -> int:
    return sum(1 for s in messages if s["at"] > moment)


def busiest_second(times: list[float]) -> int:
    """The most messages in any one-second window."""
    ordered, start, most = sorted(times), 0, 0
    for end, moment in enumerate(ordered):
        while ordered[start] <= moment - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def sender_changes(messages: list[Json]) -> int:
    """How often the sending process changes along the messages in arrival order."""
    senders = [s["sender"] for s in sorted(messages, key=lambda s: s["at"])]
    return sum(1 for a, b in itertools.pairwise(senders) if a != b)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summary(name: str, **figures: object) -> None:
    """One line for the record (`pytest -m faults -s`), e.g. the README's closing note."""
    shown = ", ".join(
        f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}"
        for key, value in figures.items()
    )
    print(f"\n[faults] {name}: {shown}")
