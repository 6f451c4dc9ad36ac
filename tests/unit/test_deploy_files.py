"""The deployment files say what the README says (issue 24): compose serves health, metrics and
the feed on a published port with a healthcheck and an init; the image runs as a numeric user
with a HEALTHCHECK and installs from the lock; .env.example works with `docker run --env-file`."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import yaml

from bot.version import version
from config.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_compose_serves_health_metrics_and_the_feed_with_a_healthcheck_and_an_init() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    bot = compose["services"]["bot"]
    assert bot["init"] is True
    assert bot["environment"]["BOT_FEED_PORT"] == "8080"
    assert any(port.endswith(":8080") for port in bot["ports"])
    assert bot["healthcheck"]["test"] == ["CMD", "python", "-m", "bot.probe"]
    password = "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}"
    assert compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"] == password
    assert f"unrcca:{password}@postgres" in bot["environment"]["DATABASE_URL"]


def test_the_image_is_unprivileged_checked_and_pinned() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^USER \d+:\d+$", dockerfile, re.M)
    assert "HEALTHCHECK --interval=30s --timeout=5s" in dockerfile
    assert "--require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "--mount=type=bind,from=build,source=/wheels" in dockerfile
    assert "COPY --from=build" not in dockerfile and "gcc" not in dockerfile
    assert (ROOT / ".dockerignore").read_text().startswith("# Only what the Dockerfile copies")


def test_every_direct_dependency_is_pinned_in_both_lock_files() -> None:
    project = (ROOT / "pyproject.toml").read_text()
    block = project.split("dependencies = [", 1)[1].split("]\n", 1)[0]
    names = re.findall(r'^\s+"([A-Za-z0-9_.-]+)', block, re.M)
    for lock in ("requirements.lock", "requirements-test.lock"):
        pinned = {
            line.split("==")[0].lower().replace("_", "-")
            for line in (ROOT / lock).read_text().splitlines()
            if "==" in line and not line.startswith(" ")
        }
        assert {name.lower() for name in names} <= pinned, lock
    assert "pytest==" in (ROOT / "requirements-test.lock").read_text()


def test_env_example_has_no_quotes_and_every_setting(tmp_path: Path) -> None:
    example = (ROOT / ".env.example").read_text()
    values = dict(
        line.split("=", 1) for line in example.splitlines() if line and not line.startswith("#")
    )
    assert not [name for name, value in values.items() if value[:1] in "\"'" and value]
    aliases = {field.validation_alias for field in Settings.model_fields.values()}
    assert aliases <= set(values), aliases - set(values)
    # Read as the bot reads .env (and as `docker run --env-file` passes it, value as written).
    (tmp_path / ".env").write_text(example.replace("BOT_TOKEN=\n", ""))
    settings = load_settings(_env_file=tmp_path / ".env")
    assert settings.reminder_offsets == (1440, 60)
    assert version() != "0+unknown"


def test_every_file_the_packages_read_is_installed_with_them() -> None:
    """`pip install .` installs the `.py` files and `[tool.setuptools.package-data]`; any other
    file in a package (a catalogue, the bundled knowledge, the source article) must match one of
    its patterns, or the installed bot cannot start (the source article once did not)."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    missing = []
    for package in ("bot", "storage", "config"):
        folder = ROOT / package
        patterns = declared.get(package, [])
        for path in folder.rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(folder)
            if not any(fnmatch.fnmatch(relative.as_posix(), pattern) for pattern in patterns):
                missing.append(f"{package}/{relative.as_posix()}")
    assert missing == []
