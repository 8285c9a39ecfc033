"""Changing one's own password.

Every password operation derives an Argon2id key (a few hundred milliseconds), so
it runs in the background with a busy indicator while the form is disabled.
Service errors are shown under the field they name; what the user typed stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from station.services import accounts
from station.services.context import SignedIn
from station.ui.forms import Field, FormDialog, label, password_edit


class ChangePasswordDialog(FormDialog):
    """Current password, new password twice. ``forced``: the first login with a
    temporary password; the only way out without a new password is logging out
    (the caller logs out when the dialog is rejected)."""

    def __init__(self, ctx: SignedIn, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Change password"),
            self.tr("Change password"),
            self.tr("Log out") if forced else self.tr("Cancel"),
            parent,
            ok_name="changePassword",
        )
        self.ctx = ctx
        self.forced = forced
        self.setObjectName("changePasswordDialog")

        heading = self.tr("Choose your own password") if forced else self.tr("Change password")
        self.content.addWidget(label(heading, "heading", wrap=False))
        if forced:
            self.content.addWidget(
                label(
                    self.tr(
                        "You signed in with a temporary password. Replace it with a password "
                        "only you know before you continue."
                    )
                )
            )
        self.old = Field(
            self.tr("Temporary password") if forced else self.tr("Current password"),
            password_edit(),
            "old_password",
        )
        self.new = Field(self.tr("New password"), password_edit(), "new_password")
        self.repeat = Field(self.tr("Repeat the new password"), password_edit(), "repeat_password")
        for field in (self.old, self.new, self.repeat):
            field.add_to(self.content)
        self.fields.add(self.old, self.new, self.repeat)
        self.fields.fallback = self.new
        self.content.addWidget(
            label(
                self.tr("At least 8 characters, mixing two of: letters, digits, symbols."),
                "muted",
            )
        )
        self.tab_order([self.old.edit, self.new.edit, self.repeat.edit])

    def send(self) -> None:
        old, new = self.old.edit.text(), self.new.edit.text()
        if not old:
            self.fields.show_at("old_password", self.tr("Enter your current password."))
            return
        differ = self.tr("The two new passwords differ.")
        if not self.fields.check_repeated("new_password", "repeat_password", differ):
            return
        ctx = self.ctx
        self.run(
            self.tr("Changing the password…"),
            lambda: accounts.change_password(ctx, old, new),
            lambda _: self.accept(),
        )
