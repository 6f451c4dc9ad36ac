"""Button data: what the bot writes decodes to the same action; anything else is refused."""

from __future__ import annotations

import pytest

from bot.services.callbacks import MAX_DATA_BYTES, Action, Calendar, Page, Remind, decode, encode


@pytest.mark.parametrize(
    ("action", "data"),
    [
        (Page("upcoming", 1), "pg:up:1"),
        (Page("past", 2), "pg:past:2"),
        (Calendar(12), "ics:12"),
        (Remind(12), "rm:12"),
        (Remind(2**31 - 1), "rm:2147483647"),
    ],
)
def test_actions_round_trip(action: Action, data: str) -> None:
    assert encode(action) == data
    assert decode(data) == action
    assert len(data.encode()) <= MAX_DATA_BYTES


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "garbage",
        "ics:",
        "ics:abc",
        "ics:-1",
        "ics:0",
        "ics:012",
        "ics:1.5",
        "ics:+3",
        "ics: 3",
        "ics:3 ",
        "ics:3\n",
        "ics:3:4",
        "ICS:3",
        "ics:٣",  # an Arabic-Indic digit: str.isdigit() would take it
        "ics:2147483648",
        "ics:99999999999999999999",
        "rm:x",
        "rm:-5",
        "pg:up:0",
        "pg:up:-1",
        "pg:down:1",
        "pg:up",
        "pg:past:",
        "pg:past:1:2",
        "sub:1",
        "ics:" + "1" * 61,
        "x" * 65,
    ],
)
def test_forged_data_is_refused(data: str | None) -> None:
    assert decode(data) is None


@pytest.mark.parametrize("action", [Page("past", 0), Calendar(-1), Remind(2**31)])
def test_the_bot_cannot_make_a_button_it_would_refuse(action: Action) -> None:
    with pytest.raises(ValueError, match="not a valid button action"):
        encode(action)
