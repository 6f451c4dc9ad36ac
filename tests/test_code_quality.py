"""The house rules that tools can check: lint, format, types, and the direction of imports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_finds_nothing() -> None:
    result = tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout


def test_code_is_formatted() -> None:
    result = tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout


def test_mypy_finds_nothing() -> None:
    result = tool("mypy")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("config", ("bot", "storage", "telegram")), ("storage", ("bot", "telegram"))],
)
def test_dependencies_point_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    pattern = re.compile(rf"^\s*(from|import) ({'|'.join(forbidden)})(\.|\s|$)")
    offenders = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in (ROOT / package).rglob("*.py")
        for line in path.read_text().splitlines()
        if pattern.match(line)
    ]
    assert offenders == []
