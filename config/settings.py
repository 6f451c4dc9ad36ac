"""Settings from the environment and an optional `.env` file; see `.env.example` and the README."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from config.offsets import OffsetError, parse_offsets

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///unrcca_bot.db"
LogFormat = Literal["text", "json"]
TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,100}$")
# Telegram allows 1-256 characters; fewer than 16 can be guessed, and redacting a short secret
# from the logs would mangle every line that happens to contain it.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
WEBHOOK_SECRET_RULE = "16-256 characters of A-Z, a-z, 0-9, _ and -"
ASYNC_DRIVERS = ("sqlite+aiosqlite://", "postgresql+asyncpg://")


class SettingsError(Exception):
    """A setting is missing or wrong: one line that names it and says how to fix it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    token: SecretStr | None = Field(default=None, validation_alias="BOT_TOKEN")
    database_url: str = Field(default=DEFAULT_DATABASE_URL, validation_alias="DATABASE_URL")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), validation_alias="BOT_ADMIN_IDS"
    )
    api_base_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="BOT_API_BASE_URL"
    )
    api_base_file_url: str = Field(
        default="https://api.telegram.org/file/bot",
        validation_alias="BOT_API_BASE_FILE_URL",
    )
    default_language: Literal["en", "ru", "kk", "uz"] = Field(
        default="en", validation_alias="BOT_DEFAULT_LANGUAGE"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias="BOT_LOG_LEVEL"
    )
    # `json`: one object per line, for log collectors (README, "Logs").
    log_format: LogFormat = Field(default="text", validation_alias="BOT_LOG_FORMAT")
    # Where unexpected errors are reported (rate-limited); empty: the log only.
    alert_chat_id: int | None = Field(default=None, validation_alias="BOT_ALERT_CHAT_ID")
    webhook_url: str | None = Field(default=None, validation_alias="BOT_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, validation_alias="BOT_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="0.0.0.0", validation_alias="BOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, validation_alias="BOT_WEBHOOK_PORT")
    # How often the reminder jobs look at the database for changes other processes made.
    reminder_sweep_seconds: float = Field(
        default=60, ge=0.5, le=3600, validation_alias="BOT_REMINDER_SWEEP_SECONDS"
    )
    # Messages a second a fan-out sends, for the whole bot; above 30 it pays for broadcasts.
    broadcast_rate: float = Field(default=30, ge=1, le=1000, validation_alias="BOT_BROADCAST_RATE")
    # A claimed reminder not sent within this long belongs to a process that died.
    reminder_lease_seconds: float = Field(
        default=120, ge=5, le=3600, validation_alias="BOT_REMINDER_LEASE_SECONDS"
    )
    # Minutes before each meeting, largest first; a chat changes its own with /remind.
    reminder_offsets: Annotated[tuple[int, ...], NoDecode] = Field(
        default=(1440, 60), validation_alias="BOT_REMINDER_OFFSETS"
    )
    # With long polling, the calendar feed is served on this port when it is set.
    feed_port: int | None = Field(default=None, ge=1, le=65535, validation_alias="BOT_FEED_PORT")
    feed_listen: str = Field(default="0.0.0.0", validation_alias="BOT_FEED_LISTEN")
    # Where people reach the feed (https://meetings.example.org): /calendar gives its links.
    public_base_url: str | None = Field(default=None, validation_alias="BOT_PUBLIC_BASE_URL")
    # Tests and trials: every chat's digest falls due this many seconds apart instead of weekly.
    digest_period_seconds: float | None = Field(
        default=None, ge=5, le=604800, validation_alias="BOT_DIGEST_PERIOD_SECONDS"
    )

    @field_validator("token", mode="before")
    @classmethod
    def _token_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        if not TOKEN_PATTERN.match(str(value)):
            # The value itself is never echoed: it may be a real token pasted with a typo.
            raise ValueError("does not look like a token from @BotFather (123456789:ABC-def...)")
        return value

    @field_validator("feed_port", "alert_chat_id", "digest_period_seconds", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.isascii() and part.isdigit() for part in parts):
                raise ValueError("must be Telegram user ids separated by commas, e.g. 12345,67890")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("reminder_offsets", mode="before")
    @classmethod
    def _offsets(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return parse_offsets(value)
        except OffsetError as error:
            raise ValueError(
                f"{error.code.replace('_', ' ')} ({error.value or 'nothing given'}): write "
                "1 to 5 offsets from 1m to 30d, e.g. 1d 1h (or 1д 1ч)"
            ) from None

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(ASYNC_DRIVERS):
            raise ValueError(
                "must use an async driver: sqlite+aiosqlite:///FILE or "
                "postgresql+asyncpg://USER@HOST:PORT/DB"
            )
        return value

    @field_validator("api_base_url", "api_base_file_url", "webhook_url", "public_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http(s) URL, e.g. http://127.0.0.1:8081/bot")
        return value.rstrip("/") if not value.endswith("/bot") else value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _secret_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        if not WEBHOOK_SECRET_PATTERN.match(str(value)):
            # The value is never echoed: it is a secret, mistyped or not.
            raise ValueError(
                f"must be {WEBHOOK_SECRET_RULE} (e.g. the output of `openssl rand -hex 16`)"
            )
        return value

    @property
    def uses_webhook(self) -> bool:
        return bool(self.webhook_url)

    @property
    def serves_feed_while_polling(self) -> bool:
        return not self.uses_webhook and self.feed_port is not None

    def require_token(self) -> str:
        if self.token is None:
            raise SettingsError(
                "BOT_TOKEN is not set: get a token from @BotFather and set "
                "BOT_TOKEN=123456789:ABC... in the environment or in .env"
            )
        return self.token.get_secret_value()


def _setting_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else field


def load_settings(**overrides: object) -> Settings:
    """Build the settings, turning a validation error into one line that names the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        name = _setting_name(field) if field in Settings.model_fields else field
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name} is invalid: {message}") from None
