"""reminders: a delivery per meeting start, notices of changes, a chat's offsets

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 00:48:29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = storage.types.UTCDateTime(timezone=True)
STATUS = sa.Enum(
    "pending", "sent", "failed", "missed", name="deliverystatus", native_enum=False, length=16
)


def upgrade() -> None:
    _notices()
    with op.batch_alter_table("chats") as batch:
        batch.add_column(sa.Column("reminder_offsets", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("offsets_set_at", UTC_TIME, nullable=True))
        batch.add_column(sa.Column("seen_language", sa.String(length=8), nullable=True))
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("rescheduled_at", UTC_TIME, nullable=True))
    _deliveries()


def _notices() -> None:
    op.create_table(
        "notices",
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
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name="fk_notices_chat_id_chats", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name="fk_notices_meeting_id_meetings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notices"),
        sa.UniqueConstraint("change_id", "chat_id", name="uq_notices_change_id_chat_id"),
    )
    op.create_index("ix_notices_status_claimed_at", "notices", ["status", "claimed_at"])


def _deliveries() -> None:
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.add_column(sa.Column("starts_at", UTC_TIME, nullable=True))
        batch.add_column(sa.Column("due_at", UTC_TIME, nullable=True))
    # Rows from before: they were for the meeting's start as it is now.
    op.execute(
        "UPDATE reminder_deliveries SET starts_at = "
        "(SELECT starts_at FROM meetings WHERE meetings.id = reminder_deliveries.meeting_id), "
        "due_at = claimed_at"
    )
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.alter_column("starts_at", existing_type=UTC_TIME, nullable=False)
        batch.alter_column("due_at", existing_type=UTC_TIME, nullable=False)
        batch.drop_constraint(
            "uq_reminder_deliveries_meeting_id_offset_minutes_chat_id", type_="unique"
        )
        batch.create_unique_constraint(
            "uq_reminder_deliveries_key", ["meeting_id", "starts_at", "offset_minutes", "chat_id"]
        )
    op.create_index(
        "ix_reminder_deliveries_status_claimed_at",
        "reminder_deliveries",
        ["status", "claimed_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_reminder_deliveries_status_claimed_at", table_name="reminder_deliveries")
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.drop_constraint("uq_reminder_deliveries_key", type_="unique")
        batch.create_unique_constraint(
            "uq_reminder_deliveries_meeting_id_offset_minutes_chat_id",
            ["meeting_id", "offset_minutes", "chat_id"],
        )
        batch.drop_column("due_at")
        batch.drop_column("starts_at")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("rescheduled_at")
    with op.batch_alter_table("chats") as batch:
        batch.drop_column("seen_language")
        batch.drop_column("offsets_set_at")
        batch.drop_column("reminder_offsets")
    op.drop_index("ix_notices_status_claimed_at", table_name="notices")
    op.drop_table("notices")
