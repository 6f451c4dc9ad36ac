"""The tables. Times are aware UTC; texts people read are in English (`_en`) and Russian, and a
meeting's translatable fields also in any other language (`Meeting.translations`).

No column stamps the wall clock by itself: whoever writes a row passes the time, so a test clock
controls every timestamp.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


def first_written(row: Base, field: str, languages: tuple[str, ...]) -> str | None:
    """`row`'s column `<field>_<language>` for the first of `languages` that holds a value."""
    for language in languages:
        value: str | None = getattr(row, f"{field}_{language}", None)
        if value:
            return value
    return None


# The languages meetings (and cities, countries, facts) have columns for.
COLUMN_LANGUAGES: tuple[str, ...] = ("en", "ru")
# A meeting's fields that may be written in any language; city and country are named from the
# gazetteer, in English and Russian.
TRANSLATED: tuple[str, ...] = ("title", "venue", "organizer", "supporters", "summary")


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("title_en", "starts_at"),
        Index("ix_meetings_series_ordinal", "series", "ordinal"),
        Index("ix_meetings_status_starts_at", "status", "starts_at"),
        # "The sixth meeting", newest first, read in index order; meetings numbered only in their
        # titles are found among those with no ordinal, in the same order.
        Index("ix_meetings_ordinal_starts_at", "ordinal", "starts_at", "id"),
        # "Meetings in Osh", newest first: read in index order up to the limit, never sorted.
        Index("ix_meetings_city_en_starts_at", "city_en", "starts_at", "id"),
        Index("ix_meetings_country_code_starts_at", "country_code", "starts_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identity across calendars (iCalendar UID): an import updates the meeting with the same uid.
    uid: Mapped[str] = mapped_column(String(255), unique=True)
    series: Mapped[str | None] = mapped_column(String(64))
    ordinal: Mapped[int | None] = mapped_column(Integer)
    title_en: Mapped[str] = mapped_column(String(200))
    title_ru: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    # False when only the day is known: the card then shows no hour.
    time_known: Mapped[bool] = mapped_column(Boolean, default=True)
    time_zone: Mapped[str] = mapped_column(String(64))
    city_en: Mapped[str] = mapped_column(String(100))
    city_ru: Mapped[str | None] = mapped_column(String(100))
    country_code: Mapped[str | None] = mapped_column(String(2))
    country_en: Mapped[str | None] = mapped_column(String(100))
    country_ru: Mapped[str | None] = mapped_column(String(100))
    venue_en: Mapped[str | None] = mapped_column(String(300))
    venue_ru: Mapped[str | None] = mapped_column(String(300))
    organizer_en: Mapped[str | None] = mapped_column(String(300))
    organizer_ru: Mapped[str | None] = mapped_column(String(300))
    supporters_en: Mapped[str | None] = mapped_column(String(500))
    supporters_ru: Mapped[str | None] = mapped_column(String(500))
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ru: Mapped[str | None] = mapped_column(Text)
    # The translatable fields (TRANSLATED) in languages with no column of their own, by language
    # code then field: {"kk": {"title": "...", "venue": "..."}}. JSON, so that a language added
    # to the bot needs no migration. Replaced whole on every change, never mutated in place
    # (SQLAlchemy would not see it).
    translations: Mapped[dict[str, dict[str, str]] | None] = mapped_column(JSON)
    status: Mapped[MeetingStatus] = mapped_column(
        Enum(
            MeetingStatus,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=MeetingStatus.SCHEDULED,
    )
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(String(300))
    # The iCalendar SEQUENCE: grows with every change, so calendar apps replace their old copy.
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The calendar version an import last gave the meeting: the file's SEQUENCE and LAST-MODIFIED,
    # and `sequence` just after, which a later change in the bot grows past. While it is the
    # version held, a file's version is compared with it, not with when it was imported.
    calendar_sequence: Mapped[int | None]
    calendar_modified: Mapped[datetime | None]
    calendar_synced_sequence: Mapped[int | None]
    created_at: Mapped[datetime]
    # Indexed: the feed's version reads the latest change on every request (schedule_version).
    updated_at: Mapped[datetime] = mapped_column(index=True)
    # When the start last moved: a reminder that was already due then is not sent.
    rescheduled_at: Mapped[datetime | None]

    def text(self, field: str, languages: tuple[str, ...]) -> str | None:
        """A reader-facing field (`title`, `venue`...) in the first of `languages` that has it.

        `languages`: content language codes in the reader's order, the chain bot/languages.py
        declares per interface language; a venue an admin wrote only in Russian is shown to an
        English reader, whose chain goes on to Russian.
        """
        return next(filter(None, (self.text_in(field, code) for code in languages)), None)

    def text_in(self, field: str, language: str) -> str | None:
        """`field` in exactly `language`: its `_en`/`_ru` column, else `translations`."""
        if language in COLUMN_LANGUAGES:
            value: str | None = getattr(self, f"{field}_{language}", None)
            return value
        return (self.translations or {}).get(language, {}).get(field)


class Chat(Base):
    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    # The language the user chose; None means: follow their Telegram language.
    language: Mapped[str | None] = mapped_column(String(8))
    # Telegram's language of the last person who wrote here: for what the bot sends unasked
    # (reminders, notices) when the chat chose none.
    seen_language: Mapped[str | None] = mapped_column(String(8))
    # Zone to show times in besides the venue's own; None means venue time only.
    time_zone: Mapped[str | None] = mapped_column(String(64))
    # Minutes before a meeting, largest first, comma-separated ("1440,60"); None: the default.
    reminder_offsets: Mapped[str | None] = mapped_column(String(64))
    # When the offsets were last set: an offset already due then is not sent.
    offsets_set_at: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The weekly digest: its weekday (0 Monday .. 6 Sunday) and hour in the chat's zone (else
    # the venue zone of the bundled meetings); None: no digest. Set when it was last switched
    # on or moved: a digest time already past then is not sent.
    digest_day: Mapped[int | None] = mapped_column(Integer)
    digest_hour: Mapped[int | None] = mapped_column(Integer)
    digest_set_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Subscription(Base):
    """A chat wants reminders: of one meeting, or (meeting_id None) of every scheduled meeting."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("chat_id", "meeting_id"),
        # NULLs are distinct to a unique constraint, so "every meeting" needs its own index.
        Index(
            "uq_subscriptions_every_meeting",
            "chat_id",
            unique=True,
            postgresql_where=text("meeting_id IS NULL"),
            sqlite_where=text("meeting_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]


class DeliveryStatus(enum.StrEnum):
    # Claimed by a process that is sending it (or died sending it: see the lease).
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    # Its time passed while no process was running, and the meeting had begun by then.
    MISSED = "missed"


def _delivery_status() -> Enum:
    return Enum(
        DeliveryStatus,
        native_enum=False,
        length=16,
        values_callable=lambda e: [m.value for m in e],
    )


class ReminderDelivery(Base):
    """One reminder of one meeting, at its current start, to one chat.

    The unique key is the claim: a process inserts the row before it sends, so a reminder is
    sent once however many processes see it due; a moved meeting has a new start, so new keys.
    """

    __tablename__ = "reminder_deliveries"
    __table_args__ = (
        UniqueConstraint(
            "meeting_id",
            "starts_at",
            "offset_minutes",
            "chat_id",
            name="uq_reminder_deliveries_key",
        ),
        Index("ix_reminder_deliveries_status_claimed_at", "status", "claimed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    offset_minutes: Mapped[int] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    due_at: Mapped[datetime]
    status: Mapped[DeliveryStatus] = mapped_column(
        _delivery_status(), default=DeliveryStatus.PENDING
    )
    error: Mapped[str | None] = mapped_column(String(500))
    claimed_at: Mapped[datetime]
    # The process that claimed it (claim_holders.id): free at once when that one is gone.
    holder_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class Notice(Base):
    """One notice of one change to a meeting (moved, cancelled, restored, announced) to one chat.

    Written with the change, in its transaction, for every chat subscribed then; sent by the
    reminders job. Unique per change and chat, so a notice is sent once.
    """

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("change_id", "chat_id"),
        Index("ix_notices_status_claimed_at", "status", "claimed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The audit entry of the change; no foreign key, like the audit's own meeting_id.
    change_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    # The values before the change that the notice shows (JSON-safe), e.g. the old start.
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status: Mapped[DeliveryStatus] = mapped_column(
        _delivery_status(), default=DeliveryStatus.PENDING
    )
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    # None until a process takes it to send; a claim older than the lease is taken over.
    claimed_at: Mapped[datetime | None]
    # The process that claimed it (claim_holders.id): free at once when that one is gone.
    holder_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class ClaimHolder(Base):
    """A process that claims deliveries and notices, alive while its heartbeat keeps
    `expires_at` ahead of the clock (bot.outbound.holder). The claims of a holder that expired
    or was released are free at once, rather than after the claims' own lease."""

    __tablename__ = "claim_holders"

    # host:pid:random, new for every start of a process.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime]
    # Its last heartbeat plus the time it promises to beat again within.
    expires_at: Mapped[datetime]
    # Set when the process let its claims go (a clean stop, or lost leadership).
    released_at: Mapped[datetime | None]


class Admin(Base):
    __tablename__ = "admins"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The name Telegram last showed for them (a grant by reply, or their own admin command);
    # None until known: a grant by id alone does not tell it.
    name: Mapped[str | None] = mapped_column(String(128))
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime]
    # Listed in BOT_ADMIN_IDS at the last start, which makes them an admin again at every start.
    configured: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AdminDraft(Base):
    """A meeting an admin is adding or editing, kept until Save or Cancel.

    In the database, not in memory: the button press that saves it may reach another process,
    and a restart must not lose it. While the guided dialog runs, `step` names the question it
    waits for and `values` holds the answers as typed; then `values` holds Meeting column values.
    """

    __tablename__ = "admin_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A revoked admin's drafts go with them.
    admin_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("admins.user_id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    # JSON-safe: datetimes as ISO strings.
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    step: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    # The id of the edited meeting's latest audit entry when the draft was made (0: none). A save
    # after another admin's change would silently undo it: refused once the meeting moved on.
    # Audit ids, not updated_at: they grow with every change, even two in the same second.
    meeting_version: Mapped[int | None] = mapped_column(Integer)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    # No foreign key: the trail must outlive a deleted meeting.
    meeting_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class CentreFact(Base):
    """What is known about UNRCCA itself (purpose, tasks, countries...), by a stable key."""

    __tablename__ = "centre_facts"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text_en: Mapped[str] = mapped_column(Text)
    text_ru: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300))

    def text(self, languages: tuple[str, ...]) -> str:
        """The fact in the first of `languages` (content codes, the reader's order)."""
        return first_written(self, "text", languages) or self.text_en


