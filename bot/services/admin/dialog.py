"""/addevent without a form: one question at a time, answers kept in the draft between messages.

The city is asked before the start because the start is the local time at the venue: its zone
must be known to read it. A city the bot does not know brings one more question: its zone, or
the city's right name (the closest known names are offered). Each answer is checked by parsing
every answer so far as one form, so the dialog and the one-message form accept exactly the same
things; an answer may start with its key, as the hints show it (`starts: 2027-12-10 10:00`).
/back goes to the previous question and forgets its answer.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from bot.forms import FieldError, MeetingDraft, parse_meeting_form, render_error
from bot.forms.keys import LONG_TEXT
from bot.forms.lines import answer_value
from bot.forms.scripts import in_two_languages
from bot.places import closest_cities, find_city
from bot.services.admin.drafts import add_event as add_from_form
from bot.services.admin.drafts import show_preview
from bot.services.callbacks import admin_data
from bot.services.meeting_writes.values import to_json
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from storage.models import AdminDraft
from storage.repositories import drafts

STEPS = ("title", "city", "timezone", "starts", "ends", "venue", "organizer", "summary")
REQUIRED = frozenset({"title", "city", "timezone", "starts"})


async def add_event(session: AsyncSession, request: Request) -> Reply:
    if request.args.strip():
        return await add_from_form(session, request)
    assert request.user_id is not None
    if request.chat_id != request.user_id:
        # Answers are read in the private chat only: in a group they would be anyone's messages.
        example = t(request.language, "admin.example.form")
        return Reply(t(request.language, "admin.dialog.private_only", example=example))
    # One dialog at a time: a new /addevent starts over.
    await drafts.end_dialogs(session, request.user_id)
    draft = await drafts.create(
        session, request.user_id, "add", {}, step=STEPS[0], now=request.now
    )
    return _ask(draft, request.language, intro=True)


async def answer(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    step = draft.step
    assert step is not None
    value = _one_value(step, answer_value(step, request.args))
    if step == "timezone" and find_city(value) is not None:
        # The city's right name, typed instead of a zone: it brings its own zone.
        step, answers = "city", {k: v for k, v in draft.values.items() if k != "city"}
    else:
        answers = dict(draft.values)
    # Both languages at once, as the form takes them: each fills its own field.
    answers |= in_two_languages(step, request.args) or {step: value}
    parsed = parse_meeting_form(_form(answers), now=request.now)
    errors = _errors(parsed)
    unknown_city = step == "city" and [e.code for e in errors] == ["unknown_city"]
    if errors and not unknown_city:
        lines = [t(request.language, "admin.dialog.retry")]
        lines += [render_error(error, request.language) for error in errors]
        return Reply(join(lines), buttons=_ask(draft, request.language).buttons)
    draft.values = answers
    after = "timezone" if unknown_city else _following(step)
    return await _go_on(session, request, draft, after)


async def skip(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    step = draft.step
    assert step is not None
    if step in REQUIRED:
        return Reply(t(request.language, "admin.dialog.required", field=_field(request, step)))
    return await _go_on(session, request, draft, _following(step))


async def back(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    """The previous question again; its answer, and any after it, are forgotten."""
    previous = _previous(draft)
    if previous is None:
        first = _ask(draft, request.language)
        return Reply(join([t(request.language, "admin.dialog.first"), first.text]), first.buttons)
    kept = STEPS[: STEPS.index(previous)]
    draft.values = {
        key: value for key, value in draft.values.items() if key.removesuffix("_ru") in kept
    }
    draft.step = previous
    return _ask(draft, request.language)


async def cancel(session: AsyncSession, request: Request, draft: AdminDraft) -> Reply:
    await drafts.remove(session, draft)
    return Reply(t(request.language, "admin.dialog.cancelled"))


async def _go_on(
    session: AsyncSession, request: Request, draft: AdminDraft, step: str | None
) -> Reply:
    if step is not None:
        draft.step = step
        return _ask(draft, request.language)
    parsed = parse_meeting_form(_form(draft.values), now=request.now)
    # Every answer was checked as it came, but the clock may have passed the start since.
    if isinstance(parsed, list):
        await drafts.remove(session, draft)
        return Reply(join([render_error(e, request.language) for e in parsed]))
    draft.values, draft.step = to_json(parsed.values), None
    return await show_preview(session, request, draft)


def _ask(draft: AdminDraft, language: str, *, intro: bool = False) -> Reply:
    step = draft.step
    assert step is not None
    lines = [t(language, "admin.dialog.intro")] if intro else []
    lines.append(_question(draft, step, language))
    row = [Button(t(language, "admin.button.cancel"), admin_data("drop", draft.id))]
    if step not in REQUIRED:
        lines.append(t(language, "admin.dialog.optional"))
        row.insert(0, Button(t(language, "admin.button.skip"), admin_data("skip", draft.id)))
    if step != STEPS[0]:
        back = Button(t(language, "admin.button.back"), admin_data("back", draft.id))
        row.insert(-1, back)
    return Reply(join(lines), buttons=(tuple(row),))


def _question(draft: AdminDraft, step: str, language: str) -> Html:
    if step != "timezone":
        return t(language, f"admin.dialog.ask.{step}")
    city = str(draft.values.get("city", ""))
    names = [c.name_ru if language == "ru" else c.name_en for c in closest_cities(city)]
    if not names:
        return t(language, "admin.dialog.ask.timezone", city=city)
    return t(language, "admin.dialog.ask.timezone_or_city", city=city, names=", ".join(names))


def _previous(draft: AdminDraft) -> str | None:
    """The question asked before the current one (the zone only if it was asked)."""
    assert draft.step is not None
    earlier = STEPS[: STEPS.index(draft.step)]
    asked = [s for s in earlier if s != "timezone" or "timezone" in draft.values]
    return asked[-1] if asked else None


def _following(step: str) -> str | None:
    index = STEPS.index(step) + 1
    if index < len(STEPS) and STEPS[index] == "timezone":
        # Asked only after a city the bot does not know.
        index += 1
    return STEPS[index] if index < len(STEPS) else None


def _one_value(step: str, text: str) -> str:
    # A line break would start another key; only the long texts keep theirs.
    return text.strip() if step in LONG_TEXT else " ".join(text.split())


def _form(answers: Mapping[str, object]) -> str:
    return "\n".join(f"{key}: {value}" for key, value in answers.items())


def _errors(parsed: MeetingDraft | list[FieldError]) -> list[FieldError]:
    """Mistakes in what was answered; questions still to come are not missing yet."""
    if isinstance(parsed, MeetingDraft):
        return []
    return [error for error in parsed if error.code != "missing"]


def _field(request: Request, step: str) -> str:
    return t(request.language, f"admin.field.{step}")
