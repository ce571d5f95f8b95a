"""First run: create a database, open one, connect to the team server, or explore the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DEMO = "demo"
FILE_FILTER = "BrokerDesk databases (*.sqlite3 *.db);;All files (*)"


def team_server_url(host: str, port: int, database: str, user: str) -> str:
    """The address of a team database. The password is never part of it: libpq reads it
    from ~/.pgpass (or PGPASSWORD), so it is never written to BrokerDesk's settings."""
    who = f"{user}@" if user else ""
    return f"postgresql+psycopg://{who}{host}:{port}/{database}"


class TeamServerDialog(QDialog):
    """Host, port, database and user of the team's PostgreSQL server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team server"))
        self.setAccessibleName(self.tr("Connect to a team server"))
        form = QFormLayout()
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("brokerdesk", self)
        self.user = QLineEdit(self)
        for label, widget in (
            (self.tr("&Host"), self.host),
            (self.tr("&Port"), self.port),
            (self.tr("&Database"), self.database),
            (self.tr("&User"), self.user),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        note = QLabel(
            self.tr(
                "BrokerDesk never stores your password. Put it in your ~/.pgpass file "
                "(pgpass.conf on Windows) or ask your administrator."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def address(self) -> str:
        return team_server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )


class WelcomeDialog(QDialog):
    """The first thing a new user sees. ``address`` holds the choice after accept()."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address: str | None = None
        self.new = False  # "Create a new database" chose it: an empty file there may be used
        self.setWindowTitle(self.tr("Welcome to BrokerDesk"))
        self.setAccessibleName(self.tr("Welcome to BrokerDesk"))
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Welcome to BrokerDesk"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Track national partners, the programmes you broker and every library service "
                "that takes part. Where would you like to start?"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        choices = (
            (
                self.tr("&Create a new database"),
                self.tr(
                    "A fresh database on this computer, with every UK library service "
                    "already in it."
                ),
                self._create,
            ),
            (
                self.tr("&Open an existing database"),
                self.tr("A BrokerDesk file you or a colleague made."),
                self._open,
            ),
            (
                self.tr("Connect to a &team server"),
                self.tr("Work on the team's shared PostgreSQL database."),
                self._team,
            ),
            (
                self.tr("&Explore the demo"),
                self.tr(
                    "Fictional partners and programmes on the real library "
                    "services, to try things out safely."
                ),
                self._demo,
            ),
        )
        for text, description, slot in choices:
            button = QCommandLinkButton(text, description, self)
            button.setAccessibleName(text.replace("&", ""))
            button.setAccessibleDescription(description)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(self.tr("Recent databases"))
        for address in recent:
            QListWidgetItem(address, self.recent)
        self.recent.itemActivated.connect(self._recent_chosen)
        if recent:
            recent_label = QLabel(self.tr("&Recent databases"), self)
            recent_label.setBuddy(self.recent)
            layout.addWidget(recent_label)
            layout.addWidget(self.recent)
        else:
            self.recent.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, address: str | None) -> None:
        if address:
            self.address = address
            self.accept()

    def _create(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Create a new database"), str(_default_path()), FILE_FILTER
        )
        self.new = bool(path)
        self._choose(path)

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a database"), str(Path.home()), FILE_FILTER
        )
        self._choose(path)

    def _team(self) -> None:
        dialog = TeamServerDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._choose(dialog.address())

    def _demo(self) -> None:
        self._choose(DEMO)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self._choose(item.text())


def _default_path() -> Path:
    # The database layer is imported on use: the welcome dialog opens before it is loaded.
    from brokerdesk.core.opening import default_database_path

    return default_database_path()
