"""A big import does not hold anyone else's answer, and its admin sees it go (issue 11, 7).

While a file of many events is imported, another user's /start is answered before the import's
report (before this, updates were handled one at a time: Tom waited for all of it). Ordering,
not a timer, is what is asserted; SQLite, where one long write would block every other writer.
"""

from __future__ import annotations

import pytest

from bot.handlers import calendars as calendar_handlers
from tests.e2e.users import TOM
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.calendars import EVENT, ics

ADMIN = FakeUser(1001, "Aida", language_code="en")
# As many as the file: its new meetings are added a batch at a time, and 800 were
# imported before Tom's /start came back.
EVENTS = 6000


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id})


@pytest.fixture(autouse=True)
def every_batch_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each batch edits the progress message: whether a batch takes the second between two
    edits is the machine's speed, not what is asserted."""
    monkeypatch.setattr(calendar_handlers, "EDIT_INTERVAL", 0.0)


def big_file() -> bytes:
    events = [
        {**EVENT, "UID": f"e{n}@example.org", "SUMMARY": f"Water talks {n}",
         "DTSTART": f"2027{1 + n % 12:02d}{1 + n % 28:02d}T{n % 24:02d}{n % 60:02d}00"}
        for n in range(EVENTS)
    ]  # fmt: skip
    content = ics(*events)
    return content


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_others_are_answered_during_a_big_import_and_the_admin_sees_progress(
    bot_api: FakeBotApi,
) -> None:
    bot_api.send_document(ADMIN, "big.ics", big_file(), caption="/import")
    progress = await bot_api.wait_for_message(
        chat_id=ADMIN.id, timeout=60, predicate=lambda sent: "Importing" in str(sent["text"])
    )
    assert f"of {EVENTS} events done" in progress["text"]
    bot_api.send_command(TOM, "start")
    await bot_api.wait_for_message(chat_id=TOM.id)
    report = await bot_api.wait_for_message(
        chat_id=ADMIN.id,
        timeout=120,
        predicate=lambda sent: "Import finished" in str(sent["text"] or sent["caption"]),
    )
    # 800 created meetings are too many to list in a message: the report comes as a file.
    assert f"Created: {EVENTS}" in str(report["text"] or report["caption"])
    order = [s["chat_id"] for s in bot_api.sent if s["method"] in ("sendMessage", "sendDocument")]
    assert order.index(TOM.id) < len(order) - 1  # Tom was answered before the report
    edits = [sent for sent in bot_api.sent if sent["method"] == "editMessageText"]
    assert edits and all("Importing" in edit["text"] for edit in edits)
