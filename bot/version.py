"""The bot's version: the installed distribution's (pyproject.toml), as CHANGELOG.md lists it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version

DISTRIBUTION = "unrcca-bot"


def version() -> str:
    """`0.2.0`; `0+unknown` when run from sources that were never installed."""
    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
