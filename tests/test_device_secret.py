"""The device secret goes through keyring's production path, pinned to this machine."""

from __future__ import annotations

import keyring
from keyring.backends import fail

from station.vault import device_secret
from tests.memory_keyring import MemoryKeyring


class WinVaultKeyring(MemoryKeyring):
    """Stands in for keyring's Windows backend: same class name, a persistence setting."""

    persist = "enterprise"


def test_windows_credential_does_not_roam() -> None:
    backend = WinVaultKeyring()
    keyring.set_keyring(backend)
    secret = device_secret.create("vault-1")
    assert backend.persist == "local machine"
    assert device_secret.load("vault-1") == secret


def test_store_description() -> None:
    keyring.set_keyring(fail.Keyring())
    store = device_secret.describe_store()
    assert not store.usable and not store.secure
    assert "没有可用" in store.sentence()
    assert device_secret.load("vault-1") is None
    keyring.set_keyring(MemoryKeyring())
    memory = device_secret.describe_store()
    assert memory.usable and not memory.secure  # in-memory is no secure system store
