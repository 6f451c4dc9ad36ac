# syntax=docker/dockerfile:1

# Build stage: wheels for the project and its dependencies (asyncpg compiles here, not at run time).
FROM python:3.11-slim AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY storage ./storage
COPY config ./config
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

# Run stage: no compiler, no sources, an unprivileged user.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite+aiosqlite:////data/unrcca_bot.db
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels \
    && useradd --create-home --uid 10001 bot \
    && mkdir /data && chown bot:bot /data
USER bot
WORKDIR /data
# The SQLite file lives here; with PostgreSQL the volume stays empty.
VOLUME ["/data"]
EXPOSE 8443
CMD ["unrcca-bot", "run"]
