"""Repeated wrong passwords slow down further attempts, across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.services import accounts
from station.services.setup import SetupResult
from station.vault.throttle import LoginThrottle, delay_after
from tests.conftest import PASSWORD


def test_delay_grows_and_is_capped() -> None:
    delays = [delay_after(n) for n in range(1, 15)]
    assert delays[:2] == [0, 0]
    assert delays == sorted(delays)
    assert delays[3] > delays[2] > 0
    assert max(delays) == 300


def test_throttle_counts_per_label_and_waits(tmp_path: Path) -> None:
    now = [1000.0]
    throttle = LoginThrottle(tmp_path / "t", clock=lambda: now[0])
    for _ in range(4):
        throttle.record_failure("a")
    assert throttle.wait_seconds("a") == delay_after(4)
    assert throttle.wait_seconds("b") == 0
    now[0] += delay_after(4)
    assert throttle.wait_seconds("a") == 0
    # A fresh object (a restarted program) sees the same state.
    assert LoginThrottle(tmp_path / "t", clock=lambda: now[0]).take_all()["a"]


def test_login_refused_while_throttled_even_with_right_password(
    created: SetupResult, vault_dir: Path
) -> None:
    accounts.logout(created.ctx)
    for _ in range(3):
        with pytest.raises(accounts.WrongPassword):
            accounts.login(vault_dir, "admin", "Wrong-pass-1")
    with pytest.raises(accounts.LoginThrottled) as info:
        accounts.login(vault_dir, "admin", PASSWORD)
    assert info.value.seconds > 0 and "秒" in info.value.zh
    assert accounts.seconds_to_wait(vault_dir, "admin") > 0
