"""The admin's meeting form: every format, both key languages, every mistake, edits, and texts."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.forms import FieldError, MeetingDraft, parse_meeting_form, render_error, render_errors
from bot.forms.dates import parse_when
from bot.forms.keys import canonical, fields
from bot.forms.ordinals import parse_ordinal
from bot.forms.scripts import is_russian, missing_languages
from bot.texts import CATALOGUES

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
ERROR_CODES = (
    "missing", "unknown_key", "no_key", "duplicate_key", "empty", "no_fields", "bad_date",
    "in_past", "end_before_start", "end_without_time", "unknown_city", "bad_zone", "too_long",
    "bad_ordinal", "unknown_country", "country_mismatch", "year_out_of_range", "time_skipped",
)  # fmt: skip


def at(zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """The aware UTC instant of a wall-clock time in a zone."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def add(starts: str = "2026-12-10 10:00", city: str = "Dushanbe", extra: str = "") -> str:
    return f"title: Meeting\nstarts: {starts}\ncity: {city}\n{extra}"


def parsed(text: str, existing: dict[str, object] | None = None) -> dict[str, object]:
    result = parse_meeting_form(text, now=NOW, existing=existing)
    assert isinstance(result, MeetingDraft), result
    return result.values


def failed(text: str, existing: dict[str, object] | None = None) -> set[tuple[str, str]]:
    result = parse_meeting_form(text, now=NOW, existing=existing)
    assert isinstance(result, list), result
    return {(error.field, error.code) for error in result}


DUSHANBE_10 = at("Asia/Dushanbe", 2026, 12, 10, 10, 0)
TAJIKISTAN = {"country_code": "TJ", "country_en": "Tajikistan", "country_ru": "Таджикистан"}

