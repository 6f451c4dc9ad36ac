"""Checking the Bot API before the bot starts, so that a failure is one line naming its cause.

PTB's own start logs three chained tracebacks and its JSON parser logs another; the runner
then could only guess. Here one `getMe` is made first and its failure sorted into what the
user can act on: no network or DNS, a server that is not a Bot API, or a rejected token.
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.request import HTTPXRequest

from bot.api_watch import tls_settings
from bot.logs import scrub, secrets_of
from config.settings import Settings

# PTB logs a traceback for a reply that is not JSON before raising; we say it in one line.
_NOISY_LOGGERS = ("telegram.request.BaseRequest", "telegram.Bot")


class StartupFailure(Exception):
    """The bot cannot start; the message is one line, without secrets, naming the cause."""


async def check_bot_api(settings: Settings, tls: ssl.SSLContext) -> None:
    """One getMe, over a client with `tls`; StartupFailure when it fails."""
    bot = Bot(
        settings.require_token(),
        base_url=settings.api_base_url,
        base_file_url=settings.api_base_file_url,
        request=HTTPXRequest(connection_pool_size=1, httpx_kwargs=tls_settings(tls)),
        get_updates_request=HTTPXRequest(connection_pool_size=1, httpx_kwargs=tls_settings(tls)),
    )
    try:
        with _quiet():
            async with bot:
                pass  # Entering calls getMe.
    except Exception as error:  # every failure becomes one line: that is this function's job
        raise StartupFailure(scrub(describe(error, settings), secrets_of(settings))) from None


def describe(error: BaseException, settings: Settings) -> str:
    where = _where(settings)
    # PTB wraps the server's refusal in one of its own that quotes the token: read the first.
    while isinstance(error, InvalidToken) and isinstance(error.__cause__, InvalidToken):
        error = error.__cause__
    if isinstance(error, InvalidToken) and not _unparsed(error):
        return f"BOT_TOKEN was rejected by the Bot API at {where}: check it with @BotFather"
    if isinstance(error, NetworkError) and _name_unresolved(error):
        host = urlparse(settings.api_base_url).hostname
        return f"cannot reach the Bot API: the name {host} does not resolve (no network or DNS?)"
    if isinstance(error, NetworkError):
        # A timeout, a refused connection, or a gateway in front of the Bot API failing.
        return f"cannot reach the Bot API at {where}: {_first_line(error)}"
    reason = _first_line(error) if isinstance(error, TelegramError) else type(error).__name__
    return f"the server at {where} is not a Telegram Bot API ({reason}): check BOT_API_BASE_URL"


def _where(settings: Settings) -> str:
    """The server; named as a setting only where the user set it (the default is Telegram)."""
    # The host and port only: a password in the URL is nobody's business here.
    url = urlparse(settings.api_base_url)
    host = f"{url.hostname}:{url.port}" if url.port else str(url.hostname)
    if "api_base_url" in settings.model_fields_set:
        return f"{host} (BOT_API_BASE_URL)"
    return host


def _unparsed(error: BaseException) -> bool:
    """The server's answer was not JSON: an error page, not the Bot API speaking."""
    return isinstance(error.__cause__, TelegramError)


def _name_unresolved(error: BaseException) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return True
        cause = cause.__cause__ or cause.__context__
    return "Name or service not known" in str(error) or "name resolution" in str(error)


def _first_line(error: BaseException) -> str:
    # PTB appends the body it could not parse; a page of HTML says nothing in one line.
    text = str(error).split(". Parsing the server response", 1)[0]
    lines = text.strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


@contextmanager
def _quiet() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _NOISY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
