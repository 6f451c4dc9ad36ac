"""meetings.calendar_sequence, calendar_modified, calendar_synced_sequence: the calendar version
an import last gave a meeting, so that a file's version is compared with that version

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("calendar_sequence", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("calendar_modified", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("calendar_synced_sequence", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("calendar_synced_sequence")
        batch.drop_column("calendar_modified")
        batch.drop_column("calendar_sequence")
