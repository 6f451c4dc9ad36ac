"""What an import did, as the admin reads it: every meeting created, updated (with what changed),
unchanged or skipped (with the reason).

The whole report is the reply when it fits one message; otherwise it comes as a text file, the
counts in its caption.
"""

from __future__ import annotations

from bot.formatting.fitting import MESSAGE_LIMIT, length, shorten
from bot.formatting.plain import html_to_text
from bot.services.calendars.parsing import EventProblem
from bot.services.calendars.reading import FileNote
from bot.services.calendars.sync import ImportedMeeting, ImportReport
from bot.services.reply import Attachment, Reply
from bot.texts import Html, join, t

TITLE_LIMIT = 60
REPORT_FILE_NAME = "import-report.txt"
# What a changed column is called in the report (calendar.field.*).
FIELD_NAMES = {
    "title_en": "title", "title_ru": "title", "starts_at": "start", "time_known": "start",
    "ends_at": "end", "time_zone": "zone", "summary_en": "summary", "summary_ru": "summary",
    "status": "status", "cancel_reason": "status", "organizer_en": "organizer",
    "organizer_ru": "organizer", "supporters_en": "supporters", "supporters_ru": "supporters",
    "series": "ordinal", "ordinal": "ordinal", "source": "source",
    "translations": "translations",
}  # fmt: skip


def report_reply(report: ImportReport, language: str) -> Reply:
    whole = full_report(report, language)
    if length(whole) <= MESSAGE_LIMIT:
        return Reply(whole)
    note = t(language, "calendar.import.full_report_attached")
    attachment = Attachment(REPORT_FILE_NAME, html_to_text(whole).encode(), "text/plain")
    # A caption holds 1,024 characters: the counts and the note fit it.
    return Reply(join([_counts(report, language), note]), attachment=attachment)


def full_report(report: ImportReport, language: str) -> Html:
    sections = [_counts(report, language)]
    for name, outcomes in (
        ("created", report.created),
        ("updated", report.updated),
        ("unchanged", report.unchanged),
    ):
        if outcomes:
            sections.append(t(language, f"calendar.import.{name}_header"))
            sections += [_outcome(outcome, language) for outcome in outcomes]
    if report.skipped:
        sections.append(t(language, "calendar.import.skipped_header"))
        sections += [_problem(problem, language) for problem in report.skipped]
    if report.notes:
        sections.append(t(language, "calendar.import.notes_header"))
        sections += [_note(note, language) for note in report.notes]
    return join(sections)


def _counts(report: ImportReport, language: str) -> Html:
    return t(
        language,
        "calendar.import.report",
        created=len(report.created),
        updated=len(report.updated),
        unchanged=len(report.unchanged),
        skipped=len(report.skipped),
    )


def _outcome(outcome: ImportedMeeting, language: str) -> Html:
    fields = dict.fromkeys(FIELD_NAMES.get(column, "place") for column in outcome.changed)
    changed = ", ".join(t(language, f"calendar.field.{name}") for name in fields)
    return t(
        language,
        "calendar.import.outcome_item" if changed else "calendar.import.same_item",
        number=outcome.number,
        title=shorten(outcome.title, TITLE_LIMIT),
        id=outcome.meeting_id,
        changed=changed,
    )


def _problem(problem: EventProblem, language: str) -> Html:
    title = problem.title and shorten(problem.title, TITLE_LIMIT)
    named = t(language, "calendar.import.event_title", title=title) if title else ""
    reason = t(language, f"calendar.skip.{problem.reason}", **problem.details)
    if problem.line:
        reason = join([reason, t(language, "calendar.import.event_line", line=problem.line)], " ")
    return t(
        language, "calendar.import.skipped_item", number=problem.number, title=named, reason=reason
    )


def _note(note: FileNote, language: str) -> Html:
    event = t(language, "calendar.import.note_event", number=note.event) if note.event else ""
    problem = t(language, f"calendar.note.{note.problem}")
    return t(
        language,
        "calendar.import.note_item",
        line=note.line,
        event=event,
        content=note.content,
        problem=problem,
    )
