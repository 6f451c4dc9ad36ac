"""a draft keeps the version of the meeting it edits (its last audit id), to refuse a stale save

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-30 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("admin_drafts") as batch:
        batch.add_column(sa.Column("meeting_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("admin_drafts") as batch:
        batch.drop_column("meeting_version")
