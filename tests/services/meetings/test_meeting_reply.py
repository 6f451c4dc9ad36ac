"""A meeting card as a reply: the buttons each kind of meeting gets, and the length limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services.meetings.cards import card_buttons, card_text
from bot.services.reply import Reply
from storage.models import Meeting, MeetingStatus
from storage.repositories.followers import Following
from tests.support.factories import meeting

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def card_reply(meeting: Meeting, language: str, now: datetime) -> Reply:
    """The card as /event shows it to a chat that does not follow the meeting."""
    return Reply(card_text(meeting, language, now), buttons=card_buttons(meeting, language, now))


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


@pytest.mark.parametrize("following", [Following.MEETING, Following.EVERY])
def test_a_followed_meeting_offers_to_stop_however_it_is_followed(following: Following) -> None:
    rows = card_buttons(numbered(datetime(2030, 2, 1, tzinfo=UTC)), "en", NOW, following)
    assert (rows[0][0].label, rows[0][0].data) == ("🔕 Stop reminding", "stop:7")


def test_the_share_button_carries_the_deep_link() -> None:
    rows = card_buttons(numbered(datetime(2030, 2, 1, tzinfo=UTC)), "ru", NOW, bot_username="b")
    [share] = rows[-1]
    assert share.label == "↗️ Поделиться" and share.data == ""
    assert share.url is not None
    assert share.url.startswith(
        "https://t.me/share/url?url=https%3A%2F%2Ft.me%2Fb%3Fstart%3Devent_7"
    )
