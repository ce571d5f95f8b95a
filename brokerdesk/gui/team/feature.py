"""Tools ▸ Team…, and the window saying (and obeying) what the person's role allows.

The server enforces the roles whatever the app does; the window only spares a viewer the
trip to a refusal: it disables New, Edit, Delete, Import and Restore for a viewer, and a
line in the status bar (and each disabled action's tooltip) says why and whom to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from brokerdesk.core.team.roles import Access, access_of

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.team.dialog import TeamDialog

translate = QCoreApplication.translate  # lupdate reads translate("Team", "…") calls

# What a viewer may not do: the actions that change records.
CHANGING_ACTIONS = ("edit.new", "edit.edit", "edit.delete", "file.import", "file.restore")


def viewer_sentence() -> str:
    return translate("Team", "You can view but not change records: ask an admin (Tools ▸ Team…).")


def role_sentence(access: Access) -> str:
    """The status bar's line about the person's role on the team server."""
    if not access.can_edit:
        return viewer_sentence()
    if not access.is_admin:
        return translate(
            "Team",
            "Editor: you can change records; offer areas, custom fields and people are for admins.",
        )
    return translate("Team", "Admin of the team server")


@dataclass
class TeamActions:
    """What :func:`install` made: Tools ▸ Team…, the access read at opening, the role line.

    Attributes:
        dialog: the Team dialog once opened (None before).
    """

    team: QAction
    access: Access
    role_label: QLabel | None
    dialog: TeamDialog | None = None


def install(window: MainWindow) -> TeamActions:
    """Add Tools ▸ Team… and, on a team server, the role line and a viewer's limits."""
    db = window.ctx.db
    access = window.ctx.attempt(lambda: access_of(db)) if not db.is_sqlite else None
    if access is None:  # a file, or the server did not answer: the file owner's full rights
        access = Access(db.user_name, "admin", managed=False, can_manage_people=False)
    action = QAction(translate("Team", "Te&am…"), window)
    action.setObjectName("tools-team")
    if db.is_sqlite:
        tip = translate("Team", "Roles and people are for a team server (PostgreSQL)")
    elif access.can_manage_people:
        tip = translate("Team", "The people on the team server and what each may do")
    else:
        tip = translate("Team", "Only an admin can see and change who is on the team")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setEnabled(access.can_manage_people)
    actions = TeamActions(action, access, None)
    action.triggered.connect(lambda: open_team_dialog(window, actions))
    window.register_action("tools.team", action)
    if not db.is_sqlite:
        label = QLabel(role_sentence(access), window)
        label.setObjectName("role-line")
        label.setAccessibleName(translate("Team", "Your role"))
        window.statusBar().insertPermanentWidget(0, label)
        actions.role_label = label
    if not access.can_edit:
        window.may_change_records = False
        for action_id in CHANGING_ACTIONS:
            changing = window.registered_actions.get(action_id)
            if changing is not None:
                changing.setEnabled(False)
                changing.setToolTip(viewer_sentence())
                changing.setStatusTip(viewer_sentence())
    return actions


def open_team_dialog(window: MainWindow, actions: TeamActions) -> TeamDialog:
    """Show Tools ▸ Team… (one dialog per window), its list read afresh."""
    from brokerdesk.gui.team.dialog import TeamDialog

    if actions.dialog is None:
        actions.dialog = TeamDialog(window.ctx, window)
    dialog = actions.dialog
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
