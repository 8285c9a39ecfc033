"""Errors that a user may see, each with a Chinese and an English sentence.

Services raise these; the UI shows ``zh``, the command line prints both. No
message ever carries personal data: callers pass only codes and counts.
"""

from __future__ import annotations


class StationError(Exception):
    """A known condition with a message fit for the user (Chinese / English)."""

    def __init__(self, zh: str, en: str, *, field: str | None = None) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.field = field  # the form field the message belongs to, when there is one

    def one_line(self) -> str:
        return f"{self.zh} / {self.en}"


class ValidationError(StationError):
    """Bad input at a named field; nothing was written."""


class PermissionDenied(StationError):
    """The signed-in user's role does not allow the action."""

    def __init__(self) -> None:
        super().__init__("您的角色无权执行此操作。", "Your role does not allow this action.")


class VaultError(StationError):
    """The vault cannot be used as it is (environment problem, not a bug)."""


class WrongPassword(VaultError):
    def __init__(self) -> None:
        super().__init__("用户名或密码不正确。", "Wrong user name or password.")


class DeviceSecretMissing(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "本机的设备密钥不存在（换了电脑、换了 Windows 账户或凭据被清除）。"
            "请使用恢复密钥登录，将本机重新登记。",
            "This machine's device secret is missing (new PC, other Windows account or "
            "wiped credential store). Use the recovery key to re-enrol this machine.",
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("档案库已锁定，请重新登录。", "The vault is locked; log in again.")
