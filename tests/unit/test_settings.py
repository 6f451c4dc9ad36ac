"""Settings: defaults, parsing, and one clear line naming the setting when one is wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from config.settings import DEFAULT_DATABASE_URL, SettingsError, load_settings

TOKEN = "123456789:" + "A" * 35


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No BOT_* variable or .env file of the developer's machine leaks into these tests."""
    for name in list(os.environ):
        if name.startswith("BOT_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults_need_nothing() -> None:
    settings = load_settings()
    assert settings.database_url == DEFAULT_DATABASE_URL == "sqlite+aiosqlite:///unrcca_bot.db"
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.default_language == "en"
    assert settings.admin_ids == frozenset()
    assert not settings.uses_webhook


def test_values_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("BOT_ADMIN_IDS", " 12, 34 ,56")
    monkeypatch.setenv("BOT_API_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("BOT_DEFAULT_LANGUAGE", "ru")
    monkeypatch.setenv("BOT_WEBHOOK_URL", "https://bot.example.org/hook")
    settings = load_settings()
    assert settings.require_token() == TOKEN
    assert settings.admin_ids == frozenset({12, 34, 56})
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.default_language == "ru"
    assert settings.uses_webhook


def test_values_come_from_a_dotenv_file() -> None:
    Path(".env").write_text(f"BOT_TOKEN={TOKEN}\nBOT_LOG_LEVEL=DEBUG\n")
    settings = load_settings()
    assert settings.require_token() == TOKEN
    assert settings.log_level == "DEBUG"


def test_token_is_secret_in_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    settings = load_settings()
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.model_dump())


def test_missing_token_names_it_and_says_how_to_fix() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings().require_token()
    assert "BOT_TOKEN" in str(caught.value)
    assert "@BotFather" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BOT_TOKEN", "not-a-token"),
        ("BOT_ADMIN_IDS", "12,abc"),
        ("DATABASE_URL", "sqlite:///sync-driver.db"),
        ("DATABASE_URL", "mysql://root@localhost/db"),
        ("BOT_API_BASE_URL", "ftp://example.org/bot"),
        ("BOT_DEFAULT_LANGUAGE", "de"),
        ("BOT_LOG_LEVEL", "LOUD"),
        ("BOT_WEBHOOK_PORT", "70000"),
        ("BOT_WEBHOOK_PORT", "eighty"),
        ("BOT_WEBHOOK_SECRET", "has spaces!"),
        ("BOT_WEBHOOK_SECRET", "a"),
        ("BOT_WEBHOOK_SECRET", "fifteen-chars-1"),
        ("BOT_WEBHOOK_URL", "bot.example.org"),
    ],
)
def test_a_wrong_value_is_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(f"{name} is invalid: ")
    assert "\n" not in message
    assert "not-a-token" not in message  # a mistyped token is not echoed either


def test_a_short_webhook_secret_says_how_long_and_is_not_echoed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 20: a 1-character secret was accepted (and its redaction mangled every log line)."""
    monkeypatch.setenv("BOT_WEBHOOK_SECRET", "short-secret")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("BOT_WEBHOOK_SECRET is invalid: must be 16-256 characters")
    assert "short-secret" not in message


def test_a_sixteen_character_secret_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_WEBHOOK_SECRET", "A" * 16)
    settings = load_settings()
    assert settings.webhook_secret is not None
    assert settings.webhook_secret.get_secret_value() == "A" * 16