ADDS = [
    ("iso", add(), {"starts_at": DUSHANBE_10, "time_known": True, "time_zone": "Asia/Dushanbe"}),
    ("iso_t", add("2026-12-10T10:00"), {"starts_at": DUSHANBE_10}),
    ("dotted", add("10.12.2026 10:00"), {"starts_at": DUSHANBE_10, "time_known": True}),
    (
        "day_only_iso",
        add("2026-12-10"),
        {"starts_at": at("Asia/Dushanbe", 2026, 12, 10), "time_known": False},
    ),
    ("day_only_dotted", add("10.12.2026"), {"time_known": False}),
    ("english_day_first", add("10 December 2026 10:00"), {"starts_at": DUSHANBE_10}),
    ("english_month_first", add("December 10, 2026 10:00"), {"starts_at": DUSHANBE_10}),
    ("english_abbreviated", add("10 Dec 2026 10:00"), {"starts_at": DUSHANBE_10}),
    ("english_at", add("Dec. 10, 2026 at 10:00"), {"starts_at": DUSHANBE_10}),
    ("english_weekday", add("Thursday, 10 December 2026, 10:00"), {"starts_at": DUSHANBE_10}),
    ("russian_written", add("10 декабря 2026 10:00"), {"starts_at": DUSHANBE_10}),
    ("russian_year_mark", add("10 декабря 2026 г. 10:00"), {"starts_at": DUSHANBE_10}),
    ("russian_v", add("10 декабря 2026 г. в 10:00"), {"starts_at": DUSHANBE_10}),
    ("russian_weekday_day_only", add("четверг, 10 декабря 2026 г."), {"time_known": False}),
    ("russian_abbreviated", add("10 дек. 2026 10:00"), {"starts_at": DUSHANBE_10}),
    ("today_day_only_is_not_past", add("2026-11-29"), {"time_known": False}),
    ("city_fills_country", add(), {"city_en": "Dushanbe", "city_ru": "Душанбе", **TAJIKISTAN}),
    (
        "russian_city",
        add(city="Ташкент"),
        {
            "city_en": "Tashkent",
            "city_ru": "Ташкент",
            "country_code": "UZ",
            "time_zone": "Asia/Tashkent",
        },
    ),
    (
        "city_alias",
        add(city="Alma-Ata"),
        {"city_en": "Almaty", "time_zone": "Asia/Almaty", "country_code": "KZ"},
    ),
    (
        "iana_city",
        add(city="Berlin"),
        {"city_en": "Berlin", "city_ru": None, "time_zone": "Europe/Berlin", "country_code": None},
    ),
    (
        "iana_city_with_country",
        add(city="Berlin", extra="country: Germany"),
        {"country_code": "DE", "country_en": "Germany", "country_ru": "Германия"},
    ),
    ("country_agrees", add(city="Almaty", extra="страна: Казахстан"), {"country_code": "KZ"}),
    (
        "zone_overrides_city",
        add(city="Almaty", extra="timezone: Asia/Tashkent"),
        {
            "time_zone": "Asia/Tashkent",
            "starts_at": at("Asia/Tashkent", 2026, 12, 10, 10, 0),
            "city_en": "Almaty",
        },
    ),
    ("zone_any_case", add(extra="tz: asia/tashkent"), {"time_zone": "Asia/Tashkent"}),
    ("zone_by_city_name", add(extra="zone: Samarkand"), {"time_zone": "Asia/Samarkand"}),
    (
        "unknown_city_with_zone",
        add(city="Arkadag", extra="timezone: Asia/Ashgabat"),
        {
            "city_en": "Arkadag",
            "city_ru": None,
            "time_zone": "Asia/Ashgabat",
            "country_code": None,
        },
    ),
    (
        "ends_clock_only",
        add(extra="ends: 18:00"),
        {"ends_at": at("Asia/Dushanbe", 2026, 12, 10, 18, 0)},
    ),
    (
        "ends_full",
        add(extra="ends: 11.12.2026 13:00"),
        {"ends_at": at("Asia/Dushanbe", 2026, 12, 11, 13, 0)},
    ),
    (
        "ends_day_after_day",
        add("2026-12-10", extra="окончание: 2026-12-11"),
        {"ends_at": at("Asia/Dushanbe", 2026, 12, 11)},
    ),
    ("no_end", add(), {"ends_at": None}),
    ("ordinal_th", add(extra="ordinal: 7th"), {"ordinal": 7}),
    ("ordinal_russian_word", add(extra="номер: седьмая"), {"ordinal": 7}),
    (
        "texts",
        add(extra="venue: MFA\norganizer: UNRCCA\nsupporters: EU\nsummary: Water"),
        {
            "venue_en": "MFA",
            "organizer_en": "UNRCCA",
            "supporters_en": "EU",
            "summary_en": "Water",
        },
    ),
    ("agenda_alias", add(extra="Agenda: Water and energy"), {"summary_en": "Water and energy"}),
    (
        "russian_twins",
        add(extra="название_ru: Встреча\nповестка ru: Вода\nместо-ru: МИД"),
        {"title_ru": "Встреча", "summary_ru": "Вода", "venue_ru": "МИД"},
    ),
    (
        "summary_lines",
        add(extra="summary: Water.\nTopics: energy, trade\n\nSecond paragraph."),
        {"summary_en": "Water.\nTopics: energy, trade\n\nSecond paragraph."},
    ),
    (
        "title_wraps",
        "title: 7th annual Meeting of\n  Deputy Ministers\nstarts: 2026-12-10\ncity: Osh",
        {"title_en": "7th annual Meeting of Deputy Ministers"},
    ),
    (
        "dash_clears_optional",
        add(extra="venue: -\nordinal: —"),
        {"venue_en": None, "ordinal": None},
    ),
    (
        "keys_fold_case_and_separators",
        "TITLE: M\nStarts-At: 2026-12-10 10:00\nCITY: Dushanbe\nTime_Zone: Asia/Dushanbe",
        {"title_en": "M", "starts_at": DUSHANBE_10},
    ),
    (
        "all_russian_keys",
        "Название: Седьмая встреча\nначало: 10 декабря 2026 г. 10:00\nгород: Душанбе\n"
        "конец: 17:30\n"
        "страна: Таджикистан\nместо: МИД\nчасовой пояс: Asia/Dushanbe\nорганизатор: РЦПДЦА\n"
        "при поддержке: ЕС\nописание: Безопасность\nпорядковый номер: 7-я",
        {
            # Russian text fills the Russian fields (issue 13); the English title column may
            # not be empty, so it holds the Russian title until an English one is given.
            "title_en": "Седьмая встреча",
            "title_ru": "Седьмая встреча",
            "starts_at": DUSHANBE_10,
            "ends_at": at("Asia/Dushanbe", 2026, 12, 10, 17, 30),
            **TAJIKISTAN,
            "venue_en": None,
            "venue_ru": "МИД",
            "organizer_ru": "РЦПДЦА",
            "supporters_ru": "ЕС",
            "summary_ru": "Безопасность",
            "ordinal": 7,
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in ADDS], ids=[c[0] for c in ADDS]
)
def test_add_reads_every_format(text: str, expected: dict[str, object]) -> None:
    values = parsed(text)
    assert {key: values[key] for key in expected} == expected


def test_add_gives_every_column_and_only_aware_utc_times() -> None:
    values = parsed(add(extra="ends: 18:00"))
    assert {"title_ru", "venue_en", "summary_ru", "ordinal", "ends_at", "time_zone"} <= set(values)
    moments = [value for value in values.values() if isinstance(value, datetime)]
    assert moments and all(moment.utcoffset() == UTC.utcoffset(None) for moment in moments)


LONG = "x" * 2001
ERRORS = [
    ("no_text", "", {("", "no_fields")}),
    ("blank_lines", "\n  \n", {("", "no_fields")}),
    ("missing_two", "title: Meeting", {("starts", "missing"), ("city", "missing")}),
    ("missing_russian", "город: Ош", {("title", "missing"), ("starts", "missing")}),
    ("unknown_key", add(extra="venu: MFA"), {("venu", "unknown_key")}),
    ("text_before_keys", "hello\n" + add(), {("", "no_key")}),
    # The same key twice in one script (a Latin and a Cyrillic value are two languages).
    ("duplicate_in_one_script", add(extra="название: Other"), {("title", "duplicate_key")}),
    ("empty_value", "title:\nstarts: 2026-12-10\ncity: Osh", {("title", "empty")}),
    ("dash_on_required", add(city="-"), {("city", "empty")}),
    ("bad_date_words", add("tomorrow"), {("starts", "bad_date")}),
    ("bad_date_no_such_day", add("31.02.2027 10:00"), {("starts", "bad_date")}),
    ("bad_date_hour", add("2026-12-10 25:00"), {("starts", "bad_date")}),
    ("bad_date_month_name", add("10 Decembre 2026"), {("starts", "bad_date")}),
    ("bad_end", add(extra="ends: later"), {("ends", "bad_date")}),
    ("in_past", add("2026-11-28 10:00"), {("starts", "in_past")}),
    ("in_past_today_earlier", add("29.11.2026 09:00"), {("starts", "in_past")}),
    ("in_past_day_only", add("28 ноября 2026"), {("starts", "in_past")}),
    ("end_before_start", add(extra="ends: 2026-12-09 18:00"), {("ends", "end_before_start")}),
    ("end_same_minute", add(extra="ends: 10:00"), {("ends", "end_before_start")}),
    ("end_without_time", add(extra="ends: 2026-12-11"), {("ends", "end_without_time")}),
    ("unknown_city", add(city="Atlantis"), {("city", "unknown_city")}),
    ("bad_zone", add(extra="timezone: Mars/Base"), {("timezone", "bad_zone")}),
    ("bad_zone_offset", add(extra="часовой пояс: UTC+5"), {("timezone", "bad_zone")}),
    ("title_too_long", add(extra="title_ru: " + "я" * 201), {("title_ru", "too_long")}),
    ("summary_too_long", add(extra="summary: " + LONG), {("summary", "too_long")}),
    ("venue_too_long", add(extra="venue: " + "v" * 301), {("venue", "too_long")}),
    ("organizer_too_long", add(extra="organizer: " + "o" * 301), {("organizer", "too_long")}),
    ("supporters_too_long", add(extra="supporters: " + "s" * 501), {("supporters", "too_long")}),
    ("ordinal_zero", add(extra="ordinal: 0"), {("ordinal", "bad_ordinal")}),
    ("ordinal_words", add(extra="ordinal: the seventh one"), {("ordinal", "bad_ordinal")}),
    ("ordinal_fraction", add(extra="номер: 7.5"), {("ordinal", "bad_ordinal")}),
    ("unknown_country", add(extra="country: Narnia"), {("country", "unknown_country")}),
    (
        "country_mismatch",
        add(city="Almaty", extra="country: Uzbekistan"),
        {("country", "country_mismatch")},
    ),
    (
        "all_at_once",
        "title: " + "t" * 201 + "\nstarts: someday\ncity: Atlantis\nordinal: x\nfoo: bar",
        {
            ("title", "too_long"),
            ("starts", "bad_date"),
            ("city", "unknown_city"),
            ("ordinal", "bad_ordinal"),
            ("foo", "unknown_key"),
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_add_reports_every_mistake(text: str, expected: set[tuple[str, str]]) -> None:
    assert failed(text) == expected


def test_errors_carry_what_the_admin_typed() -> None:
    result = parse_meeting_form(add("tomorrow", extra="summary: " + LONG), now=NOW)
    assert isinstance(result, list)
    assert FieldError("starts", "bad_date", {"value": "tomorrow"}) in result
    assert FieldError("summary", "too_long", {"limit": "2000", "length": "2001"}) in result


EXISTING: dict[str, object] = {
    "title_en": "Old",
    "starts_at": at("Asia/Almaty", 2026, 12, 10, 10, 0),
    "ends_at": at("Asia/Almaty", 2026, 12, 10, 18, 0),
    "time_known": True,
    "time_zone": "Asia/Almaty",
    "city_en": "Almaty",
    "city_ru": "Алматы",
    **{"country_code": "KZ", "country_en": "Kazakhstan", "country_ru": "Казахстан"},
    "venue_en": "MFA",
    "ordinal": 7,
}
PAST = {**EXISTING, "starts_at": at("Asia/Almaty", 2025, 3, 1, 10, 0), "ends_at": None}
UZBEKISTAN = {"country_code": "UZ", "country_en": "Uzbekistan", "country_ru": "Узбекистан"}

EDITS = [
    ("title_only", EXISTING, "title: New", {"title_en": "New"}),
    (
        "start_in_existing_zone",
        EXISTING,
        "starts: 2026-12-10 09:00",
        {
            "starts_at": at("Asia/Almaty", 2026, 12, 10, 9, 0),
            "time_known": True,
            # The end moves with the start (issue 13): the meeting keeps its eight hours.
            "ends_at": at("Asia/Almaty", 2026, 12, 10, 17, 0),
        },
    ),
    (
        "start_moved_past_the_old_end_takes_the_end_along",
        EXISTING,
        "starts: 2026-12-11 10:00",
        {
            "starts_at": at("Asia/Almaty", 2026, 12, 11, 10, 0),
            "time_known": True,
            "ends_at": at("Asia/Almaty", 2026, 12, 11, 18, 0),
        },
    ),
    (
        "start_day_moved_keeps_the_hours",
        EXISTING,
        "начало: 12.12.2026",
        {
            "starts_at": at("Asia/Almaty", 2026, 12, 12),
            "time_known": False,
            "ends_at": at("Asia/Almaty", 2026, 12, 12, 18, 0),
        },
    ),
    (
        "start_and_end_typed_together",
        EXISTING,
        "starts: 2026-12-11 10:00\nends: 2026-12-11 12:00",
        {
            "starts_at": at("Asia/Almaty", 2026, 12, 11, 10, 0),
            "time_known": True,
            "ends_at": at("Asia/Almaty", 2026, 12, 11, 12, 0),
        },
    ),
    (
        "russian_title_under_an_english_key_fills_the_russian_title",
        EXISTING,
        "title: Семинар по водным ресурсам",
        {"title_ru": "Семинар по водным ресурсам"},
    ),
    (
        "english_title_under_a_russian_key_fills_the_english_title",
        EXISTING,
        "название: Water seminar",
        {"title_en": "Water seminar"},
    ),
    (
        "russian_venue_under_a_russian_key_fills_the_russian_venue",
        EXISTING,
        "место: Министерство иностранных дел",
        {"venue_ru": "Министерство иностранных дел"},
    ),
    (
        "an_explicit_ru_key_is_taken_at_its_word",
        EXISTING,
        "venue_ru: Hyatt Regency",
        {"venue_ru": "Hyatt Regency"},
    ),
    (
        "start_day_only",
        EXISTING,
        "начало: 10.12.2026",
        {"starts_at": at("Asia/Almaty", 2026, 12, 10), "time_known": False},
    ),
    (
        "end_clock_on_existing_day",
        EXISTING,
        "ends: 17:00",
        {"ends_at": at("Asia/Almaty", 2026, 12, 10, 17, 0)},
    ),
    ("end_cleared", EXISTING, "конец: -", {"ends_at": None}),
    ("clear_and_set", EXISTING, "venue: -\nordinal: 8th", {"venue_en": None, "ordinal": 8}),
    (
        "city_moves_zone_keeps_wall_clock",
        EXISTING,
        "city: Tashkent",
        {
            "city_en": "Tashkent",
            "city_ru": "Ташкент",
            **UZBEKISTAN,
            "time_zone": "Asia/Tashkent",
            "starts_at": at("Asia/Tashkent", 2026, 12, 10, 10, 0),
            "ends_at": at("Asia/Tashkent", 2026, 12, 10, 18, 0),
        },
    ),
    (
        "city_with_same_zone_given",
        EXISTING,
        "city: Tashkent\ntimezone: Asia/Almaty",
        {"city_en": "Tashkent", "city_ru": "Ташкент", **UZBEKISTAN, "time_zone": "Asia/Almaty"},
    ),
    (
        "zone_only",
        EXISTING,
        "пояс: Asia/Dushanbe",
        {
            "time_zone": "Asia/Dushanbe",
            "starts_at": at("Asia/Dushanbe", 2026, 12, 10, 10, 0),
            "ends_at": at("Asia/Dushanbe", 2026, 12, 10, 18, 0),
        },
    ),
    (
        "iana_city_clears_old_country",
        EXISTING,
        "city: Berlin",
        {
            "city_en": "Berlin",
            "city_ru": None,
            "country_code": None,
            "country_en": None,
            "country_ru": None,
            "time_zone": "Europe/Berlin",
            "starts_at": at("Europe/Berlin", 2026, 12, 10, 10, 0),
            "ends_at": at("Europe/Berlin", 2026, 12, 10, 18, 0),
        },
    ),
    (
        "past_meeting_gets_its_summary",
        PAST,
        "summary: What was discussed",
        {"summary_en": "What was discussed"},
    ),
]


@pytest.mark.parametrize(
    ("existing", "text", "expected"), [c[1:] for c in EDITS], ids=[c[0] for c in EDITS]
)
def test_edit_gives_only_what_changes(
    existing: dict[str, object], text: str, expected: dict[str, object]
) -> None:
    assert parsed(text, existing) == expected


EDIT_ERRORS = [
    ("nothing", "", {("", "no_fields")}),
    ("end_before_existing_start", "ends: 2026-12-09 18:00", {("ends", "end_before_start")}),
    (
        "russian_title_twice",
        "title: Семинар\ntitle_ru: Семинар",
        {("title_ru", "duplicate_key")},
    ),
    ("start_in_past", "starts: 01.11.2026 10:00", {("starts", "in_past")}),
    ("unknown_city", "city: Atlantis", {("city", "unknown_city")}),
    ("country_against_existing_city", "country: Uzbekistan", {("country", "country_mismatch")}),
    ("title_cannot_be_cleared", "title: -", {("title", "empty")}),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in EDIT_ERRORS], ids=[c[0] for c in EDIT_ERRORS]
)
def test_edit_checks_the_merged_meeting(text: str, expected: set[tuple[str, str]]) -> None:
    assert failed(text, EXISTING) == expected


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_meeting_form(add(), now=datetime(2026, 11, 29))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("7th", 7), ("No. 7", 7), ("№7", 7), ("7-я", 7), ("seventh", 7), ("Третья", 3),
     ("пятнадцатое", 15), ("0", None), ("-1", None), ("seven", None)],
)  # fmt: skip
def test_ordinal(text: str, expected: int | None) -> None:
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize("text", ["10 Sept 2026", "1 мая 2026 10:00", "May 1 2026", "1 Май 2026"])
def test_month_names_come_from_babel(text: str) -> None:
    assert parse_when(text) is not None


def _admin_keys(language: str) -> set[str]:
    return {key for key in CATALOGUES[language] if key.startswith("admin.")}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_code_and_field_has_a_text(language: str) -> None:
    keys = _admin_keys(language)
    assert {f"admin.error.{code}" for code in ERROR_CODES} <= keys
    for field in fields():
        assert {f"admin.field.{field}", f"admin.example.{field}"} <= keys
        example = CATALOGUES[language][f"admin.example.{field}"]
        assert canonical(example.split(":")[0]) == field, example


@pytest.mark.parametrize("language", ["en", "ru"])
def test_examples_make_a_valid_form(language: str) -> None:
    assert isinstance(
        parse_meeting_form(CATALOGUES[language]["admin.example.form"], now=NOW), MeetingDraft
    )


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_renders_politely(code: str, language: str) -> None:
    params = {"value": "<x>", "name": "foo", "line": "hello", "limit": "200", "length": "201"}
    params |= {"starts": "a", "ends": "b", "city": "Almaty", "first": "1900", "last": "2200"}
    params |= {"zone": "America/New_York"}
    text = render_error(FieldError("starts", code, params), language)
    assert "{" not in text and "<x>" not in text
    assert "<code>" in text or "<pre>" in text


def test_render_errors_lists_each_mistake_with_an_example() -> None:
    errors = parse_meeting_form(add("tomorrow", city="Atlantis"), now=NOW)
    assert isinstance(errors, list)
    text = render_errors(errors, "ru")
    assert text.count("\n• ") == 2
    assert "tomorrow" in text and "<code>начало: 10.12.2027 10:00</code>" in text
    assert "<code>город: Алматы</code>" in text


def test_a_russian_only_title_stands_in_for_the_english_one() -> None:
    values = parsed("название: Семинар\nначало: 2026-12-10 10:00\nгород: Душанбе")
    assert values["title_ru"] == "Семинар"
    # The column may not be empty; English readers see the Russian title, as the preview says.
    assert values["title_en"] == "Семинар"


@pytest.mark.parametrize(
    ("text", "russian"),
    [("Семинар", True), ("Семинар UNRCCA", True), ("UNRCCA seminar", False),
     ("Water talks (водные)", False), ("2027", False)],
)  # fmt: skip
def test_the_script_decides_the_language(text: str, russian: bool) -> None:
    assert is_russian(text) is russian


def test_missing_languages_name_the_twins_without_one() -> None:
    texts = {
        "title": ("Семинар", "Семинар"),
        "venue": (None, "МИД"),
        "summary": ("Water", None),
        "organizer": (None, None),
    }
    assert missing_languages(texts) == (["title", "venue"], ["summary"])


@pytest.mark.parametrize(
    "form",
    [
        add(extra="название: Встреча\nsummary: Water\nповестка: Вода"),
        "название: Встреча\ntitle: Meeting\nstarts: 2026-12-10 10:00\ncity: Dushanbe\n"
        "summary: Water\nsummary: Вода",
    ],
)
def test_a_latin_and_a_cyrillic_value_under_one_key_fill_both_languages(form: str) -> None:
    values = parsed(form)
    assert (values["title_en"], values["title_ru"]) == ("Meeting", "Встреча")
    assert (values["summary_en"], values["summary_ru"]) == ("Water", "Вода")


def test_a_third_value_or_an_explicit_russian_one_is_still_a_duplicate() -> None:
    assert failed(add(extra="название: Встреча\ntitle_ru: Другая")) == {
        ("title_ru", "duplicate_key")
    }
    assert failed(add(extra="название: Встреча\nname: Third")) == {("title", "duplicate_key")}
