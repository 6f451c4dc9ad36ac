"""`/calendar.ics` (and HEAD): the feed calendar apps subscribe to, cheap to ask for again.

Building it takes seconds at thousands of meetings (issue 20: 6.6 s at 5,002, on the event loop,
so every user waited), and calendar apps ask every hour, link checkers and strangers more. So
each language's feed is built once per version of the schedule
(storage.repositories.meetings.schedule_version), the bytes off the event loop, one build at a
time however many ask; it is served with ETag and Last-Modified, and an app that already holds
it gets a 304. Each build is also gzipped once, for the clients that accept it (calendar apps
do): the transfer of the text, not the server, was what a cached request cost. Each client
address may ask `FEED_REQUESTS_PER_MINUTE` times a minute; more get
a 429 with Retry-After.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus

from aiolimiter import AsyncLimiter
from telegram.ext import Application
from tornado.web import RequestHandler

from bot.bot_data import started_runtime
from bot.services.calendars.export import FEED_REFRESH
from bot.services.calendars.feeds import personal_feed
from bot.services.calendars.file import FeedHeader, calendar_bytes
from bot.services.runtime import Runtime
from bot.texts import LANGUAGES, t
from storage.database import Database
from storage.repositories import documents, meetings
from storage.repositories.meetings import ScheduleVersion

# A calendar app asks once an hour; a person reloading by hand a few times. A minute's worth
# of requests may come at once (a burst), then one every two seconds.
FEED_REQUESTS_PER_MINUTE = 30
# A feed built for one request only (a chat's own): it has no version to compare.
NO_VERSION = ScheduleVersion(None, None, None)
# Client addresses remembered; the least recently seen is forgotten first.
MAX_CLIENTS = 10_000


# Fast and still a tenth of the text: the build is what waits for it, once a version.
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Representation:
    """One encoding of a feed: its body and its strong ETag (each encoding has its own,
    RFC 9110 8.8.3)."""

    body: bytes
    etag: str
    encoding: str | None  # the Content-Encoding, None for the text itself


@dataclass(frozen=True)
class BuiltFeed:
    version: ScheduleVersion
    content: bytes
    etag: str
    last_modified: datetime | None
    gzipped: Representation

    def for_client(self, accept_encoding: str) -> Representation:
        """The gzipped body when the client's Accept-Encoding takes gzip, else the text."""
        if accepts_gzip(accept_encoding):
            return self.gzipped
        return Representation(self.content, self.etag, None)


def built(version: ScheduleVersion, content: bytes, last_modified: datetime | None) -> BuiltFeed:
    """A feed with its validators and its gzipped form (CPU-bound: call off the loop for a big
    one)."""
    digest = hashlib.sha256(content).hexdigest()[:32]
    zipped = Representation(gzip.compress(content, GZIP_LEVEL, mtime=0), f'"{digest}-gz"', "gzip")
    return BuiltFeed(version, content, f'"{digest}"', last_modified, zipped)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header admits gzip (`gzip`, `x-gzip` or `*`, not at q=0)."""
    for item in accept_encoding.lower().split(","):
        name, _, parameters = item.partition(";")
        if name.strip() not in ("gzip", "x-gzip", "*"):
            continue
        quality = parameters.strip().removeprefix("q=")
        try:
            return not parameters.strip() or float(quality) > 0
        except ValueError:
            return False
    return False


class FeedCache:
    """The latest feed of each language; rebuilt when the schedule's version changes."""

    def __init__(self) -> None:
        self._feeds: dict[str, BuiltFeed] = {}
        self._building: dict[str, asyncio.Lock] = {lang: asyncio.Lock() for lang in LANGUAGES}

    async def feed(self, database: Database, language: str) -> BuiltFeed:
        async with database.sessions() as session:
            version = await meetings.schedule_version(session)
        built = self._feeds.get(language)
        if built is not None and built.version == version:
            return built
        async with self._building[language]:
            built = self._feeds.get(language)
            if built is None or built.version != version:
                built = self._feeds[language] = await build_feed(database, language, version)
        return built