class Conversation(Base):
    """The meetings a chat's last answer was about, so "and where?" can refer back to them.

    In the database rather than in memory: any process may receive the next message. Keyed by a
    conversation id (a Telegram chat id, or the one `unrcca-bot ask -` uses); no foreign key, so
    a front end without a chat row can keep context too.
    """

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # Comma-separated meeting ids, most relevant first: a few ids, never a list to query into.
    meeting_ids: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime]


class ChannelLink(Base):
    """A Telegram channel (or group) linked by an admin: every new meeting and every change that
    matters is posted there (bot.services.channels). The chat is a `chats` row of its own."""

    __tablename__ = "channel_links"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(255))
    # Without "@"; None for a private channel, addressed by its id.
    username: Mapped[str | None] = mapped_column(String(64))
    # An interface language, or "both" (English and Russian in one post).
    language: Mapped[str] = mapped_column(String(8), default="both")
    linked_by: Mapped[int | None] = mapped_column(BigInteger)
    linked_at: Mapped[datetime]
    # Set when a post failed for good (the bot lost its rights): nothing more is posted there
    # until an admin links it again, and the admins were told once.
    broken_at: Mapped[datetime | None]
    broken_reason: Mapped[str | None] = mapped_column(String(500))


class _ToldChange:
    """One change told to one chat, claimed and ended like a notice (the columns
    storage.repositories.claims reads and writes)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # The audit entry of the change.
    change_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    # No foreign key: a deleted meeting is still told of.
    meeting_id: Mapped[int] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    # The values shown as old (a move), or the whole meeting (a delete).
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status: Mapped[DeliveryStatus] = mapped_column(
        _delivery_status(), default=DeliveryStatus.PENDING
    )
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    holder_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class SubscriptionFilter(Base):
    """A chat follows every meeting that matches a filter, those added later too: a country
    (`value` its code), a city (its English name), a series, a kind of meeting, or topic words
    (the first letters every form of each word shares, space-separated)."""

    __tablename__ = "subscription_filters"
    __table_args__ = (UniqueConstraint("chat_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(200))
    # What the chat typed, as it is shown back in /subscriptions.
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class FilterMatch(Base):
    """A meeting a filter matches: written when the filter is made and whenever a meeting is
    added or changed (bot.services.subscriptions.matching), so "who follows this meeting" is
    one indexed query (storage.repositories.followers)."""

    __tablename__ = "filter_matches"

    filter_id: Mapped[int] = mapped_column(
        ForeignKey("subscription_filters.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class DigestDelivery(Base):
    """One weekly digest to one chat: the unique (chat, due time) is the claim, so a digest is
    sent once however many processes see it due, and not again after a restart."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("chat_id", "due_at"),
        Index("ix_digest_deliveries_status_claimed_at", "status", "claimed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    due_at: Mapped[datetime]
    status: Mapped[DeliveryStatus] = mapped_column(
        _delivery_status(), default=DeliveryStatus.PENDING
    )
    error: Mapped[str | None] = mapped_column(String(500))
    claimed_at: Mapped[datetime]
    holder_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class ChannelPost(_ToldChange, Base):
    """One post of one change (new, moved, cancelled, restored, deleted) to one linked channel;
    claimed and ended like a notice, so a change is posted once across restarts and processes.
    `message_id` is the post Telegram made: the first one of a meeting is its original post,
    edited to show the meeting's current state whenever a change is posted as a reply to it."""

    __tablename__ = "channel_posts"
    __table_args__ = (
        UniqueConstraint("change_id", "chat_id"),
        Index("ix_channel_posts_status_claimed_at", "status", "claimed_at"),
        Index("ix_channel_posts_chat_id_meeting_id", "chat_id", "meeting_id"),
    )

    message_id: Mapped[int | None] = mapped_column(BigInteger)


class RemovalNotice(_ToldChange, Base):
    """A deleted meeting told to one chat that had heard of it (a notice of it was sent there,
    or the chat followed it alone). The meeting is gone: `before` holds its values as the audit
    does."""

    __tablename__ = "removal_notices"
    __table_args__ = (
        UniqueConstraint("change_id", "chat_id"),
        Index("ix_removal_notices_status_claimed_at", "status", "claimed_at"),
    )


class CalendarFeed(Base):
    """A chat's personal calendar feed: the secret token in its URL. A reset replaces the
    token, so the old URL answers 404."""

    __tablename__ = "calendar_feeds"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class Document(Base):
    """A file or link attached to a meeting: its agenda, a concept note, the participants, a
    press release or an outcome (joint statement, communique, chair's summary).

    Telegram keeps the file: the row keeps its `file_id`, to send it again, and the text read
    from it, in `document_passages`. Replaced or removed, a document is only marked (`removed_at`),
    so the audit's way back can bring it back.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(300))
    file_id: Mapped[str | None] = mapped_column(String(255))
    file_name: Mapped[str | None] = mapped_column(String(255))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(2000))
    size: Mapped[int | None] = mapped_column(Integer)
    # SHA-256 of the file's bytes, hex.
    checksum: Mapped[str | None] = mapped_column(String(64))
    pages: Mapped[int | None] = mapped_column(Integer)
    # False: a scanned PDF, or a link, with no text the bot could read.
    has_text: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]
    # An outcome sent to those who follow the meeting (bot.services.documents.outcomes).
    published_at: Mapped[datetime | None]
    passages: Mapped[list[Passage]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Passage.position", lazy="raise",
    )  # fmt: skip


class Passage(Base):
    """A paragraph of a document's text, found by the full-text index of storage/passages.py.

    `words` is the text as the index reads it: Russian words as their dictionary forms, so
    «водных ресурсов» finds «водные ресурсы»; the caller makes it (storage never lemmatizes).
    """

    __tablename__ = "document_passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    # Counted from 1; None where the format has no pages (DOCX, text).
    page: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[str] = mapped_column(Text)
    document: Mapped[Document] = relationship(back_populates="passages", lazy="raise")


# The tables whose rows belong to a chat (a `chat_id` foreign key to `chats`), declared once:
# when a group becomes a supergroup they follow it to its new id (repositories.chats.migrate).
# A new chat-owned table is added here; tests/storage/test_chat_owned.py fails until it is.
CHAT_OWNED: tuple[type[Base], ...] = (
    Subscription,
    ReminderDelivery,
    Notice,
    ChannelLink,
    ChannelPost,
    RemovalNotice,
    SubscriptionFilter,
    DigestDelivery,
    CalendarFeed,
)
