# syntax=docker/dockerfile:1

# Build stage: every wheel, from the lock file (hashes checked), and the bot's own.
FROM python:3.11-slim AS build
WORKDIR /src
COPY requirements.lock ./
RUN pip wheel --no-cache-dir --require-hashes --no-deps -r requirements.lock --wheel-dir /wheels
COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY storage ./storage
COPY config ./config
RUN pip wheel --no-cache-dir --no-deps . --wheel-dir /wheels

# Run stage: no compiler, no sources; the wheels are mounted for the install, never a layer.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite+aiosqlite:////data/unrcca_bot.db \
    BOT_FEED_PORT=8080
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --no-deps /wheels/*.whl \
    && useradd --create-home --uid 10001 --user-group bot \
    && mkdir /data && chown 10001:10001 /data
# Numeric, so that Kubernetes' runAsNonRoot can tell it is not root.
USER 10001:10001
WORKDIR /data
# The SQLite file lives here; with PostgreSQL the volume stays empty.
VOLUME ["/data"]
# 8080: /calendar.ics, /livez, /readyz, /metrics (long polling); 8443: the webhook and the same.
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.probe"]
CMD ["unrcca-bot", "run"]
