"""claim holders: a claim names the process holding it, whose heartbeat (or release) frees it
at once instead of after the claim's lease

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = storage.types.UTCDateTime(timezone=True)
CLAIMED = ("reminder_deliveries", "notices")


def upgrade() -> None:
    op.create_table(
        "claim_holders",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("started_at", UTC_TIME, nullable=False),
        sa.Column("expires_at", UTC_TIME, nullable=False),
        sa.Column("released_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_claim_holders"),
    )
    # Claims made before have no holder: their lease alone frees them, as before.
    for table in CLAIMED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("holder_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    for table in CLAIMED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("holder_id")
    op.drop_table("claim_holders")
