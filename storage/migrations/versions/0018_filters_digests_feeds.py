"""subscriptions by filter (a country, city, series, kind or topic) with the meetings each
matches; the weekly digest's settings and deliveries; personal calendar feeds

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = storage.types.UTCDateTime(timezone=True)
DIGEST_COLUMNS = ("digest_day", "digest_hour", "digest_set_at")


def upgrade() -> None:
    # Plain ADD COLUMN: no batch rebuild of any table.
    op.add_column("chats", sa.Column("digest_day", sa.Integer(), nullable=True))
    op.add_column("chats", sa.Column("digest_hour", sa.Integer(), nullable=True))
    op.add_column("chats", sa.Column("digest_set_at", UTC_TIME, nullable=True))
    op.create_table(
        "subscription_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name="fk_subscription_filters_chat_id_chats",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_subscription_filters"),
        sa.UniqueConstraint(
            "chat_id", "kind", "value", name="uq_subscription_filters_chat_id_kind_value"
        ),
    )
    op.create_table(
        "filter_matches",
        sa.Column("filter_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["filter_id"],
            ["subscription_filters.id"],
            name="fk_filter_matches_filter_id_subscription_filters",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name="fk_filter_matches_meeting_id_meetings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("filter_id", "meeting_id", name="pk_filter_matches"),
    )
    op.create_index("ix_filter_matches_meeting_id", "filter_matches", ["meeting_id"])
    op.create_table(
        "digest_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("due_at", UTC_TIME, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("claimed_at", UTC_TIME, nullable=False),
        sa.Column("holder_id", sa.String(length=64), nullable=True),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name="fk_digest_deliveries_chat_id_chats",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_digest_deliveries"),
        sa.UniqueConstraint("chat_id", "due_at", name="uq_digest_deliveries_chat_id_due_at"),
    )
    op.create_index(
        "ix_digest_deliveries_status_claimed_at", "digest_deliveries", ["status", "claimed_at"]
    )
    op.create_table(
        "calendar_feeds",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name="fk_calendar_feeds_chat_id_chats", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("chat_id", name="pk_calendar_feeds"),
        sa.UniqueConstraint("token", name="uq_calendar_feeds_token"),
    )


def downgrade() -> None:
    op.drop_table("calendar_feeds")
    op.drop_index("ix_digest_deliveries_status_claimed_at", table_name="digest_deliveries")
    op.drop_table("digest_deliveries")
    op.drop_index("ix_filter_matches_meeting_id", table_name="filter_matches")
    op.drop_table("filter_matches")
    op.drop_table("subscription_filters")
    for column in DIGEST_COLUMNS:
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE chats DROP COLUMN {column}")
        else:
            op.drop_column("chats", column)
