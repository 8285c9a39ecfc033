"""Statistics release ledger and export log

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 03:48:41.336085
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stats_releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("stats_json", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_stats_releases_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_releases")),
        sa.UniqueConstraint("year", "month", name=op.f("uq_stats_releases_year")),
    )
    op.create_table(
        "export_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_export_log_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats_releases.id"],
            name=op.f("fk_export_log_release_id_stats_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_log")),
        sa.UniqueConstraint("sequence", name=op.f("uq_export_log_sequence")),
    )
    op.create_table(
        "stats_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=5), nullable=False),
        sa.Column("table_id", sa.String(length=40), nullable=False),
        sa.Column("row", sa.String(length=40), nullable=False),
        sa.Column("col", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("primary", sa.Boolean(), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats_releases.id"],
            name=op.f("fk_stats_cells_release_id_stats_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_cells")),
    )
    with op.batch_alter_table("stats_cells", schema=None) as batch_op:
        batch_op.create_index("ix_stats_cells_release", ["release_id"], unique=False)

    op.create_table(
        "stats_inclusions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats_releases.id"],
            name=op.f("fk_stats_inclusions_release_id_stats_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_inclusions")),
        sa.UniqueConstraint("kind", "record_id", name=op.f("uq_stats_inclusions_kind")),
    )
    with op.batch_alter_table("stats_inclusions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stats_inclusions_release_id"), ["release_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("stats_inclusions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stats_inclusions_release_id"))

    op.drop_table("stats_inclusions")
    with op.batch_alter_table("stats_cells", schema=None) as batch_op:
        batch_op.drop_index("ix_stats_cells_release")

    op.drop_table("stats_cells")
    op.drop_table("export_log")
    op.drop_table("stats_releases")
