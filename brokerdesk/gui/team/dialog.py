"""Tools ▸ Team…: the people on the team server, their roles, adding and removing them.

Adding a new person creates their database login with a password typed here once: it is
hashed on this machine and sent as a hash, and neither the dialog nor the settings keep it.
Every call to the server runs in a worker (``ctx.tasks``): the dialog says what it waits for
and holds its buttons meanwhile, so a slow or lost server never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.team import people
from brokerdesk.core.team.roles import ROLES
from brokerdesk.gui.announce import announce
from brokerdesk.gui.models.rows import RowColumn, RowsModel
from brokerdesk.gui.operations import plain_sentence

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


translate = QCoreApplication.translate  # lupdate reads translate("Team", "…") calls


def _role_words() -> dict[str, str]:
    return {
        "viewer": translate("Team", "Viewer: reads everything, changes nothing"),
        "editor": translate("Team", "Editor: changes records"),
        "admin": translate("Team", "Admin: also offer areas, custom fields and people"),
    }


def _role_combo(widget: QWidget, name: str) -> QComboBox:
    combo = QComboBox(widget)
    for role in ROLES:
        combo.addItem(_role_words()[role], role)
    combo.setAccessibleName(name)
    return combo


class TeamDialog(QDialog):
    """The list of people with their roles; add, change role, remove.

    ``confirm`` asks before removing someone (a message box; tests replace it).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("team-dialog")
        self.setWindowTitle(self.tr("Team"))
        self.setAccessibleName(self.tr("Team"))
        words: dict[str, str] = {role: self.tr(role.capitalize()) for role in ROLES}
        self.model = RowsModel(
            [
                RowColumn("login", self.tr("Login")),
                RowColumn("role", self.tr("Role"), labels=words),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("People on the team"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.status = QLabel(self)
        self.status.setObjectName("team-status")
        self.status.setWordWrap(True)
        self.role = _role_combo(self, self.tr("Role of the chosen person"))
        role_label = QLabel(self.tr("&Role:"), self)
        role_label.setBuddy(self.role)
        self.change_button = QPushButton(self.tr("&Change role"), self)
        self.add_button = QPushButton(self.tr("&Add person…"), self)
        self.remove_button = QPushButton(self.tr("Re&move from the team"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (role_label, self.role, self.change_button):
            row.addWidget(widget)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everyone below signs in to the team server with their own login. The server "
                "itself enforces each role, in BrokerDesk and in any other program."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_person)
        self.change_button.clicked.connect(self.change_role)
        self.remove_button.clicked.connect(self.remove_person)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.confirm = self._ask
        self._busy = False
        self.resize(560, 420)
        self._chosen()

    # ------------------------------------------------------------------ the server
    @property
    def busy(self) -> bool:
        """True while a call to the server is under way (the buttons wait for it)."""
        return self._busy

    def _ask_server(self, work: Callable[[], Any], then: Callable[[Any], None], doing: str) -> None:
        """Run ``work`` (a call to the team server) in a worker; ``then`` gets its answer on
        the GUI thread. The dialog stays responsive and says what it is waiting for; a
        server that is slow or gone never freezes the window."""
        self._set_busy(True, doing)
        self.ctx.tasks.start(
            lambda _progress: work(),
            self.tr("Team"),
            on_done=lambda answer: self._answered(then, answer),
            on_error=self._server_failed,
            owner=self,
        )

    def _answered(self, then: Callable[[Any], None], answer: Any) -> None:
        self._set_busy(False)
        then(answer)

    def _set_busy(self, busy: bool, doing: str = "") -> None:
        self._busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
            if doing:
                self.status.setText(doing)
        else:
            self.unsetCursor()
        self.add_button.setEnabled(not busy)
        self._chosen()

    def _server_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = plain_sentence(self.tr("The team server"), exc)
        self.status.setText(text)
        announce(self.status, text, urgent=True)

    # ------------------------------------------------------------------ reading
    def refresh(self, keep: str | None = None, *, quietly: bool = False) -> None:
        """Read the people again; keep ``keep`` (a login) chosen when it is still there.
        ``quietly`` leaves the status line alone (it says what was just done)."""
        db = self.ctx.db
        self._ask_server(
            lambda: people.people(db),
            lambda found: self._show_people(found, keep),
            "" if quietly else self.tr("Reading the people on the team…"),
        )

    def _show_people(self, found: list[Any], keep: str | None) -> None:
        if self.status.text() == self.tr("Reading the people on the team…"):
            self.status.clear()
        self.model.set_rows([{"login": p.login, "role": p.role} for p in found])
        if keep is not None:
            index = self.model.row_of("login", keep)
            if index is not None:
                self.table.selectRow(index)
        self._chosen()

    def chosen_login(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.row_at(rows[0].row())["login"]) if rows else None

    def _chosen(self) -> None:
        login = self.chosen_login()
        free = login is not None and not self._busy
        self.change_button.setEnabled(free)
        self.remove_button.setEnabled(free)
        self.role.setEnabled(free)
        if login is not None:
            role = self.model.row_at(self.table.currentIndex().row())["role"]
            self.role.setCurrentIndex(self.role.findData(role))

    # ------------------------------------------------------------------ changing
    def _run(self, action: Callable[[], Any], done: str, keep: str | None) -> None:
        """Make a change on the server in a worker; then say so (read out) and re-read."""

        def changed(_answer: Any) -> None:
            self.status.setText(done)
            self.ctx.notify(done)  # the status bar line is announced too
            self.refresh(keep, quietly=True)

        self._ask_server(action, changed, self.tr("Asking the team server…"))

    def change_role(self) -> None:
        login = self.chosen_login()
        if login is None:
            return
        role = str(self.role.currentData())
        db = self.ctx.db
        self._run(
            lambda: people.change_role(db, login, role),  # type: ignore[arg-type]
            self.tr("{0} is now: {1}.").format(login, self.role.currentText()),
            login,
        )

    def remove_person(self) -> None:
        login = self.chosen_login()
        if login is None or not self.confirm(login):
            return
        db = self.ctx.db
        self._run(
            lambda: people.remove_person(db, login),
            self.tr("{0} is no longer on the team.").format(login),
            None,
        )

    def add_person(self) -> AddPersonDialog:
        """Open the Add person dialog (window-modal); adding refreshes this list."""
        dialog = AddPersonDialog(self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.open()
        return dialog

    def _add(self, dialog: AddPersonDialog) -> None:
        login, role, password = dialog.values()
        dialog.password.clear()  # the only copy the app held
        dialog.again.clear()
        db = self.ctx.db
        self._run(
            lambda: people.add_person(db, login, role, password),  # type: ignore[arg-type]
            self.tr("{0} joined the team.").format(login),
            login,
        )

    def _ask(self, login: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the team"),
            self.tr(
                "Take {0} off the team? They will no longer be able to open the team's "
                "database. Their history stays."
            ).format(login),
        )
        return answer == QMessageBox.StandardButton.Yes


class AddPersonDialog(QDialog):
    """A login, a role, and (for a new login) its password, typed once and twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add-person")
        self.setWindowTitle(self.tr("Add a person"))
        self.setAccessibleName(self.tr("Add a person"))
        self.login = QLineEdit(self)
        self.login.setAccessibleName(self.tr("Login"))
        self.role = _role_combo(self, self.tr("Role"))
        self.new_login = QCheckBox(self.tr("Create a &new login with this password"), self)
        self.new_login.setChecked(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Login:"), self.login),
            (self.tr("&Role:"), self.role),
        ):
            form.addRow(text, widget)
        form.addRow(self.new_login)
        for text, widget in (
            (self.tr("&Password:"), self.password),
            (self.tr("Password a&gain:"), self.again),
        ):
            form.addRow(text, widget)
        note = QLabel(
            self.tr(
                "Tell the person their password yourself; BrokerDesk does not keep it. "
                "Without a new login, the login must already exist on the server."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Add"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.new_login.toggled.connect(self.password.setEnabled)
        self.new_login.toggled.connect(self.again.setEnabled)

    def values(self) -> tuple[str, str, str | None]:
        password = self.password.text() if self.new_login.isChecked() else None
        return self.login.text().strip(), str(self.role.currentData()), password

    def _check(self) -> None:
        if not self.login.text().strip():
            self.problem.setText(self.tr("Give the person's login name."))
            self.login.setFocus()
            return
        if self.new_login.isChecked():
            if not self.password.text():
                self.problem.setText(self.tr("Give the new login a password."))
                self.password.setFocus()
                return
            if self.password.text() != self.again.text():
                self.problem.setText(self.tr("The two passwords differ: type them again."))
                self.again.clear()
                self.again.setFocus()
                return
        self.accept()
