"""The tables. Times are aware UTC; texts people read are in English (`_en`) and Russian.

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
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("title_en", "starts_at"),
        Index("ix_meetings_series_ordinal", "series", "ordinal"),
        Index("ix_meetings_status_starts_at", "status", "starts_at"),
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
    city_en: Mapped[str] = mapped_column(String(100), index=True)
    city_ru: Mapped[str | None] = mapped_column(String(100))
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
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
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    def text(self, field: str, language: str) -> str | None:
        """A reader-facing field in the reader's language, falling back to English."""
        value: str | None = getattr(self, f"{field}_{language}", None)
        return value or getattr(self, f"{field}_en")


class Chat(Base):
    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    # The language the user chose; None means: follow their Telegram language.
    language: Mapped[str | None] = mapped_column(String(8))
    # Zone to show times in besides the venue's own; None means venue time only.
    time_zone: Mapped[str | None] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
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
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class ReminderDelivery(Base):
    """One reminder of one meeting to one chat; the unique key is what makes it exactly once."""

    __tablename__ = "reminder_deliveries"
    __table_args__ = (UniqueConstraint("meeting_id", "offset_minutes", "chat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    offset_minutes: Mapped[int] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chats.id", ondelete="CASCADE"))
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(
            DeliveryStatus,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=DeliveryStatus.PENDING,
    )
    error: Mapped[str | None] = mapped_column(String(500))
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class Admin(Base):
    __tablename__ = "admins"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime]


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
