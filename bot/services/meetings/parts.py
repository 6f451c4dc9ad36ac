"""A message asking several things about a meeting: each part answered, each honestly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.services.meetings.answers import ANSWERS, bare_missing, framed
from bot.texts import Html, join
from bot.understanding import Intent
from bot.understanding.model import Part
from storage.models import Meeting


def parts_answer(
    parts: Sequence[Part], found: Sequence[Meeting], language: str, now: datetime
) -> Html:
    """For each meeting: its status, one paragraph per part, its link."""
    return join([_one(parts, meeting, language, now) for meeting in found], "\n\n")


def _one(parts: Sequence[Part], meeting: Meeting, language: str, now: datetime) -> Html:
    bodies = [_part(part, meeting, language, now) for part in parts]
    return framed(meeting, language, join(bodies, "\n\n"))


def _part(part: Part, meeting: Meeting, language: str, now: datetime) -> Html:
    if part.intent == Intent.UNKNOWN_FACT:
        return bare_missing(meeting, part.missing or "other", language, now)
    answer = ANSWERS.get(part.intent, ANSWERS[Intent.WHERE])
    return answer(meeting, language, now)
