"""The SQLCipher engine: raw data key, safe pragmas, schema migrations.

Every connection gets the raw-key PRAGMA first, then WAL with synchronous=FULL,
temp store in memory and foreign keys. ``check_safety`` refuses a database whose
settings would put records at risk. Every transaction is BEGIN IMMEDIATE, so the
audit chain cannot fork when two processes write at once.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from station.errors import VaultError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
CACHE_KIB = 65536  # SQLCipher decrypts each page it reads: a 64 MB cache keeps joins fast
PLAINTEXT_MAGIC = b"SQLite format 3\x00"


def _pragmas(key_hex: str) -> list[str]:
    return [
        "PRAGMA cipher_log_level = NONE",
        f"PRAGMA key = \"x'{key_hex}'\"",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 5000",
        f"PRAGMA cache_size = -{CACHE_KIB}",
        "PRAGMA secure_delete = ON",
    ]


def make_engine(db_path: Path, data_key: bytes) -> Engine:
    key_hex = data_key.hex()
    engine = create_engine(
        f"sqlite:///{db_path}",
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        try:
            for pragma in _pragmas(key_hex):
                cur.execute(pragma)
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise VaultError(
                "档案库文件无法用此密钥打开（文件损坏或不是本站档案库）。",
                "The vault file cannot be opened with this key (damaged or foreign file).",
            ) from exc
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def check_safety(engine: Engine, db_path: Path) -> None:
    """Refuse a vault whose file or connection settings are unsafe."""
    with engine.connect() as conn:
        found = {
            "cipher_version": conn.exec_driver_sql("PRAGMA cipher_version").scalar(),
            "journal_mode": conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
            "synchronous": conn.exec_driver_sql("PRAGMA synchronous").scalar(),
            "temp_store": conn.exec_driver_sql("PRAGMA temp_store").scalar(),
            "foreign_keys": conn.exec_driver_sql("PRAGMA foreign_keys").scalar(),
        }
    with open(db_path, "rb") as fh:
        plaintext = fh.read(16) == PLAINTEXT_MAGIC
    unsafe = (
        plaintext
        or not found["cipher_version"]
        or str(found["journal_mode"]).lower() != "wal"
        or found["synchronous"] != 2
        or found["temp_store"] != 2
        or found["foreign_keys"] != 1
    )
    if unsafe:
        raise VaultError(
            "档案库的安全设置不符合要求（未加密或日志/同步设置不安全），已拒绝打开。",
            "The vault's settings are unsafe (unencrypted or unsafe journal/sync); refused.",
        )


def _alembic_config(connection: Any) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path, backups_dir: Path, target: str = "head") -> None:
    """Bring the schema to ``target``; copy the (encrypted) file first if it has data."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    current = current_revision(engine)
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise VaultError(
            "此档案库由更新版本的程序创建，请升级本程序后再打开。",
            "The vault was made by a newer version of the program; upgrade it first.",
        )
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return
    if current is not None:
        backup_copy(engine, db_path, backups_dir, f"before-{wanted}")
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), target)
        conn.commit()


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the database file (outside any transaction, as SQLite needs)."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def backup_copy(engine: Engine, db_path: Path, backups_dir: Path, reason: str) -> Path:
    """Copy the database file as it is: still encrypted with the same data key."""
    checkpoint(engine)
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"vault-{stamp}-{reason}.db"
    shutil.copy2(db_path, target)
    return target


def cipher_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA cipher_version").scalar() or "")


def integrity_check(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA integrity_check")).scalar())
