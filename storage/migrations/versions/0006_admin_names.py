"""admins: their names, and whether BOT_ADMIN_IDS lists them

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("admins") as batch:
        batch.add_column(sa.Column("name", sa.String(length=128), nullable=True))
        # Every start marks the configured admins again, so existing rows may start as False.
        batch.add_column(
            sa.Column("configured", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("admins") as batch:
        batch.drop_column("configured")
        batch.drop_column("name")
