"""The admin form against careless and hostile input: years, clock changes, zones, long values.

Issue 11, items 2, 3 (echoed input), 9 and 10, and a property test: no text breaks the parser.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting.cards import meeting_card
from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.forms import MeetingDraft, parse_meeting_form, render_errors
from bot.forms.keys import ALIASES
from bot.services.admin.clock_notes import repeated_hour_note
from bot.services.meeting_writes.values import draft_meeting

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
NEW_YORK = "city: New York\ntimezone: America/New_York"


def form(starts: str, place: str = NEW_YORK, extra: str = "") -> str:
    return f"title: Water talks\nstarts: {starts}\n{place}\n{extra}"


def errors_of(text: str, language: str = "en") -> tuple[set[str], str]:
    result = parse_meeting_form(text, now=NOW)
    assert isinstance(result, list), result
    return {error.code for error in result}, render_errors(result, language)


def values_of(text: str) -> dict[str, object]:
    result = parse_meeting_form(text, now=NOW)
    assert isinstance(result, MeetingDraft), result
    return result.values


@pytest.mark.parametrize(
    "starts", ["9999-12-31 22:00", "0001-01-01", "31.12.9999 23:59", "2201-01-01 10:00"]
)
def test_a_year_no_zone_can_show_is_refused_with_the_years_allowed(starts: str) -> None:
    codes, text = errors_of(form(starts))
    assert codes == {"year_out_of_range"}
    assert starts in text and "1900 to 2200" in text and "<code>starts: 2027-12-10 10:00" in text


def test_the_end_is_checked_too_and_in_russian() -> None:
    codes, text = errors_of(form("2027-03-04 10:00", extra="ends: 0001-01-01"), "ru")
    assert codes == {"year_out_of_range"} and "с 1900 по 2200" in text


def test_the_last_year_allowed_is_accepted() -> None:
    assert values_of(form("2200-12-31 23:30"))["starts_at"] == datetime(
        2201, 1, 1, 4, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("starts", "place"),
    [
        ("2027-03-14 02:30", NEW_YORK),
        ("2027-03-14 02:00", NEW_YORK),
        ("28.03.2027 02:30", "city: Berlin"),
    ],
)
def test_a_time_the_clocks_jump_over_is_refused_saying_why(starts: str, place: str) -> None:
    codes, text = errors_of(form(starts, place))
    assert codes == {"time_skipped"}
    assert "does not exist" in text and "clocks go forward" in text and starts in text


def test_an_end_in_the_gap_is_refused_too() -> None:
    codes, _ = errors_of(form("2027-03-14 01:00", extra="ends: 02:15"))
    assert codes == {"time_skipped"}


def test_the_hour_after_the_gap_is_fine() -> None:
    assert values_of(form("2027-03-14 03:00"))["starts_at"] == datetime(2027, 3, 14, 7, tzinfo=UTC)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_time_that_happens_twice_takes_the_first_and_the_preview_says_so(
    language: str,
) -> None:
    values = values_of(form("2027-11-07 01:30"))
    assert values["starts_at"] == datetime(2027, 11, 7, 5, 30, tzinfo=UTC)  # 01:30 at UTC-4
    note = repeated_hour_note(draft_meeting(values, None), language)
    assert note is not None and "01:30" in note and "UTC-4" in note


def test_an_ordinary_time_has_no_note() -> None:
    values = values_of(form("2027-11-08 01:30"))
    assert repeated_hour_note(draft_meeting(values, None), "en") is None


@pytest.mark.parametrize("zone", ["localtime", "Factory", "posixrules", "right/UTC"])
def test_zone_names_that_are_not_places_are_refused(zone: str) -> None:
    codes, _ = errors_of(form("2027-03-04 10:00", f"city: Springfield\ntimezone: {zone}"))
    assert codes == {"bad_zone"}


@pytest.mark.parametrize(
    ("zone", "shown"), [("Etc/GMT-5", "UTC+5"), ("Etc/GMT+3", "UTC-3"), ("UTC", "10:00 UTC")]
)
def test_offset_zones_are_shown_as_utc_offsets(zone: str, shown: str) -> None:
    values = values_of(form("2027-03-04 10:00", f"city: Springfield\ntimezone: {zone}"))
    card = meeting_card(draft_meeting(values, None), "en", NOW)
    assert shown in card and "GMT" not in card


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_huge_typed_value_is_quoted_back_shortened(language: str) -> None:
    _, text = errors_of(form("2027-03-04 10:00", f"city: Springfield\ntimezone: {'x' * 4000}"))
    assert "x" * 79 in text and "x" * 81 not in text and length(text) < 1000


KEYS = [alias for aliases in ALIASES.values() for alias in aliases[:2]]
LINES = st.one_of(
    st.text(max_size=60),
    st.builds("{}: {}".format, st.sampled_from(KEYS), st.text(max_size=300)),
    st.builds("starts: {}".format, st.dates().map(str)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12), st.sampled_from(["en", "ru"]))
def test_no_form_breaks_the_parser_and_every_answer_fits(lines: list[str], language: str) -> None:
    result = parse_meeting_form("\n".join(lines), now=NOW)
    if isinstance(result, MeetingDraft):
        card = meeting_card(draft_meeting(result.values, None), language, NOW)
        assert isinstance(card, str)
    else:
        assert result and length(render_errors(result, language)) <= 4 * MESSAGE_LIMIT
