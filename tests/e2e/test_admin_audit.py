"""/audit as an admin reads it: the form's field names in their language, times at the venue
as the card shows them, and only what changed."""

from __future__ import annotations

from storage.database import Database
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    LANGUAGES,
    admin_ids,
    clock,
    press,
)
from tests.e2e.users import TOM, ask, buttons
from tests.fakebotapi import FakeBotApi

DAY_ONLY = "\ntitle: Water talks\nstarts: 2026-12-10\ncity: Almaty"
EXPECTED = {
    "en": {
        "added": "    starts: 10 December 2026\n",
        "moved": "starts: 10 December 2026 → 11 December 2026, 10:00 ",
        "venue": "venue: — → Ministry of Foreign Affairs",
        "status": "status: scheduled → cancelled",
    },
    "ru": {
        "added": "    начало: 10 декабря 2026\u202fг.\n",
        "moved": "начало: 10 декабря 2026\u202fг. → 11 декабря 2026\u202fг., 10:00 ",
        "venue": "место: — → Ministry of Foreign Affairs",
        "status": "статус: запланирована → отменена",
    },
}


@LANGUAGES
async def test_the_audit_reads_like_the_form_and_the_card(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, expected = ADMINS[language], EXPECTED[language]
    preview = await ask(bot_api, admin, "addevent", DAY_ONLY)
    await press(bot_api, admin, preview, buttons(preview)[0])
    edit = await ask(bot_api, admin, "editevent", "3\nvenue: Ministry of Foreign Affairs")
    await press(bot_api, admin, edit, buttons(edit)[0])
    moved = await ask(bot_api, admin, "editevent", "3 starts: 2026-12-11 10:00")
    await press(bot_api, admin, moved, buttons(moved)[0])
    await ask(bot_api, admin, "cancelevent", "3")
    audit = (await ask(bot_api, admin, "audit"))["text"]
    assert expected["added"] in audit and expected["venue"] in audit
    assert expected["moved"] in audit and "GMT+05:00" in audit
    assert expected["status"] in audit
    # No column names, no ISO times, no line for a reason that was never there.
    for noise in ("venue_en", "starts_at", "T00:00:00", "cancel_reason", "— → —", "time_known"):
        assert noise not in audit


async def test_a_non_admin_cannot_read_the_audit(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, TOM, "audit")
    assert reply["text"] == "Sorry, this is for the bot's administrators only."
