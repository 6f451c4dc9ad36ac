"""A meeting card as a reply: the buttons each kind of meeting gets, and the length limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services.meetings.cards import card_reply
from storage.models import Meeting, MeetingStatus
from tests.support.factories import meeting

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def numbered(starts_at: datetime, status: MeetingStatus = MeetingStatus.SCHEDULED) -> Meeting:
    found = meeting(7, starts_at)
    found.id, found.status = 7, status
    return found


@pytest.mark.parametrize(
    ("starts_at", "status", "labels"),
    [
        (
            datetime(2030, 2, 1, tzinfo=UTC),
            MeetingStatus.SCHEDULED,
            ["🔔 Remind me", "📅 Add to calendar"],
        ),
        (datetime(2029, 2, 1, tzinfo=UTC), MeetingStatus.SCHEDULED, ["📅 Add to calendar"]),
        (datetime(2030, 2, 1, tzinfo=UTC), MeetingStatus.CANCELLED, []),
    ],
)
def test_buttons_for_what_the_meeting_still_allows(
    starts_at: datetime, status: MeetingStatus, labels: list[str]
) -> None:
    reply = card_reply(numbered(starts_at, status), "en", NOW)
    assert [button.label for row in reply.buttons for button in row] == labels


def test_russian_labels() -> None:
    reply = card_reply(numbered(datetime(2030, 2, 1, tzinfo=UTC)), "ru", NOW)
    assert [b.label for b in reply.buttons[0]] == ["🔔 Напомнить", "📅 В календарь"]


def test_a_card_with_a_huge_summary_still_fits_in_one_message() -> None:
    long = numbered(datetime(2030, 2, 1, tzinfo=UTC))
    long.summary_en = "Water & energy <cooperation>. " * 300
    reply = card_reply(long, "en", NOW)
    assert length(reply.text) <= MESSAGE_LIMIT
    assert "Water &amp; energy &lt;cooperation&gt;." in reply.text
    assert "…" in reply.text
    assert reply.text.endswith("ID: 7 · /event_7")
