"""Reminder offsets as typed after /remind and in BOT_REMINDER_OFFSETS, in both languages."""

from __future__ import annotations

import pytest

from config.offsets import OffsetError, offsets_from_text, offsets_text, parse_offsets
from config.settings import SettingsError, load_settings


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("1d 1h", (1440, 60)),
        ("1d 3h 30m", (1440, 180, 30)),
        ("1д 3ч 30м", (1440, 180, 30)),
        ("30m 1d", (1440, 30)),
        ("1h30m", (90,)),
        ("1ч30м", (90,)),
        ("90 min", (90,)),
        ("2 days, 1 hour", (2880, 60)),
        ("2 дня, 1 час", (2880, 60)),
        ("3 часа; 15 минут", (180, 15)),
        ("1D 1H", (1440, 60)),
        ("1d 24h 1440m", (1440,)),
        ("1m", (1,)),
        ("30d", (43200,)),
        ("  2h  ", (120,)),
        ("1d 2d 3d 4d 5d", (7200, 5760, 4320, 2880, 1440)),
    ],
)
def test_offsets_are_read_in_both_languages(typed: str, minutes: tuple[int, ...]) -> None:
    assert parse_offsets(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "code", "value"),
    [
        ("", "empty", ""),
        ("   ", "empty", ""),
        ("tomorrow", "unreadable", "tomorrow"),
        ("1x", "unreadable", "1x"),
        ("1d soon", "unreadable", "soon"),
        ("-1h", "unreadable", "-1h"),
        ("１h", "unreadable", "１h"),
        ("²h", "unreadable", "²h"),
        ("0m", "too_small", "0m"),
        ("0д", "too_small", "0д"),
        ("31d", "too_large", "31d"),
        ("30d1m", "too_large", "30d1m"),
        ("721ч", "too_large", "721ч"),
        ("1d 2d 3d 4d 5d 6d", "too_many", "6"),
    ],
)
def test_every_mistake_is_named(typed: str, code: str, value: str) -> None:
    with pytest.raises(OffsetError) as refused:
        parse_offsets(typed)
    assert (refused.value.code, refused.value.value) == (code, value)


def test_the_stored_form_reads_back() -> None:
    minutes = parse_offsets("1d 3h 30m")
    assert offsets_from_text(offsets_text(minutes)) == minutes == (1440, 180, 30)


def test_the_setting_has_a_default_and_names_itself_when_wrong() -> None:
    assert load_settings().reminder_offsets == (1440, 60)
    assert load_settings(reminder_offsets="2h 10m").reminder_offsets == (120, 10)
    with pytest.raises(SettingsError, match="BOT_REMINDER_OFFSETS is invalid: too large"):
        load_settings(reminder_offsets="40d")
