#!/bin/sh
# Pin every dependency, with hashes, from pyproject.toml's bounds: run after changing
# [project] dependencies or to take newer releases, and commit both files.
#   requirements.lock       what the image installs (the bot's dependencies)
#   requirements-test.lock  what CI installs (those and the test extra)
# Needs uv (`pip install uv`). `pip install .` still works from the bounds alone.
set -eu
cd "$(dirname "$0")/.."
lock() {
    uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
        --no-header --quiet "$@"
}
lock -o requirements.lock
lock --extra test -o requirements-test.lock
