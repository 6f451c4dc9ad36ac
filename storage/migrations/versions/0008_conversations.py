"""conversations: the meetings a chat's last answer was about, for follow-up questions;
an index on meetings.ordinal (meetings numbered only in their titles have none)

Revision ID: 0008
Revises: 0004
Create Date: 2026-11-30 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0008"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("meeting_ids", sa.String(length=200), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
    )
    op.create_index("ix_meetings_ordinal", "meetings", ["ordinal"])


def downgrade() -> None:
    op.drop_index("ix_meetings_ordinal", table_name="meetings")
    op.drop_table("conversations")
