"""Plugs Help ▸ User guide (F1) and Help ▸ What's This? (Shift+F1) into a built main window.

The main window calls :func:`install_help_features` once, after the other features, so the
What's This texts reach the toolbar actions and list pages those features added. Record
pages are built on demand; their buttons get their texts from :func:`record_button_help`.
The guide window module is loaded when F1 is first pressed, not at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWhatsThis, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Help", "…") calls


def open_guide(window: Any, anchor: str | None = None) -> Any:
    """Show the user guide beside ``window`` and return its window."""
    from brokerdesk.gui.dialogs.user_guide import open_user_guide

    return open_user_guide(window, anchor)


def install_help_features(window: Any) -> None:
    """Add Help ▸ User guide, Help ▸ What's This? and What's This texts to ``window``."""
    if getattr(window, "user_guide_action", None) is not None:
        return
    icon = QIcon.fromTheme(
        "help-contents", window.style().standardIcon(QStyle.StandardPixmap.SP_DialogHelpButton)
    )
    guide = QAction(icon, translate("Help", "&User guide"), window)
    guide.setObjectName("help-user-guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    tip = translate("Help", "How to do the team's everyday tasks in BrokerDesk (F1)")
    guide.setToolTip(tip)
    guide.setStatusTip(tip)
    guide.triggered.connect(lambda _checked=False: open_guide(window))
    window.addAction(guide)

    whats_this = QWhatsThis.createAction(window)
    whats_this.setObjectName("help-whats-this")
    whats_this.setText(translate("Help", "What's &This?"))
    whats_this.setShortcut(QKeySequence(QKeySequence.StandardKey.WhatsThis))
    tip = translate("Help", "Click any control to read what it does (Shift+F1)")
    whats_this.setToolTip(tip)
    whats_this.setStatusTip(tip)
    window.addAction(whats_this)

    menu = window.menus["help"]
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, [guide, whats_this])
    if first is not None:
        menu.insertSeparator(first)
    window.user_guide_action = guide
    window.whats_this_action = whats_this
    describe_main_controls(window)


def describe_main_controls(window: Any) -> None:
    """What's This texts for the navigation, the toolbar actions and each list's controls."""
    window.navigation.setWhatsThis(
        translate(
            "Help",
            "<b>Navigation</b><p>The lists of partners, library services, programmes, contacts "
            "and interactions, the dashboard, your saved views and the Trash. Ctrl+1 to Ctrl+5 "
            "open the lists from anywhere.</p>",
        )
    )
    texts = {
        "back_action": translate(
            "Help", "<b>Back</b><p>Return to the list or record you saw before (Alt+Left).</p>"
        ),
        "forward_action": translate(
            "Help", "<b>Forward</b><p>Go forward again after going back (Alt+Right).</p>"
        ),
        "new_action": translate(
            "Help",
            "<b>New</b><p>Record a new partner, programme, contact or interaction, whichever "
            "list you are in (Ctrl+N). Library services are already all there.</p>",
        ),
        "edit_action": translate(
            "Help", "<b>Edit</b><p>Change the selected record or the one on screen (Ctrl+E).</p>"
        ),
        "delete_action": translate(
            "Help",
            "<b>Delete</b><p>Move the selected records to the Trash. BrokerDesk first says "
            "what else goes with them; Ctrl+Z or the Trash brings them back.</p>",
        ),
        "undo_action": translate(
            "Help", "<b>Undo</b><p>Take back your last change, however big (Ctrl+Z).</p>"
        ),
        "redo_action": translate(
            "Help", "<b>Redo</b><p>Do again what you just undid (Ctrl+Shift+Z).</p>"
        ),
        "refresh_action": translate(
            "Help",
            "<b>Refresh</b><p>Read the lists again from the database (F5). Colleagues' "
            "changes normally appear by themselves within seconds.</p>",
        ),
        "find_action": translate(
            "Help", "<b>Find</b><p>Jump to the search field of the list on screen (Ctrl+F).</p>"
        ),
    }
    for name, text in texts.items():
        action = getattr(window, name, None)
        if isinstance(action, QAction):
            action.setWhatsThis(text)
    for action in window.findChildren(QAction):
        if action.objectName() == "export-view-action":
            action.setWhatsThis(
                translate(
                    "Help",
                    "<b>Export view</b><p>Save exactly the rows and columns on screen to an "
                    "Excel workbook or a CSV file (Ctrl+Shift+E).</p>",
                )
            )
    for page in window.lists.values():
        describe_list_page(page)


def describe_list_page(page: Any) -> None:
    """What's This texts for one list's search field, filters, columns button and table."""
    page.search.setWhatsThis(
        translate(
            "Help",
            "<b>Search</b><p>Type part of a name, a place, a postcode or a GSS code. Case, "
            "accents and small typos do not matter. The list narrows as you type; Ctrl+F "
            "comes back here.</p>",
        )
    )
    filters: dict[str, QWidget] = getattr(page, "_filter_widgets", {})
    for flt in page.record_list.filters:
        widget = filters.get(flt.key)
        if widget is not None:
            widget.setWhatsThis(
                translate(
                    "Help",
                    "<b>{0}</b><p>A filter: the list shows only the records that match it, "
                    "together with the search and the other filters. Save the combination "
                    "with View ▸ Save view… (Ctrl+Shift+S).</p>",
                ).format(widget.toolTip() or flt.label)
            )
    page.columns_button.setWhatsThis(
        translate(
            "Help",
            "<b>Columns</b><p>Choose which columns the list shows. The choice, the order and "
            "the widths are remembered.</p>",
        )
    )
    page.table.setWhatsThis(
        translate(
            "Help",
            "<b>The list</b><p>Enter or a double-click opens the record; click a column "
            "heading to sort by it; Shift or Ctrl with a click selects several rows for Edit, "
            "Delete or an export.</p>",
        )
    )


def record_button_help(text: str, noun: str) -> str:
    """The What's This text of a record page's button, from its untranslated label."""
    texts = {
        "Ed&it…": translate("Help", "<b>Edit</b><p>Change this {noun}'s details (Ctrl+E).</p>"),
        "&Delete…": translate(
            "Help",
            "<b>Delete</b><p>Move this {noun} to the Trash, with what belongs only to it. "
            "Ctrl+Z or the Trash brings it back whole.</p>",
        ),
        "Add &contact…": translate(
            "Help", "<b>Add contact</b><p>Record a person who works at this {noun}.</p>"
        ),
        "Add &programme…": translate(
            "Help",
            "<b>Add programme</b><p>Record a new programme with this {noun} as its lead "
            "partner.</p>",
        ),
        "&Log interaction…": translate(
            "Help",
            "<b>Log interaction</b><p>Note a call, meeting or email about this {noun}, with "
            "a follow-up date if there is a next step (Ctrl+I).</p>",
        ),
        "&Add library services…": translate(
            "Help",
            "<b>Add library services</b><p>Sign up many library services at once: search, "
            "filter by nation, region or membership, <i>Select all shown</i>, then choose "
            "the starting stage.</p>",
        ),
        "Change &stage…": translate(
            "Help",
            "<b>Change stage</b><p>Move every selected participation to another stage "
            "(invited, interested, signed up, active, completed, withdrawn) in one step.</p>",
        ),
        "Add &partner…": translate(
            "Help", "<b>Add partner</b><p>Give another partner a role in this {noun}.</p>"
        ),
        "Edit pa&rticipation…": translate(
            "Help",
            "<b>Edit participation</b><p>Dates, reach and the local contact of the selected "
            "library service's participation.</p>",
        ),
    }
    text = texts.get(text, "")
    return text.replace("{noun}", noun)
