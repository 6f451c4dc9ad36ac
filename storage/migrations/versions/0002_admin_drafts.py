"""admin drafts: meetings being added or edited, and the guided dialog's step

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 07:01:00.991766
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admin_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("admin_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["admin_id"],
            ["admins.user_id"],
            name=op.f("fk_admin_drafts_admin_id_admins"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_admin_drafts_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_drafts")),
    )
    op.create_index(op.f("ix_admin_drafts_admin_id"), "admin_drafts", ["admin_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_admin_drafts_admin_id"), table_name="admin_drafts")
    op.drop_table("admin_drafts")
