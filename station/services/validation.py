"""Field checks shared by setup, accounts and settings. Messages name the field."""

from __future__ import annotations

import re

from station.errors import ValidationError

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")
STATION_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,19}$")
MIN_PASSWORD_LENGTH = 8


def normalise_login(login: str) -> str:
    return login.strip().casefold()


def check_login(login: str) -> str:
    value = normalise_login(login)
    if not LOGIN_RE.match(value):
        raise ValidationError(
            "用户名须为 2-32 位小写字母、数字或 . _ -，以字母或数字开头。",
            "A user name is 2-32 lowercase letters, digits or . _ -.",
            field="login",
        )
    return value


def check_text(value: str, field: str, label: str, max_len: int, required: bool = True) -> str:
    text = value.strip()
    if required and not text:
        raise ValidationError(f"请填写{label}。", f"{field} is required.", field=field)
    if len(text) > max_len:
        raise ValidationError(
            f"{label}不能超过 {max_len} 个字。", f"{field} is longer than {max_len}.", field=field
        )
    return text


def check_station_code(code: str) -> str:
    value = code.strip()
    if not STATION_CODE_RE.match(value):
        raise ValidationError(
            "站点编码须为 2-20 位字母、数字或连字符，例如 CX-ZH01。",
            "A station code is 2-20 letters, digits or hyphens.",
            field="station_code",
        )
    return value


def check_new_password(password: str, login: str = "", field: str = "password") -> None:
    classes = sum(
        [
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"密码至少 {MIN_PASSWORD_LENGTH} 位。",
            f"A password has at least {MIN_PASSWORD_LENGTH} characters.",
            field=field,
        )
    if classes < 2:
        raise ValidationError(
            "密码须包含字母、数字、符号中的至少两类。",
            "A password mixes at least two of letters, digits and symbols.",
            field=field,
        )
    if login and normalise_login(password) == normalise_login(login):
        raise ValidationError(
            "密码不能与用户名相同。", "The password must differ from the user name.", field=field
        )
