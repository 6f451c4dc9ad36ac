"""Deep-link payloads, the new buttons' grammar, offsets read as a list, zones by city name."""

from __future__ import annotations

import pytest

from bot.services import callbacks
from bot.services.meetings.links import (
    OpenMeeting,
    SubscribeEvery,
    meeting_link,
    read_payload,
    share_link,
)
from bot.services.subscriptions.settings import offsets_words
from bot.services.subscriptions.zones import UnknownZoneName, language_zones, read_zone


@pytest.mark.parametrize(
    ("payload", "read"),
    [
        ("event_5", OpenMeeting(5)),
        (" event_2147483647 ", OpenMeeting(2147483647)),
        ("subscribe", SubscribeEvery()),
        ("event_0", None),
        ("event_2147483648", None),
        ("event_5x", None),
        ("", None),
        ("promo", None),
    ],
)
def test_payloads(payload: str, read: object) -> None:
    assert read_payload(payload) == read


def test_links() -> None:
    assert meeting_link("unrcca_bot", 5) == "https://t.me/unrcca_bot?start=event_5"
    assert share_link("b", 5, "Water & energy") == (
        "https://t.me/share/url?url=https%3A%2F%2Ft.me%2Fb%3Fstart%3Devent_5&text=Water+%26+energy"
    )


@pytest.mark.parametrize(
    "action",
    [
        callbacks.ChooseOffsets((1440, 60)),
        callbacks.ChooseOffsets((30,)),
        callbacks.ChooseZone("Asia/Dushanbe"),
        callbacks.ChooseZone("America/Argentina/Buenos_Aires"),
        callbacks.ChooseZone(None),
        callbacks.Forget(),
        callbacks.Stop(None),
    ],
)
def test_new_buttons_round_trip(action: callbacks.Action) -> None:
    assert callbacks.decode(callbacks.encode(action)) == action


@pytest.mark.parametrize(
    "data", ["offs:", "offs:0", "offs:1,2,3,4,5,6", "offs:999999", "tz:", "tz:a b", "forget:no"]
)
def test_forged_button_data_is_refused(data: str) -> None:
    assert callbacks.decode(data) is None


@pytest.mark.parametrize(
    ("offsets", "language", "words"),
    [
        ((1440, 60), "en", "1 day and 1 hour"),
        ((1440, 60), "ru", "1 день и 1 час"),
        ((1500, 60, 15), "en", "1 day 1 hour, 1 hour and 15 minutes"),
        ((60,), "en", "1 hour"),
    ],
)
def test_offsets_read_as_a_list(offsets: tuple[int, ...], language: str, words: str) -> None:
    assert offsets_words(offsets, language) == words


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Берлин", "Europe/Berlin"),
        ("Токио", "Asia/Tokyo"),
        ("Лондон", "Europe/London"),
        ("нью-йорк", "America/New_York"),
        ("Kolkata", "Asia/Kolkata"),
        ("asia/almaty", "Asia/Almaty"),
        ("off", None),
    ],
)
def test_zones_by_city_in_english_or_russian(typed: str, zone: str | None) -> None:
    assert read_zone(typed) == zone


def test_no_zone_for_a_place_that_is_none() -> None:
    with pytest.raises(UnknownZoneName):
        read_zone("Atlantis")


def test_zones_of_the_readers_language() -> None:
    assert language_zones("en", "de") == ("Europe/London", "America/New_York", "Europe/Berlin")
    assert language_zones("ru", "ky") == ("Europe/Moscow", "Asia/Bishkek", "Asia/Dushanbe")
    # A country with many zones adds none: the reader names their city instead.
    assert language_zones("ru", "ru") == ("Europe/Moscow", "Asia/Bishkek", "Asia/Dushanbe")
    assert language_zones("en", None) == ("Europe/London", "America/New_York")
