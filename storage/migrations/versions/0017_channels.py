"""channels: linked Telegram channels and the posts of each change to them; notices of a deleted
meeting (whose row is gone, so neither table keys the meeting by a foreign key)

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0017"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = storage.types.UTCDateTime(timezone=True)
STATUS = sa.Enum(
    "pending", "sent", "failed", "missed", name="deliverystatus", native_enum=False, length=16
)


def upgrade() -> None:
    op.create_table(
        "channel_links",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("linked_by", sa.BigInteger(), nullable=True),
        sa.Column("linked_at", UTC_TIME, nullable=False),
        sa.Column("broken_at", UTC_TIME, nullable=True),
        sa.Column("broken_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name="fk_channel_links_chat_id_chats", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("chat_id", name="pk_channel_links"),
    )
    _posts()


def _posts() -> None:
    op.create_table(
        "channel_posts",
        *_told_change("channel_posts"),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
    )
    op.create_index(
        "ix_channel_posts_status_claimed_at", "channel_posts", ["status", "claimed_at"]
    )
    op.create_index(
        "ix_channel_posts_chat_id_meeting_id", "channel_posts", ["chat_id", "meeting_id"]
    )
    _removals()


def _removals() -> None:
    op.create_table("removal_notices", *_told_change("removal_notices"))
    op.create_index(
        "ix_removal_notices_status_claimed_at", "removal_notices", ["status", "claimed_at"]
    )


def _told_change(table: str) -> list[Any]:
    """The columns of one change told to one chat (storage.models._ToldChange)."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("status", STATUS, nullable=False),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("claimed_at", UTC_TIME, nullable=True),
        sa.Column("holder_id", sa.String(length=64), nullable=True),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=f"fk_{table}_chat_id_chats", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("change_id", "chat_id", name=f"uq_{table}_change_id_chat_id"),
    ]


def downgrade() -> None:
    op.drop_index("ix_removal_notices_status_claimed_at", table_name="removal_notices")
    op.drop_table("removal_notices")
    op.drop_index("ix_channel_posts_chat_id_meeting_id", table_name="channel_posts")
    op.drop_index("ix_channel_posts_status_claimed_at", table_name="channel_posts")
    op.drop_table("channel_posts")
    op.drop_table("channel_links")
