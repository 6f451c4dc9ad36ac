"""meetings of a city or a country, newest first, read in index order (city_en, starts_at, id)
and (country_code, starts_at, id) instead of sorting every meeting of the place

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meetings_city_en_starts_at", "meetings", ["city_en", "starts_at", "id"])
    op.create_index(
        "ix_meetings_country_code_starts_at", "meetings", ["country_code", "starts_at", "id"]
    )
    # Their first column serves every query the single-column indexes served.
    op.drop_index("ix_meetings_city_en", table_name="meetings")
    op.drop_index("ix_meetings_country_code", table_name="meetings")


def downgrade() -> None:
    op.create_index("ix_meetings_country_code", "meetings", ["country_code"])
    op.create_index("ix_meetings_city_en", "meetings", ["city_en"])
    op.drop_index("ix_meetings_country_code_starts_at", table_name="meetings")
    op.drop_index("ix_meetings_city_en_starts_at", table_name="meetings")
