"""Assessments: scales imported, screenings, administrations, warnings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 03:42:55.285632
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_scales",
        sa.Column("scale_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["users.id"], name=op.f("fk_imported_scales_imported_by_users")
        ),
        sa.PrimaryKeyConstraint("scale_id", name=op.f("pk_imported_scales")),
    )
    op.create_table(
        "screenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("scales", sa.String(length=200), nullable=False),
        sa.Column("by_name", sa.Boolean(), nullable=False),
        sa.Column("counsellor_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["users.id"], name=op.f("fk_screenings_counsellor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_screenings_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
    )
    op.create_table(
        "screening_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_screening_participants_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_screening_participants_screening_id_screenings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_participants")),
        sa.UniqueConstraint(
            "screening_id", "code", name=op.f("uq_screening_participants_screening_id")
        ),
    )
    with op.batch_alter_table("screening_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_screening_participants_screening_id"), ["screening_id"], unique=False
        )

    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("scale_id", sa.String(length=32), nullable=False),
        sa.Column("scale_version", sa.String(length=20), nullable=False),
        sa.Column("scale_digest", sa.String(length=64), nullable=False),
        sa.Column("administered_on", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("raw", sa.Float(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("band", sa.String(length=30), nullable=True),
        sa.Column("subscales", sa.Text(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("positive", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "(case_id IS NULL) <> (participant_id IS NULL)",
            name=op.f("ck_assessments_case_or_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_assessments_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_assessments_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["screening_participants.id"],
            name=op.f("fk_assessments_participant_id_screening_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index("ix_assessments_case", ["case_id"], unique=False)
        batch_op.create_index("ix_assessments_participant", ["participant_id"], unique=False)
        batch_op.create_index(
            "ix_assessments_scale_day", ["scale_id", "administered_on"], unique=False
        )

    op.create_table(
        "assessment_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("rule_code", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("response", sa.String(length=20), nullable=True),
        sa.Column("response_note", sa.Text(), nullable=False),
        sa.Column("responded_at", sa.DateTime(), nullable=True),
        sa.Column("responded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_warnings_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_assessment_warnings_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["screening_participants.id"],
            name=op.f("fk_assessment_warnings_participant_id_screening_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["responded_by"], ["users.id"], name=op.f("fk_assessment_warnings_responded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_warnings")),
    )
    with op.batch_alter_table("assessment_warnings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_warnings_assessment_id"), ["assessment_id"], unique=False
        )
        batch_op.create_index("ix_warnings_case", ["case_id"], unique=False)
        batch_op.create_index("ix_warnings_open", ["responded_at", "level"], unique=False)
        batch_op.create_index("ix_warnings_participant", ["participant_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("assessment_warnings", schema=None) as batch_op:
        batch_op.drop_index("ix_warnings_participant")
        batch_op.drop_index("ix_warnings_open")
        batch_op.drop_index("ix_warnings_case")
        batch_op.drop_index(batch_op.f("ix_assessment_warnings_assessment_id"))

    op.drop_table("assessment_warnings")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_scale_day")
        batch_op.drop_index("ix_assessments_participant")
        batch_op.drop_index("ix_assessments_case")

    op.drop_table("assessments")
    with op.batch_alter_table("screening_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_participants_screening_id"))

    op.drop_table("screening_participants")
    op.drop_table("screenings")
    op.drop_table("imported_scales")
