"""The custodian's user list: add users, deactivate them, set temporary passwords."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import PermissionDenied, StationError
from station.models.enums import ROLE_LABELS, Role
from station.services import accounts
from station.services.accounts import UserRow
from station.services.context import SignedIn
from station.ui import messages
from station.ui.forms import (
    DialogT,
    FieldError,
    FormDialog,
    button,
    button_row,
    choice_combo,
    form_layout,
    label,
    line_edit,
    open_dialog,
    password_edit,
    set_status,
    spaced,
)

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AddUserDialog(FormDialog):
    """新增用户: the account starts with a temporary password that must be changed."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Add user"),
            self.tr("Add user"),
            self.tr("Cancel"),
            parent,
            min_width=520,
        )
        self._ctx = ctx
        self.new_user_id: int | None = None
        form = form_layout()
        self.login_edit = line_edit(32)
        self.display_edit = line_edit(30)
        self.role_combo = choice_combo(ROLE_LABELS, Role.COUNSELLOR)
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self.fields.row(
            form,
            "login",
            self.tr("User name"),
            self.login_edit,
            self.tr("Lowercase letters and digits, e.g. zhangsan."),
        )
        self.fields.row(form, "display_name", self.tr("Display name"), self.display_edit)
        self.fields.row(form, "role", self.tr("Role"), self.role_combo)
        self.fields.row(
            form,
            "password",
            self.tr("Temporary password"),
            self.password_edit,
            self.tr("The user must choose a new password at first sign-in."),
        )
        self.fields.row(
            form, "password_confirm", self.tr("Repeat temporary password"), self.confirm_edit
        )
        self.content.addLayout(form)

    def send(self) -> None:
        differ = self.tr("The two passwords do not match.")
        if not self.fields.check_repeated("password", "password_confirm", differ):
            return
        ctx = self._ctx
        login, display = self.login_edit.text(), self.display_edit.text()
        role, password = Role(self.role_combo.currentData()), self.password_edit.text()
        self.run(
            self.tr("Adding the user…"),
            lambda: accounts.add_user(ctx, login, display, role, password),
            self._added,
        )

    def _added(self, user_id: int) -> None:
        self.new_user_id = user_id
        self.accept()


class TemporaryPasswordDialog(FormDialog):
    """重设临时密码 / 重新启用: the user must change the password at the next sign-in."""

    def __init__(self, ctx: SignedIn, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Reset temporary password")
            if user.active
            else self.tr("Psychological care station · Reactivate user"),
            self.tr("Reset temporary password") if user.active else self.tr("Reactivate user"),
            self.tr("Cancel"),
            parent,
            min_width=520,
        )
        self._ctx = ctx
        self._user = user
        self.content.addWidget(label(f"{user.display_name}（{user.login}）", "heading"))
        self.content.addWidget(
            label(
                self.tr(
                    "Give the user this temporary password in person. They must choose a new "
                    "password at their next sign-in."
                ),
                "muted",
            )
        )
        form = form_layout()
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self.fields.row(form, "password", self.tr("Temporary password"), self.password_edit)
        self.fields.row(
            form, "password_confirm", self.tr("Repeat temporary password"), self.confirm_edit
        )
        self.content.addLayout(form)

    def send(self) -> None:
        differ = self.tr("The two passwords do not match.")
        if not self.fields.check_repeated("password", "password_confirm", differ):
            return
        ctx, user_id, password = self._ctx, self._user.id, self.password_edit.text()
        self.run(
            self.tr("Setting the temporary password…"),
            lambda: accounts.set_temporary_password(ctx, user_id, password),
            lambda _: self.accept(),
        )


class UsersPage(QWidget):
    """Table of users with 新增用户, 停用 and 重设临时密码 / 重新启用."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._users: list[UserRow] = []
        self.dialog: QDialog | None = None  # the dialog last opened, for tests
        layout = spaced(QVBoxLayout(self))
        layout.addWidget(
            label(
                self.tr(
                    "Everyone who uses this PC has their own account. Deactivated users cannot "
                    "sign in; their records stay."
                ),
                "muted",
            )
        )
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("Must change password"),
            ]
        )
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableView::item { padding: 2px 10px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _: self.reset_password())
        layout.addWidget(self.table, 1)

        self.add_button = button(self.tr("Add user…"), primary=True)
        self.deactivate_button = button(self.tr("Deactivate"))
        self.reset_button = button(self.tr("Reset temporary password…"))
        layout.addLayout(button_row(self.add_button, self.reset_button, self.deactivate_button))
        self.status = FieldError()
        layout.addWidget(self.status)

        self.add_button.clicked.connect(self.add_user)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh()

    # -- the table ----------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        try:
            self._users = accounts.list_users(self._ctx)
        except PermissionDenied as exc:
            self._users = []
            self.table.setRowCount(0)
            for widget in (self.add_button, self.deactivate_button, self.reset_button):
                widget.setEnabled(False)
            set_status(self.status, exc.zh, "error")
            return
        yes, no = self.tr("Yes"), self.tr("No")
        self.table.setRowCount(len(self._users))
        for r, user in enumerate(self._users):
            values = [
                user.login,
                user.display_name,
                ROLE_LABELS[user.role],
                self.tr("Active") if user.active else self.tr("Deactivated"),
                yes if user.must_change_password else no,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(USER_ID_ROLE, user.id)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if user.id == select_id:
                self.table.selectRow(r)
        self._update_buttons()

    def selected_user(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._users[rows[0].row()]

    def select_login(self, login: str) -> None:
        for r, user in enumerate(self._users):
            if user.login == login:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.deactivate_button.setEnabled(
            user is not None and user.active and user.id != self._ctx.user_id
        )
        self.reset_button.setEnabled(user is not None)
        if user is not None and not user.active:
            self.reset_button.setText(self.tr("Reactivate…"))
        else:
            self.reset_button.setText(self.tr("Reset temporary password…"))
        self.reset_button.setAccessibleName(self.reset_button.text().rstrip("…"))

    # -- actions ------------------------------------------------------------------------
    def add_user(self) -> AddUserDialog:
        """Open the 新增用户 dialog (window-modal); the table updates when it is accepted."""
        dialog = AddUserDialog(self._ctx, self)
        return self._open(
            dialog,
            lambda: dialog.new_user_id,
            self.tr("User added. Give them the temporary password in person."),
        )

    def deactivate(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if not messages.ask(
            self,
            self.tr("Deactivate user"),
            self.tr(
                "Deactivate {name} ({login})? They can no longer sign in; their records stay. "
                "You can reactivate the account later."
            ).format(name=user.display_name, login=user.login),
        ):
            return
        try:
            accounts.deactivate_user(self._ctx, user.id)
        except StationError as exc:
            set_status(self.status, exc.zh, "error")
            return
        self.refresh(select_id=user.id)
        set_status(self.status, self.tr("User deactivated."), "muted")

    def reset_password(self) -> TemporaryPasswordDialog | None:
        """Open 重设临时密码 / 重新启用 for the selected user (window-modal)."""
        user = self.selected_user()
        if user is None:
            return None
        return self._open(
            TemporaryPasswordDialog(self._ctx, user, self),
            lambda: user.id,
            self.tr("Temporary password set. Give it to the user in person."),
        )

    def _open(self, dialog: DialogT, select_id: Callable[[], int | None], done: str) -> DialogT:
        """Open ``dialog``; once it is accepted, show the user it was about and ``done``."""
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if accepted:
                self.refresh(select_id=select_id())
                set_status(self.status, done, "muted")

        return open_dialog(dialog, finished)
