"""/next, /event, /about and /search on both databases, as a user reads the answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.database import Database
from tests.support.commands import button_data, say
from tests.support.factories import SIXTH_ID, add_meetings

AFTER_ALL = datetime(2016, 1, 1, tzinfo=UTC)


async def test_next_shows_the_sixth_meeting_with_its_buttons(database: Database) -> None:
    reply = await say(database, "/next")
    assert "Sixth annual Meeting" in reply.text
    assert "27 November 2015" in reply.text
    assert f"ID: {SIXTH_ID}" in reply.text
    # The source article, the bundled meetings' document (storage/knowledge/source_article.txt).
    assert button_data(reply)[:2] == [f"rm:{SIXTH_ID}", f"ics:{SIXTH_ID}"]
    assert [data[:4] for data in button_data(reply)[2:]] == ["doc:"]
    assert "Asia-Plus, Dushanbe, 23 November 2015 — article, EN" in reply.text


async def test_next_in_russian(database: Database) -> None:
    reply = await say(database, "/next", language="ru")
    assert "Шестая ежегодная встреча" in reply.text
    assert "27 ноября 2015" in reply.text


async def test_next_with_nothing_scheduled_shows_the_latest(database: Database) -> None:
    reply = await say(database, "/next", now=AFTER_ALL)
    assert reply.text.startswith("No meeting is scheduled at the moment")
    assert "Sixth annual Meeting" in reply.text
    # Past: a calendar entry still makes sense, a reminder does not.
    assert button_data(reply) == [f"ics:{SIXTH_ID}"]


@pytest.mark.parametrize("text", ["/event 2", "/event_2", "/EVENT 2", "/event 002"])
async def test_event_shows_the_full_card(database: Database, text: str) -> None:
    reply = await say(database, text)
    assert "Sixth annual Meeting" in reply.text
    assert "With the support of" in reply.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/event", "write its ID after the command, for example /event 2"),
        ("/event abc", "<i>abc</i> is not a meeting ID"),
        ("/event <b>1</b>", "<i>&lt;b&gt;1&lt;/b&gt;</i> is not a meeting ID"),
        ("/event -3", "is not a meeting ID"),
        ("/event 999", "I do not have a meeting with ID 999"),
        ("/event_999", "I do not have a meeting with ID 999"),
        ("/event 99999999999999999999", "I do not have a meeting with ID 99999999999999999999"),
    ],
)
async def test_event_problems_are_named_with_an_example(
    database: Database, text: str, expected: str
) -> None:
    reply = await say(database, text)
    assert expected in reply.text
    assert "/event 2" in reply.text
    assert reply.buttons == ()


async def test_about_in_both_languages_with_the_source(database: Database) -> None:
    english = await say(database, "/about")
    for fact in ("December 2007", "Kazakhstan, Kyrgyzstan, Tajikistan", "Source: Asia-Plus"):
        assert fact in english.text
    russian = await say(database, "/about", language="ru")
    assert "в декабре 2007 года" in russian.text
    assert "Источник: " in russian.text


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("ashgabad", "Fifth annual", "Sixth annual"),
        # A Russian query is answered in Russian (the titles too), whatever the chat's language.
        ("Ашхабаде", "Пятая ежегодная", "Шестая ежегодная"),
        ("Ашхабат", "Пятая ежегодная", "Шестая ежегодная"),
        ("dushanbeh", "Sixth annual", "Fifth annual"),
        ("meeting in Tajikstan", "Sixth annual", "Fifth annual"),
        ("Afghanistan", "Fifth annual", "Consultations"),
        ("annual deputy", "Sixth annual", "Consultations"),
    ],
)
async def test_search_forgives_typos(
    database: Database, query: str, found: str, not_found: str
) -> None:
    reply = await say(database, f"/search {query}")
    assert found in reply.text
    assert not_found not in reply.text


async def test_search_in_russian_lists_russian_titles(database: Database) -> None:
    reply = await say(database, "/search Душанбе", language="ru")
    assert "Встречи по запросу" in reply.text
    assert "Шестая ежегодная встреча" in reply.text
    assert "/event_2" in reply.text


async def test_search_without_text_explains_with_an_example(database: Database) -> None:
    reply = await say(database, "/search")
    assert "for example /search Ashgabat" in reply.text


async def test_search_finding_nothing_says_so(database: Database) -> None:
    reply = await say(database, "/search <script>zanzibar")
    assert "I found no meetings matching <i>script zanzibar</i>" in reply.text


async def test_search_shows_a_limited_number_of_matches(database: Database) -> None:
    await add_meetings(database, 30, datetime(2016, 1, 1, tzinfo=UTC))
    reply = await say(database, "/search almaty consultations")
    assert reply.text.count("/event_") == 10
    assert "I show the first 10" in reply.text
