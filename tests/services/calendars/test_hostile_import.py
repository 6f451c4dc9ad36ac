"""Imports with events the bot cannot keep: each is skipped with its reason, the rest imported.

Issue 11, items 2 (years out of range) and 3 (an uncapped DESCRIPTION), and a property test over
any mix of valid and broken events.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.report import full_report as report_text
from bot.services.calendars.sync import ImportReport
from tests.support.calendars import EVENT, ics

BROKEN: dict[str, dict[str, str | None]] = {
    "out_of_range": {"DTSTART;VALUE=DATE": "00010101", "DTSTART": None},
    "far_future": {"DTSTART": "99991231T230000Z"},
    "huge_duration": {"DURATION": "P99999999W"},
    "year_10000_end": {"DTEND": "99991231T235900Z"},
    "long_description": {"DESCRIPTION": "d" * 10_000},
    "no_start": {"DTSTART": None},
    "bad_start": {"DTSTART": "tomorrow"},
    "no_uid": {"UID": None},
    "unknown_place": {"LOCATION": "Springfield"},
}
REASONS = {
    "out_of_range": "out_of_range",
    "far_future": "out_of_range",
    "huge_duration": "out_of_range",
    "year_10000_end": "out_of_range",
    "long_description": "too_long",
    "no_start": "no_start",
    "bad_start": "bad_dtstart",
    "no_uid": "no_uid",
    "unknown_place": "unknown_place",
}


def event(number: int, kind: str) -> dict[str, str | None]:
    base = {**EVENT, "UID": f"e{number}@example.org", "SUMMARY": f"Talks {number}"}
    return {**base, **BROKEN.get(kind, {})}


def test_the_issue_file_skips_the_two_events_and_imports_the_third() -> None:
    parsed = parse_calendar(ics(event(1, "out_of_range"), event(2, "huge_duration"), event(3, "")))
    assert [e.uid for e in parsed.events] == ["e3@example.org"]
    assert [(p.number, p.reason) for p in parsed.problems] == [
        (1, "out_of_range"),
        (2, "out_of_range"),
    ]
    report = report_text(ImportReport(skipped=list(parsed.problems)), "en")
    assert "outside the years I can keep (1900 to 2200)" in report
    assert "DTSTART: 0001-01-01" in report and "DURATION:P" in report


def test_a_long_description_is_capped_like_the_form_caps_a_summary() -> None:
    parsed = parse_calendar(ics(event(1, "long_description")))
    (problem,) = parsed.problems
    assert problem.details == {"field": "DESCRIPTION", "length": 10_000, "limit": 2000}
    assert "DESCRIPTION" in report_text(ImportReport(skipped=[problem]), "ru")


def test_a_description_at_the_cap_is_imported() -> None:
    parsed = parse_calendar(ics({**event(1, ""), "DESCRIPTION": "d" * 2000}))
    assert parsed.problems == () and parsed.events[0].values["summary_en"] == "d" * 2000


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["", "", *BROKEN]), min_size=1, max_size=12))
def test_any_mix_imports_the_valid_events_and_names_the_broken_ones(kinds: list[str]) -> None:
    parsed = parse_calendar(ics(*(event(n, kind) for n, kind in enumerate(kinds, start=1))))
    valid = [n for n, kind in enumerate(kinds, start=1) if kind == ""]
    assert [e.number for e in parsed.events] == valid
    broken = [(n, REASONS[kind]) for n, kind in enumerate(kinds, start=1) if kind]
    assert [(p.number, p.reason) for p in parsed.problems] == broken
    for language in ("en", "ru"):
        report_text(ImportReport(skipped=list(parsed.problems)), language)
