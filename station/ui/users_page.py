"""The custodian's user list: add users, deactivate them, set temporary passwords."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
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
from station.ui.forms import Busy, FieldError, FormFields, busy_bar, button, label, set_status
from station.ui.tasks import TaskHandle, run_task

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _PasswordForm:
    """Shared by both dialogs: run one service call in a task, errors at their field."""

    def __init__(self, fields: FormFields, ok_text: str, cancel_text: str) -> None:
        self.fields = fields
        self.ok_button = button(ok_text, primary=True)
        self.cancel_button = button(cancel_text)
        self.bar = busy_bar()
        self.busy = Busy(self.bar, [self.ok_button, self.cancel_button])

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        return row

    def run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        self.busy.start()

        def task(_: TaskHandle) -> object:
            return work()

        def finished(result: object) -> None:
            self.busy.stop()
            done(result)

        def failed(exc: BaseException) -> None:
            self.busy.stop()
            if isinstance(exc, StationError):
                self.fields.show_error(exc)
            else:
                raise exc

        run_task(task, finished, failed)


class AddUserDialog(QDialog):
    """新增用户: the account starts with a temporary password that must be changed."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.new_user_id: int | None = None
        self.setWindowTitle(self.tr("Psychological care station · Add user"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.fields = FormFields()
        self.login_edit = QLineEdit()
        self.login_edit.setMaxLength(32)
        self.display_edit = QLineEdit()
        self.display_edit.setMaxLength(30)
        self.role_combo = QComboBox()
        for role, text in ROLE_LABELS.items():
            self.role_combo.addItem(text, role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.COUNSELLOR.value))
        self.password_edit = _password_edit()
        self.confirm_edit = _password_edit()
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
        layout.addLayout(form)
        layout.addWidget(self.fields.general)
        self.form = _PasswordForm(self.fields, self.tr("Add user"), self.tr("Cancel"))
        layout.addWidget(self.form.bar)
        layout.addLayout(self.form.buttons())
        self.form.ok_button.clicked.connect(self.accept)
        self.form.cancel_button.clicked.connect(self.reject)

    def accept(self) -> None:
        if self.form.busy.active:
            return
        self.fields.clear()
        if self.password_edit.text() != self.confirm_edit.text():
            self.fields.show_at("password_confirm", self.tr("The two passwords do not match."))
            return
        ctx = self._ctx
        login, display = self.login_edit.text(), self.display_edit.text()
        role, password = Role(self.role_combo.currentData()), self.password_edit.text()

        def done(user_id: object) -> None:
            assert isinstance(user_id, int)
            self.new_user_id = user_id
            super(AddUserDialog, self).accept()

        self.form.run(lambda: accounts.add_user(ctx, login, display, role, password), done)

    def reject(self) -> None:
        if not self.form.busy.active:
            super().reject()


class TemporaryPasswordDialog(QDialog):
    """重设临时密码 / 重新启用: the user must change the password at the next sign-in."""

    def __init__(self, ctx: SignedIn, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        title = self.tr("Reset temporary password") if user.active else self.tr("Reactivate user")
        self.setWindowTitle(
            self.tr("Psychological care station · Reset temporary password")
            if user.active
            else self.tr("Psychological care station · Reactivate user")
        )
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(label(f"{user.display_name}（{user.login}）", "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Give the user this temporary password in person. They must choose a new "
                    "password at their next sign-in."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.fields = FormFields()
        self.password_edit = _password_edit()
        self.confirm_edit = _password_edit()
        self.fields.row(form, "password", self.tr("Temporary password"), self.password_edit)
        self.fields.row(
            form, "password_confirm", self.tr("Repeat temporary password"), self.confirm_edit
        )
        layout.addLayout(form)
        layout.addWidget(self.fields.general)
        self.form = _PasswordForm(self.fields, title, self.tr("Cancel"))
        layout.addWidget(self.form.bar)
        layout.addLayout(self.form.buttons())
        self.form.ok_button.clicked.connect(self.accept)
        self.form.cancel_button.clicked.connect(self.reject)

    def accept(self) -> None:
        if self.form.busy.active:
            return
        self.fields.clear()
        if self.password_edit.text() != self.confirm_edit.text():
            self.fields.show_at("password_confirm", self.tr("The two passwords do not match."))
            return
        ctx, user_id, password = self._ctx, self._user.id, self.password_edit.text()

        def done(_: object) -> None:
            super(TemporaryPasswordDialog, self).accept()

        self.form.run(lambda: accounts.set_temporary_password(ctx, user_id, password), done)

    def reject(self) -> None:
        if not self.form.busy.active:
            super().reject()


class UsersPage(QWidget):
    """Table of users with 新增用户, 停用 and 重设临时密码 / 重新启用."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._users: list[UserRow] = []
        self.dialog: QDialog | None = None  # the dialog last opened, for tests
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
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
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.add_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.deactivate_button)
        row.addStretch(1)
        layout.addLayout(row)
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
        self.dialog = dialog

        def added() -> None:
            self.refresh(select_id=dialog.new_user_id)
            set_status(
                self.status,
                self.tr("User added. Give them the temporary password in person."),
                "muted",
            )

        dialog.accepted.connect(added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

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
        dialog = TemporaryPasswordDialog(self._ctx, user, self)
        self.dialog = dialog

        def done() -> None:
            self.refresh(select_id=user.id)
            set_status(
                self.status,
                self.tr("Temporary password set. Give it to the user in person."),
                "muted",
            )

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
