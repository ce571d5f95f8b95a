"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 15:26:41.930957
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete', 'restore', 'merge', 'erase', 'import')",
            name=op.f("ck_audit_event_action_allowed"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_event_entity_record", ["entity", "record_id"], unique=False)

    op.create_table(
        "library_service",
        sa.Column("gss_code", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("nice_name", sa.String(length=200), nullable=False),
        sa.Column("nation", sa.String(length=20), nullable=False),
        sa.Column("region", sa.String(length=60), nullable=False),
        sa.Column("is_member", sa.Boolean(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "nation IN ('England', 'Wales', 'Scotland', 'Northern Ireland')",
            name=op.f("ck_library_service_nation_allowed"),
        ),
        sa.CheckConstraint("length(gss_code) = 9", name=op.f("ck_library_service_gss_code_length")),
        sa.CheckConstraint(
            "length(trim(name)) > 0", name=op.f("ck_library_service_name_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_service")),
        sa.UniqueConstraint("gss_code", name=op.f("uq_library_service_gss_code")),
    )
    with op.batch_alter_table("library_service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_library_service_nation"), ["nation"], unique=False)
        batch_op.create_index(batch_op.f("ix_library_service_region"), ["region"], unique=False)

    op.create_table(
        "offer_area",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('offer', 'promise')", name=op.f("ck_offer_area_kind_allowed")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_offer_area_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_area")),
        sa.UniqueConstraint("code", name=op.f("uq_offer_area_code")),
        sa.UniqueConstraint("name", name=op.f("uq_offer_area_name")),
    )
    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("partner_type", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("contact_limit_days", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "partner_type IN ('charity', 'public_body', 'company', 'funder', 'other')",
            name=op.f("ck_partner_partner_type_allowed"),
        ),
        sa.CheckConstraint(
            "status IN ('prospect', 'active', 'paused', 'ended')",
            name=op.f("ck_partner_status_allowed"),
        ),
        sa.CheckConstraint(
            "contact_limit_days > 0", name=op.f("ck_partner_contact_limit_positive")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_partner_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_status"), ["status"], unique=False)

    op.create_table(
        "saved_view",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_saved_view_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_view")),
        sa.UniqueConstraint("entity", "name", name="uq_saved_view_entity_name"),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_tag_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "trash_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trash_item")),
    )
    with op.batch_alter_table("trash_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trash_item_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("renewal_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_agreement_end_not_before_start"),
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_agreement_title_not_blank")),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_agreement_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "branch",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("branch_type", sa.String(length=60), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("uprn", sa.String(length=20), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("statutory", sa.Boolean(), nullable=True),
        sa.Column("year_opened", sa.Integer(), nullable=True),
        sa.Column("year_closed", sa.Integer(), nullable=True),
        sa.Column("source_key", sa.String(length=400), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_branch_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["library_service.id"],
            name=op.f("fk_branch_service_id_library_service"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch")),
        sa.UniqueConstraint("source_key", name="uq_branch_source_key"),
    )
    with op.batch_alter_table("branch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_branch_postcode"), ["postcode"], unique=False)
        batch_op.create_index(batch_op.f("ix_branch_service_id"), ["service_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(trim(full_name)) > 0", name=op.f("ck_contact_full_name_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_contact_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["library_service.id"],
            name=op.f("fk_contact_service_id_library_service"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_full_name"), ["full_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_service_id"), ["service_id"], unique=False)

    op.create_table(
        "former_authority",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["library_service.id"],
            name=op.f("fk_former_authority_successor_id_library_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_former_authority")),
        sa.UniqueConstraint("code", "successor_id", name="uq_former_authority_code_successor"),
    )
    with op.batch_alter_table("former_authority", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_former_authority_code"), ["code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_former_authority_successor_id"), ["successor_id"], unique=False
        )

    op.create_table(
        "partner_offer_area",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("offer_area_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_area_id"],
            ["offer_area.id"],
            name=op.f("fk_partner_offer_area_offer_area_id_offer_area"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_offer_area_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("partner_id", "offer_area_id", name=op.f("pk_partner_offer_area")),
    )
    op.create_table(
        "partner_tag",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_tag_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_partner_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("partner_id", "tag_id", name=op.f("pk_partner_tag")),
    )
    op.create_table(
        "programme",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("offer_area_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("budget", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("target_services", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('idea', 'negotiating', 'live', 'completed', 'cancelled')",
            name=op.f("ck_programme_status_allowed"),
        ),
        sa.CheckConstraint(
            "budget IS NULL OR budget >= 0", name=op.f("ck_programme_budget_not_negative")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_programme_end_not_before_start"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_programme_name_not_blank")),
        sa.CheckConstraint(
            "target_services IS NULL OR target_services >= 0",
            name=op.f("ck_programme_target_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["offer_area_id"], ["offer_area.id"], name=op.f("fk_programme_offer_area_id_offer_area")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_programme_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_programme_offer_area_id"), ["offer_area_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_programme_status"), ["status"], unique=False)

    op.create_table(
        "service_name_variant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "length(trim(name)) > 0", name=op.f("ck_service_name_variant_name_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["library_service.id"],
            name=op.f("fk_service_name_variant_service_id_library_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_name_variant")),
        sa.UniqueConstraint("service_id", "name", name="uq_service_name_variant_service_name"),
    )
    with op.batch_alter_table("service_name_variant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_name_variant_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "interaction",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("by_whom", sa.String(length=120), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('meeting', 'call', 'email', 'event', 'note')",
            name=op.f("ck_interaction_kind_allowed"),
        ),
        sa.CheckConstraint(
            "follow_up_on IS NULL OR follow_up_on >= occurred_on",
            name=op.f("ck_interaction_follow_up_not_before"),
        ),
        sa.CheckConstraint(
            "length(trim(subject)) > 0", name=op.f("ck_interaction_subject_not_blank")
        ),
        sa.CheckConstraint(
            "partner_id IS NOT NULL OR service_id IS NOT NULL OR programme_id IS NOT NULL",
            name=op.f("ck_interaction_about_something"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_interaction_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_interaction_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_interaction_programme_id_programme"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["library_service.id"],
            name=op.f("fk_interaction_service_id_library_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interaction_follow_up_on"), ["follow_up_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interaction_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interaction_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interaction_service_id"), ["service_id"], unique=False)

    op.create_table(
        "participation",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("local_contact_id", sa.Integer(), nullable=True),
        sa.Column("reach", sa.Integer(), nullable=True),
        sa.Column("sessions", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "stage IN ('invited', 'interested', 'signed_up', 'active', 'completed', 'withdrawn')",
            name=op.f("ck_participation_stage_allowed"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_participation_end_not_before_start"),
        ),
        sa.CheckConstraint(
            "reach IS NULL OR reach >= 0", name=op.f("ck_participation_reach_not_negative")
        ),
        sa.CheckConstraint(
            "sessions IS NULL OR sessions >= 0", name=op.f("ck_participation_sessions_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"],
            ["branch.id"],
            name=op.f("fk_participation_branch_id_branch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["local_contact_id"],
            ["contact.id"],
            name=op.f("fk_participation_local_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_participation_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["library_service.id"],
            name=op.f("fk_participation_service_id_library_service"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation")),
    )
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_local_contact_id"), ["local_contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participation_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participation_service_id"), ["service_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participation_stage"), ["stage"], unique=False)
    # A service joins a programme once (or once per branch); NULL branch ids need coalesce.
    op.create_index(
        "uq_participation_programme_service_branch",
        "participation",
        ["programme_id", "service_id", sa.text("coalesce(branch_id, 0)")],
        unique=True,
    )

    op.create_table(
        "programme_offer_area",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("offer_area_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_area_id"],
            ["offer_area.id"],
            name=op.f("fk_programme_offer_area_offer_area_id_offer_area"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_offer_area_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "programme_id", "offer_area_id", name=op.f("pk_programme_offer_area")
        ),
    )
    op.create_table(
        "programme_partner",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('lead', 'funder', 'delivery')", name=op.f("ck_programme_partner_role_allowed")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_programme_partner_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_partner_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_partner")),
        sa.UniqueConstraint("programme_id", "partner_id", name="uq_programme_partner_pair"),
    )
    with op.batch_alter_table("programme_partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_partner_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_programme_partner_programme_id"), ["programme_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("programme_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_partner_programme_id"))
        batch_op.drop_index(batch_op.f("ix_programme_partner_partner_id"))

    op.drop_table("programme_partner")
    op.drop_table("programme_offer_area")
    op.drop_index("uq_participation_programme_service_branch", table_name="participation")
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_stage"))
        batch_op.drop_index(batch_op.f("ix_participation_service_id"))
        batch_op.drop_index(batch_op.f("ix_participation_programme_id"))
        batch_op.drop_index(batch_op.f("ix_participation_local_contact_id"))

    op.drop_table("participation")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_service_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_programme_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_partner_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_interaction_follow_up_on"))
        batch_op.drop_index(batch_op.f("ix_interaction_contact_id"))

    op.drop_table("interaction")
    with op.batch_alter_table("service_name_variant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_name_variant_service_id"))

    op.drop_table("service_name_variant")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_status"))
        batch_op.drop_index(batch_op.f("ix_programme_offer_area_id"))
        batch_op.drop_index(batch_op.f("ix_programme_name"))
        batch_op.drop_index(batch_op.f("ix_programme_end_date"))

    op.drop_table("programme")
    op.drop_table("partner_tag")
    op.drop_table("partner_offer_area")
    with op.batch_alter_table("former_authority", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_former_authority_successor_id"))
        batch_op.drop_index(batch_op.f("ix_former_authority_code"))

    op.drop_table("former_authority")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_service_id"))
        batch_op.drop_index(batch_op.f("ix_contact_partner_id"))
        batch_op.drop_index(batch_op.f("ix_contact_full_name"))
        batch_op.drop_index(batch_op.f("ix_contact_email"))

    op.drop_table("contact")
    with op.batch_alter_table("branch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_branch_service_id"))
        batch_op.drop_index(batch_op.f("ix_branch_postcode"))

    op.drop_table("branch")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_partner_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_end_date"))

    op.drop_table("agreement")
    with op.batch_alter_table("trash_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trash_item_deleted_at"))

    op.drop_table("trash_item")
    op.drop_table("tag")
    op.drop_table("saved_view")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_status"))
        batch_op.drop_index(batch_op.f("ix_partner_owner"))
        batch_op.drop_index(batch_op.f("ix_partner_name"))

    op.drop_table("partner")
    op.drop_table("offer_area")
    with op.batch_alter_table("library_service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_library_service_region"))
        batch_op.drop_index(batch_op.f("ix_library_service_nation"))

    op.drop_table("library_service")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_entity_record")
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
