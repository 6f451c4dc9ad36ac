"""The house rules that tools can check: lint, format, types, and the direction of imports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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
    [
        ("config", ("bot", "storage", "telegram")),
        ("storage", ("bot", "telegram")),
        # Use cases, understanding and texts run without Telegram: in jobs, the CLI and tests.
        ("bot/services", ("telegram", "bot.handlers", "bot.outbound")),
        ("bot/understanding", ("telegram", "bot.handlers", "bot.outbound", "bot.services")),
        ("bot/forms", ("telegram", "bot.handlers", "bot.outbound", "bot.services")),
        ("bot/formatting", ("telegram", "bot.handlers", "bot.outbound", "bot.services")),
    ],
)
def test_dependencies_point_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    names = "|".join(re.escape(name) for name in forbidden)
    pattern = re.compile(rf"^\s*(from|import) ({names})(\.|\s|$)")
    offenders = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in (ROOT / package).rglob("*.py")
        for line in path.read_text().splitlines()
        if pattern.match(line)
    ]
    assert offenders == []


def test_no_module_level_list_or_dict_is_changed_after_import() -> None:
    """State lives in the runtime or the database, never in a module (two apps, one process)."""
    names = re.compile(r"^([A-Za-z_]\w*)(?::[^=]*)?\s*=\s*(\[|\{|dict\(|list\()", re.M)
    offenders = []
    for path in (ROOT / "bot").rglob("*.py"):
        source = path.read_text()
        for name in names.findall(source):
            mutation = re.compile(
                rf"\b{name[0]}(\.(append|extend|insert|update|setdefault|pop|clear|remove)\(|\[[^\]]+\]\s*=)"
            )
            if mutation.search(source):
                offenders.append(f"{path.relative_to(ROOT)}: {name[0]}")
    assert offenders == []


def test_the_runtime_is_built_only_by_the_composition_root() -> None:
    """A runtime built by hand misses the change hooks (as `unrcca-bot import` once did)."""
    built = re.compile(r"\bRuntime\(")
    offenders = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for folder in ("bot", "tests", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if path != ROOT / "bot" / "wiring.py"
        for line in path.read_text().splitlines()
        if built.search(line)
    ]
    assert offenders == []