async def build_feed(database: Database, language: str, version: ScheduleVersion) -> BuiltFeed:
    """Rows read on the event loop, bytes made in a thread: the loop stays free for users."""
    async with database.sessions() as session:
        schedule = await meetings.every_meeting(session)
        links = await documents.links(session)
    header = FeedHeader(t(language, "calendar.feed.name"), FEED_REFRESH)

    def make() -> BuiltFeed:
        content = calendar_bytes(schedule, language, header, links)
        return built(version, content, version.last_modified)

    return await asyncio.to_thread(make)


class ClientLimits:
    """One leaky bucket (aiolimiter) per client address."""

    def __init__(self, per_minute: int = FEED_REQUESTS_PER_MINUTE) -> None:
        self._per_minute = per_minute
        self._limiters: OrderedDict[str, AsyncLimiter] = OrderedDict()

    async def admit(self, client: str) -> bool:
        """True, counting the request, while the client is within its rate; else False."""
        limiter = self._limiters.pop(client, None) or AsyncLimiter(self._per_minute, 60)
        self._limiters[client] = limiter
        if len(self._limiters) > MAX_CLIENTS:
            self._limiters.popitem(last=False)
        if not limiter.has_capacity():
            return False
        await limiter.acquire()  # at once: there is capacity
        return True


class FeedHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, app: Application, cache: FeedCache, limits: ClientLimits) -> None:
        self.app = app
        self.cache = cache
        self.limits = limits
        self.sent: Representation | None = None

    async def admitted(self) -> bool:
        """Whether the client is within its rate; if not, it has its 429."""
        if await self.limits.admit(self.request.remote_ip or ""):
            return True
        self.set_header("Retry-After", str(60 // FEED_REQUESTS_PER_MINUTE + 1))
        self.set_status(HTTPStatus.TOO_MANY_REQUESTS)
        self.finish("too many requests: a calendar app needs the feed once an hour\n")
        return False

    async def get(self) -> None:
        if not await self.admitted():
            return
        runtime: Runtime = started_runtime(self.app)
        language = self.get_query_argument("lang", "en")
        language = language if language in LANGUAGES else "en"
        feed = await self.cache.feed(runtime.database, language)
        self.set_header("Content-Type", "text/calendar; charset=utf-8")
        if feed.last_modified is not None:
            self.set_header("Last-Modified", format_datetime(feed.last_modified, usegmt=True))
        if self._unchanged_since(feed.last_modified):
            self.set_status(HTTPStatus.NOT_MODIFIED)
            self.finish()
            return
        self.send(feed)

    def send(self, feed: BuiltFeed) -> None:
        """The body in the encoding the client takes; tornado compares If-None-Match with
        compute_etag() (the sent representation's) and answers 304 itself."""
        self.sent = sent = feed.for_client(self.request.headers.get("Accept-Encoding", ""))
        self.set_header("Vary", "Accept-Encoding")
        if sent.encoding is not None:
            self.set_header("Content-Encoding", sent.encoding)
        self.finish(sent.body)

    async def head(self) -> None:
        # Calendar apps and link checkers ask first; tornado sends the headers without the body.
        await self.get()

    def compute_etag(self) -> str | None:
        return self.sent.etag if self.sent is not None else None

    def _unchanged_since(self, last_modified: datetime | None) -> bool:
        """If-Modified-Since, which counts only without If-None-Match (RFC 9110, 13.1.3)."""
        since = self.request.headers.get("If-Modified-Since")
        if last_modified is None or since is None or "If-None-Match" in self.request.headers:
            return False
        try:
            return last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False


class PersonalFeedHandler(FeedHandler):
    """`/calendar/<token>.ics`: one chat's own feed (bot.services.calendars.feeds), built when
    asked (it is small: what one chat follows), with the same per-client limit; 404 for a
    token no chat holds, a revoked one included."""

    async def get(self, token: str = "") -> None:
        if not await self.admitted():
            return
        runtime: Runtime = started_runtime(self.app)
        async with runtime.database.sessions() as session:
            content = await personal_feed(
                session, token, runtime.reminder_offsets, runtime.default_language
            )
        if content is None:
            self.set_status(HTTPStatus.NOT_FOUND)
            self.finish("no such calendar\n")
            return
        self.set_header("Content-Type", "text/calendar; charset=utf-8")
        self.set_header("Cache-Control", "private, no-store")
        self.send(built(NO_VERSION, content, None))

    async def head(self, token: str = "") -> None:
        await self.get(token)
