"""/upcoming and /past a page at a time: boundaries, page buttons, and Telegram's length limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services.meetings.listings import PAGE_SIZE, PAGES_AHEAD
from storage.database import Database
from tests.support.commands import button_data, press, say
from tests.support.factories import LONG_TITLE, add_meetings

AFTER_ALL = datetime(2030, 1, 1, tzinfo=UTC)
FIRST_ADDED = datetime(2016, 1, 4, tzinfo=UTC)


async def test_upcoming_before_the_sixth_meeting(database: Database) -> None:
    reply = await say(database, "/upcoming")
    assert reply.text.startswith("<b>Upcoming meetings</b>, soonest first:")
    assert "Sixth annual Meeting" in reply.text
    assert "Fifth annual" not in reply.text
    assert "/event_2" in reply.text
    assert reply.buttons == ()  # one page: nothing to turn
    assert "Page" not in reply.text


async def test_past_lists_the_fifth_meeting(database: Database) -> None:
    reply = await say(database, "/past", language="ru")
    assert "<b>Прошедшие встречи</b>" in reply.text
    assert "Пятая ежегодная встреча" in reply.text
    assert "28 ноября 2014" in reply.text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/upcoming", "No meetings are scheduled at the moment. Send /past"),
        ("/past", "There are no past meetings in my records yet."),
    ],
)
async def test_empty_lists_say_so(database: Database, command: str, expected: str) -> None:
    now = AFTER_ALL if command == "/upcoming" else datetime(2000, 1, 1, tzinfo=UTC)
    reply = await say(database, command, now=now)
    assert reply.text.startswith(expected)
    assert reply.buttons == ()


@pytest.mark.parametrize(("count", "pages"), [(4, 1), (5, 2), (9, 2), (10, 3)])
async def test_page_count_at_the_boundaries(database: Database, count: int, pages: int) -> None:
    # With the sixth meeting, `count` added meetings make count + 1 upcoming ones.
    await add_meetings(database, count, FIRST_ADDED)
    reply = await say(database, "/upcoming")
    if pages == 1:
        assert button_data(reply) == []
        return
    assert f"Page 1 of {pages}" in reply.text
    assert button_data(reply) == ["pg:up:2"]
    last = await press(database, f"pg:up:{pages}")
    assert last.edit
    assert f"Page {pages} of {pages}" in last.text
    assert button_data(last) == [f"pg:up:{pages - 1}"]
    assert last.text.count("/event_") == (count + 1) - PAGE_SIZE * (pages - 1)


async def test_pages_go_forward_and_back_without_overlap(database: Database) -> None:
    await add_meetings(database, 12, FIRST_ADDED)
    first = await say(database, "/upcoming")
    second = await press(database, "pg:up:2")
    assert button_data(second) == ["pg:up:1", "pg:up:3"]
    back = await press(database, "pg:up:1")
    assert back.text == first.text
    ids = [_ids(first.text), _ids(second.text)]
    assert len(set(ids[0]) | set(ids[1])) == 2 * PAGE_SIZE


async def test_a_page_past_the_end_shows_the_last_page(database: Database) -> None:
    await add_meetings(database, 7, FIRST_ADDED)
    reply = await press(database, "pg:up:99")
    assert "Page 2 of 2" in reply.text


async def test_past_pages_run_newest_first(database: Database) -> None:
    await add_meetings(database, 9, datetime(2000, 1, 3, tzinfo=UTC))
    first = await say(database, "/past", now=AFTER_ALL)
    assert "Sixth annual" in first.text.split("\n")[1]  # the newest
    last = await press(database, "pg:past:3", now=AFTER_ALL)
    assert "3 January 2000" in last.text.split("\n")[-2]  # the oldest, above "Page 3 of 3"


@pytest.mark.parametrize(("listing", "command"), [("up", "/upcoming"), ("past", "/past")])
async def test_every_page_fits_in_one_telegram_message(
    database: Database, listing: str, command: str
) -> None:
    await add_meetings(database, 60, FIRST_ADDED, title=LONG_TITLE)
    await add_meetings(database, 60, datetime(2000, 1, 3, tzinfo=UTC), title=LONG_TITLE)
    now = datetime(2015, 12, 1, tzinfo=UTC)
    replies = [await say(database, command, now=now)]
    while (data := f"pg:{listing}:{len(replies) + 1}") in button_data(replies[-1]):
        replies.append(await press(database, data, now=now))
    # 60 added on each side of `now`; the two bundled meetings are past by then.
    assert len(replies) == {"up": 12, "past": 13}[listing]
    for reply in replies:
        assert length(reply.text) <= MESSAGE_LIMIT
        assert "…" in reply.text  # long titles are shortened in list lines


def _ids(text: str) -> list[str]:
    return [word for word in text.split() if word.startswith("/event_")]


async def test_a_long_archive_is_counted_only_a_few_pages_ahead(database: Database) -> None:
    # 110 added + the sixth = 111 upcoming meetings: 23 pages, more than page 1 counts ahead.
    await add_meetings(database, 110, FIRST_ADDED)
    first = await say(database, "/upcoming")
    ahead = PAGES_AHEAD + 1
    assert f"Page 1 of more than {ahead}" in first.text
    assert button_data(first) == ["pg:up:2"]
    later = await press(database, f"pg:up:{ahead}")
    assert f"Page {ahead} of 23" in later.text
    last = await press(database, "pg:up:99")
    assert "Page 23 of 23" in last.text
    assert last.text.count("/event_") == 1
