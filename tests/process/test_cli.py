"""The command line as a user runs it: real processes, real SQLite files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(
    *args: str, cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, **env},
        timeout=120,
    )


def test_console_script_is_installed() -> None:
    assert shutil.which("unrcca-bot"), "pip install -e '.[test]' installs the unrcca-bot command"


def test_run_without_token_is_one_line_naming_it(tmp_path: Path) -> None:
    result = run_cli("run", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "BOT_TOKEN" in lines[0] and "@BotFather" in lines[0]


def test_run_with_bad_setting_is_one_line(tmp_path: Path) -> None:
    result = run_cli("run", cwd=tmp_path, BOT_WEBHOOK_PORT="not-a-port")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "unrcca-bot: BOT_WEBHOOK_PORT is invalid: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


def test_run_with_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = run_cli(
        "run",
        cwd=tmp_path,
        BOT_TOKEN="123456789:" + "x" * 35,
        DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:1/nowhere",
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("unrcca-bot: DATABASE_URL: cannot use the database at")
    assert "x" * 35 not in result.stderr


def test_ask_answers_one_message_and_creates_the_default_database(tmp_path: Path) -> None:
    result = run_cli("ask", "/start", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "UNRCCA" in result.stdout and "/help" in result.stdout
    assert "<b>" not in result.stdout  # printed as text, not as Telegram HTML
    assert (tmp_path / "unrcca_bot.db").exists()


def test_ask_in_russian(tmp_path: Path) -> None:
    result = run_cli("ask", "/help", "--lang", "ru", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Команды" in result.stdout


def test_ask_batch_prints_json_lines_in_order(tmp_path: Path) -> None:
    questions = ["/start", "/help", "blorf zzz qwerty", "/help"]
    result = run_cli("ask", "-", cwd=tmp_path, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["question"] for row in rows] == questions
    assert all(row["answer"].strip() for row in rows)
    assert rows[1]["answer"] == rows[3]["answer"]
    assert "/help" in rows[2]["answer"]  # not understood: says so and points to /help


@pytest.mark.parametrize("question", ["что это?", "какой-то непонятный вопрос йцукен"])
def test_ask_replies_in_the_language_of_the_question(tmp_path: Path, question: str) -> None:
    result = run_cli("ask", question, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert any("а" <= ch <= "я" for ch in result.stdout.lower())


def test_version_is_the_installed_one(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "unrcca-bot 0.2.0"
    changelog = (Path(__file__).parents[2] / "CHANGELOG.md").read_text()
    assert "## [0.2.0]" in changelog  # every version that can be tagged says what it changed


def test_db_upgrade_current_and_check(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    empty = run_cli("db", "check", cwd=tmp_path, DATABASE_URL=database)
    upgraded = run_cli("db", "upgrade", cwd=tmp_path, DATABASE_URL=database)
    current = run_cli("db", "current", cwd=tmp_path, DATABASE_URL=database)
    checked = run_cli("db", "check", cwd=tmp_path, DATABASE_URL=database)
    assert empty.returncode == 1, empty.stderr
    assert empty.stdout.startswith("none (an empty database); the code's head is ")
    assert "unrcca-bot db upgrade" in empty.stdout
    assert upgraded.returncode == 0, upgraded.stderr
    head = upgraded.stdout.split()[0]
    assert upgraded.stdout == current.stdout == checked.stdout == f"{head} (head)\n"
    assert checked.returncode == 0


def test_run_no_migrate_refuses_a_database_behind_the_code(tmp_path: Path) -> None:
    result = run_cli("run", "--no-migrate", cwd=tmp_path, BOT_TOKEN="123456789:" + "x" * 35)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("unrcca-bot: --no-migrate: the database is at no revision")
    assert lines[0].endswith("run `unrcca-bot db upgrade` first")


def test_backup_of_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    result = run_cli(
        "backup",
        str(tmp_path / "copy.db"),
        cwd=tmp_path,
        DATABASE_URL="postgresql+asyncpg://bot:pw@db:5432/bot",
    )
    assert result.returncode == 2
    assert "pg_dump" in result.stderr and "pw" not in result.stderr
    assert not (tmp_path / "copy.db").exists()


def test_backup_writes_a_copy_the_bot_can_use(tmp_path: Path) -> None:
    assert run_cli("ask", "/start", cwd=tmp_path).returncode == 0  # creates unrcca_bot.db
    result = run_cli("backup", "copy.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("backed up ") and result.stdout.endswith(" pages to copy.db\n")
    restored = run_cli(
        "db", "check", cwd=tmp_path, DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'copy.db'}"
    )
    assert restored.returncode == 0, restored.stdout


def test_ask_ends_quietly_when_its_reader_closes_the_pipe(tmp_path: Path) -> None:
    """`unrcca-bot ask - < questions | head -1`: more answers than a pipe holds (64 KiB), and
    the reader gone after the first line; no traceback."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    clean.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=clean,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"/help\n" * 300)
    process.stdin.close()
    assert process.stdout.readline().startswith(b"{")
    process.stdout.close()
    assert process.stderr is not None
    stderr = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=120)
    assert b"Traceback" not in stderr, stderr.decode()[-2000:]
    assert process.returncode == 1
