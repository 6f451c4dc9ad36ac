"""documents attached to meetings and the passages of their text, with a full-text index of the
passages: SQLite's FTS5 table `passage_words` (porter stems English, the caller gives Russian
words as dictionary forms), kept by triggers; on PostgreSQL a GIN index on the `english` and
`russian` tsvectors of the same words

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in storage/passages.py: the planner uses the index only for this very expression.
DOCUMENT = "(to_tsvector('english'::regconfig, words) || to_tsvector('russian'::regconfig, words))"
SQLITE_UP = (
    "CREATE VIRTUAL TABLE passage_words USING fts5(words, content='document_passages', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER passage_words_insert AFTER INSERT ON document_passages BEGIN "
    "INSERT INTO passage_words(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER passage_words_delete AFTER DELETE ON document_passages BEGIN "
    "INSERT INTO passage_words(passage_words, rowid, words) VALUES ('delete', old.id, old.words);"
    " END",
    "CREATE TRIGGER passage_words_update AFTER UPDATE ON document_passages BEGIN "
    "INSERT INTO passage_words(passage_words, rowid, words) VALUES ('delete', old.id, old.words);"
    " INSERT INTO passage_words(rowid, words) VALUES (new.id, new.words); END",
)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("file_id", sa.String(length=255), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("mime_type", sa.String(length=100), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("checksum", sa.String(length=64), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("has_text", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"],
            name=op.f("fk_documents_meeting_id_meetings"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )  # fmt: skip
    op.create_index(op.f("ix_documents_meeting_id"), "documents", ["meeting_id"])
    op.create_table(
        "document_passages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_document_passages_document_id_documents"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_passages")),
    )  # fmt: skip
    op.create_index(op.f("ix_document_passages_document_id"), "document_passages", ["document_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_passages_words ON document_passages USING gin ({DOCUMENT})")
        return
    for statement in SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_passages_words")
    else:
        for trigger in ("update", "delete", "insert"):
            op.execute(f"DROP TRIGGER passage_words_{trigger}")
        op.execute("DROP TABLE passage_words")
    op.drop_index(op.f("ix_document_passages_document_id"), table_name="document_passages")
    op.drop_table("document_passages")
    op.drop_index(op.f("ix_documents_meeting_id"), table_name="documents")
    op.drop_table("documents")
