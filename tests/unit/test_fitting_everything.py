"""The one fitting step on the way out: any field contents, both languages, never over 4,096.

Issue 11, item 3. Lengths are measured by the fake Bot API's own parser (tests/fakebotapi),
not by the code under test, and the fitted text must still parse as Telegram's HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting.cards import meeting_card
from bot.formatting.fitting import CAPTION_LIMIT, MESSAGE_LIMIT, fit_message
from bot.services.meeting_writes.values import draft_meeting
from bot.texts import Html, join, t
from storage.models import MeetingStatus
from tests.fakebotapi.entities import visible_units

NOW = datetime(2026, 11, 29, tzinfo=UTC)
LIMITS = {
    "title_en": 200, "title_ru": 200, "venue_en": 300, "venue_ru": 300, "organizer_en": 300,
    "organizer_ru": 300, "supporters_en": 500, "supporters_ru": 500, "summary_en": 2000,
    "summary_ru": 2000, "cancel_reason": 500, "city_en": 100, "city_ru": 100,
    "country_en": 100, "country_ru": 100,
}  # fmt: skip


def fitted_units(text: str, limit: int = MESSAGE_LIMIT) -> int:
    return visible_units(fit_message(Html(text), limit), "HTML")


def full_meeting(fill: str) -> dict[str, object]:
    values: dict[str, object] = {
        column: (fill * limit)[:limit] for column, limit in LIMITS.items()
    }
    values |= {
        "starts_at": datetime(2027, 3, 4, 5, tzinfo=UTC),
        "ends_at": datetime(2027, 3, 6, 12, tzinfo=UTC),
        "time_known": True,
        "time_zone": "Asia/Almaty",
        "status": MeetingStatus.CANCELLED,
        "source": "s" * 300,
    }
    return values


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("fill", ["x", "📅", "<&>", "é"], ids=["ascii", "emoji", "html", "accent"])
def test_a_cancelled_meeting_with_every_field_full_fits(language: str, fill: str) -> None:
    card = meeting_card(draft_meeting(full_meeting(fill), None), language, NOW)
    preview = join([t(language, "admin.preview.edit", id=3), Html(""), card])
    assert visible_units(preview, "HTML") > MESSAGE_LIMIT  # it did not fit before
    assert fitted_units(preview) <= MESSAGE_LIMIT
    fitted = fit_message(preview)
    assert fitted.startswith(t(language, "admin.preview.edit", id=3))  # the meaning stays
    assert "ID: " in fitted or "ID: " not in preview


def test_what_fits_is_left_alone() -> None:
    text = Html("<b>Water</b> &amp; energy 📅")
    assert fit_message(text) == text


def test_two_long_cards_are_both_kept_with_their_heads() -> None:
    cards = [f"<b>Title {n}</b>\n📝 <b>Agenda:</b> " + "w " * 2000 for n in (1, 2)]
    fitted = fit_message(Html("\n\n".join(cards)))
    assert "<b>Title 1</b>" in fitted and "<b>Title 2</b>" in fitted
    assert visible_units(fitted, "HTML") <= MESSAGE_LIMIT


FIELD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=2500)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(LIMITS)), FIELD),
    st.sampled_from(["en", "ru"]),
    st.integers(min_value=1, max_value=3),
)
def test_any_field_contents_fit_in_both_languages(
    fields: dict[str, str], language: str, copies: int
) -> None:
    values = full_meeting("x") | fields
    card = meeting_card(draft_meeting(values, None), language, NOW)
    text = join([card] * copies)  # a question may print several cards
    assert fitted_units(text) <= MESSAGE_LIMIT
    assert fitted_units(text, CAPTION_LIMIT) <= CAPTION_LIMIT
