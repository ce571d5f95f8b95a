"""Documents kept with records, and the Message-IDs of logged e-mails (issue #18)

- ``document``: a file's description (name, media type, size, sha256, note, who added it)
  and the one record it belongs to: a partner, programme, agreement, library service,
  interaction or grant, one column each, exactly one set (ON DELETE CASCADE, so the Trash takes a
  record's documents with it and brings them back).
- ``document_content``: the bytes and the text read from them, apart from the description
  so that listing documents never reads the files.
- ``email_message``: the Message-ID of each e-mail logged as an interaction, unique, so the
  same e-mail imported twice is recognised.
- The search index learns documents (name, note and the text inside): the triggers are the
  frozen copy in ``sql/0009_documents.*.sql``.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# owner column -> the table it points at
OWNERS = (
    ("partner_id", "partner"),
    ("programme_id", "programme"),
    ("agreement_id", "agreement"),
    ("service_id", "library_service"),
    ("interaction_id", "interaction"),
    ("grant_id", "funding_grant"),
)
ONE_OWNER = (
    " + ".join(f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)" for column, _ in OWNERS) + " = 1"
)


def _stamp(name: str) -> sa.Column[dt.datetime]:
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        server_default=sa.text("(CURRENT_TIMESTAMP)"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("added_by", sa.String(length=120), nullable=True),
        *(sa.Column(column, sa.Integer(), nullable=True) for column, _ in OWNERS),
        sa.Column("id", sa.Integer(), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_document_name_not_blank")),
        sa.CheckConstraint("size >= 0", name=op.f("ck_document_size_not_negative")),
        sa.CheckConstraint(ONE_OWNER, name=op.f("ck_document_one_owner")),
        *(
            sa.ForeignKeyConstraint(
                [column],
                [f"{table}.id"],
                name=op.f(f"fk_document_{column}_{table}"),
                ondelete="CASCADE",
            )
            for column, table in OWNERS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)
        for column, _ in OWNERS:
            batch_op.create_index(batch_op.f(f"ix_document_{column}"), [column], unique=False)
    op.create_table(
        "document_content",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_content_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_content")),
    )
    op.create_table(
        "email_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_email_message_interaction_id_interaction"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_message")),
        sa.UniqueConstraint("message_id", name=op.f("uq_email_message_message_id")),
    )
    with op.batch_alter_table("email_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_email_message_interaction_id"), ["interaction_id"], unique=False
        )
    frozen.run(op.get_bind(), "0009_documents", "triggers")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0009_documents", "drop triggers")
    key = "rowid" if op.get_bind().dialect.name == "sqlite" else "key"
    op.execute(sa.text(f"DELETE FROM search_index WHERE {key} >= 7 * 4294967296"))
    op.drop_table("email_message")
    op.drop_table("document_content")
    op.drop_table("document")
