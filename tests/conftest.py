from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from station.models.enums import StationKind
from station.services import accounts, setup
from station.services.context import SignedIn
from station.vault.crypto import Argon2Params
from tests.memory_keyring import MemoryKeyring
from tests.records_fixtures import make_counsellor, make_lead

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The vault's floor (64 MiB, 3 passes): real Argon2id, without the 0.5 s calibration.
FAST = Argon2Params()
PASSWORD = "Custodian-2026"
STATION = setup.StationInput("慈溪市某镇暖心港湾", "CX-ZH01", StationKind.TOWNSHIP, "浙江省慈溪市")
CUSTODIAN = setup.CustodianInput("admin", "王管理", PASSWORD)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Fresh credential store and user folders for every test."""
    home = tmp_path / "home"
    home.mkdir()
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("STATION_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_unexpected_log_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A warning logged by our code fails the test unless the test cleared it."""
    yield
    noisy = [
        r
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith("station")
    ]
    assert not noisy, [f"{r.name}: {r.getMessage()}" for r in noisy]


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created(vault_dir: Path) -> Iterator[setup.SetupResult]:
    result = setup.create_vault(vault_dir, STATION, CUSTODIAN, device_binding=True, argon2=FAST)
    yield result
    if result.ctx.vault.is_open:
        result.ctx.vault.close()


@pytest.fixture
def custodian(created: setup.SetupResult) -> SignedIn:
    return created.ctx


# Two counsellors and a station lead, signed in beside the custodian (several sessions
# may be open on one vault at once).
@pytest.fixture
def lin(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    yield ctx
    accounts.logout(ctx)


@pytest.fixture
def zhou(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_counsellor(custodian, vault_dir, "zhou", "周咨询")
    yield ctx
    accounts.logout(ctx)


@pytest.fixture
def lead(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_lead(custodian, vault_dir)
    yield ctx
    accounts.logout(ctx)
