"""The message an outcome's follower gets: the version in the reader's language where the meeting
has one, with a button for the file; a typed summary as its text."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.documents.outcomes import outcome_reply
from bot.services.reminders.outbox import OUTCOME, Outgoing
from tests.support.factories import meeting

NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
VERSIONS = {
    "en": {"id": 7, "title": "Joint statement", "text": None, "url": None},
    "ru": {"id": 8, "title": "Совместное заявление", "text": None, "url": None},
}


def outgoing(before: dict[str, object]) -> Outgoing:
    return Outgoing(OUTCOME, 1, 42, 1, NOW, NOW, NOW, "outcome", change="outcome", before=before)


def test_each_reader_gets_the_version_in_their_language() -> None:
    item = outgoing({"published": "en", "versions": VERSIONS})
    english = outcome_reply(item, meeting(1, NOW), "en")
    russian = outcome_reply(item, meeting(1, NOW), "ru")
    assert "Joint statement" in english.text and english.buttons[0][0].data == "doc:7"
    assert "Совместное заявление" in russian.text and russian.buttons[0][0].data == "doc:8"
    # Kazakh reads Russian before English (bot/languages.py).
    assert outcome_reply(item, meeting(1, NOW), "kk").buttons[0][0].data == "doc:8"


def test_only_one_version_reaches_every_reader_and_a_typed_summary_is_its_text() -> None:
    item = outgoing({"published": "en", "versions": {"en": VERSIONS["en"]}})
    assert outcome_reply(item, meeting(1, NOW), "ru").buttons[0][0].data == "doc:7"
    typed = {"id": 9, "title": "Summary of outcomes", "text": "We agreed <to meet>.", "url": None}
    reply = outcome_reply(
        outgoing({"published": "en", "versions": {"en": typed}}), meeting(1, NOW), "en"
    )
    assert "We agreed &lt;to meet&gt;." in reply.text
    assert reply.buttons == ()
