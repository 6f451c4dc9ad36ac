"""What an import did, as the admin reads it: the counts, then each skipped event and why."""

from __future__ import annotations

from bot.formatting.fitting import MESSAGE_LIMIT, length, shorten
from bot.services.calendars.parsing import EventProblem
from bot.services.calendars.sync import ImportReport
from bot.texts import Html, join, t

# Beyond this many, the admin fixes the first ones and imports again anyway.
LISTED_PROBLEMS = 20
TITLE_LIMIT = 60


def report_text(report: ImportReport, language: str) -> Html:
    counts = _counts(report, language)
    if not report.skipped:
        return counts
    head = [counts, t(language, "calendar.import.skipped_header")]
    items = [_problem(problem, language) for problem in report.skipped[:LISTED_PROBLEMS]]
    while True:
        more = len(report.skipped) - len(items)
        tail = [t(language, "calendar.import.more", count=more)] if more else []
        text = join([*head, *items, *tail])
        if length(text) <= MESSAGE_LIMIT or not items:
            return text
        items.pop()


def _counts(report: ImportReport, language: str) -> Html:
    return t(
        language,
        "calendar.import.report",
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=len(report.skipped),
    )


def _problem(problem: EventProblem, language: str) -> Html:
    title = problem.title and shorten(problem.title, TITLE_LIMIT)
    named = t(language, "calendar.import.event_title", title=title) if title else ""
    reason = t(language, f"calendar.skip.{problem.reason}", **problem.details)
    return t(
        language, "calendar.import.skipped_item", number=problem.number, title=named, reason=reason
    )
