"""One row of every chat-owned table (storage.models.CHAT_OWNED) for a chat: what the tests of
moving, showing and forgetting a chat's data start from."""

from __future__ import annotations

from datetime import timedelta

from storage.models import (
    Base,
    CalendarFeed,
    ChannelLink,
    ChannelPost,
    DigestDelivery,
    Notice,
    ReminderDelivery,
    RemovalNotice,
    Subscription,
    SubscriptionFilter,
)
from tests.support.factories import STAMP


def chat_owned_rows(chat_id: int, meeting_id: int) -> list[Base]:
    due = STAMP + timedelta(days=3)
    return [
        Subscription(chat_id=chat_id, meeting_id=None, created_at=STAMP),
        ReminderDelivery(
            meeting_id=meeting_id,
            starts_at=due,
            offset_minutes=60,
            chat_id=chat_id,
            due_at=due - timedelta(hours=1),
            claimed_at=STAMP,
        ),
        Notice(
            change_id=1, kind="moved", meeting_id=meeting_id, chat_id=chat_id, created_at=STAMP
        ),
        ChannelLink(chat_id=chat_id, title="Desk", language="ru", linked_at=STAMP),
        ChannelPost(
            change_id=1, kind="moved", meeting_id=meeting_id, chat_id=chat_id, created_at=STAMP
        ),
        RemovalNotice(
            change_id=1, kind="deleted", meeting_id=meeting_id, chat_id=chat_id, created_at=STAMP
        ),
        SubscriptionFilter(
            chat_id=chat_id, kind="country", value="TJ", label="Tajikistan", created_at=STAMP
        ),
        DigestDelivery(chat_id=chat_id, due_at=STAMP, claimed_at=STAMP),
        CalendarFeed(chat_id=chat_id, token=f"secret-token-{chat_id}", created_at=STAMP),
    ]
