"""Plugs Tools ▸ Find duplicates… (finder and field-by-field merge) into a built main window.

The main window calls :func:`install_duplicates_features` once, after the search features.
Besides the menu item it gives partner and contact pages a "Find duplicates…" button that
opens the finder on pairs including that record. The finder and merge view are loaded when
first used (they pull in rapidfuzz), so start-up stays as light as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import Change
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.dialogs.duplicates import DuplicatesDialog

translate = QCoreApplication.translate  # lupdate reads translate("Duplicates", "…") calls

MERGEABLE = ("partner", "contact")

__all__ = [
    "MergeFacts",
    "MergeRecords",
    "amp",
    "install_duplicates_features",
    "load_merge_facts",
    "moves_text",
    "open_duplicate_finder",
    "quoted",
    "tools_menu",
]


# ---------------------------------------------------------------------- the undoable merge
class MergeRecords(ServiceCommand):
    """Merge one partner or contact into another; undo brings it back with every link."""

    def __init__(
        self,
        ctx: AppContext,
        entity: str,
        survivor_id: int,
        other_id: int,
        choices: Mapping[str, str],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.entity = entity
        self.survivor_id = survivor_id
        self.other_id = other_id
        self.choices = dict(choices)

    def perform(self) -> Change:
        from brokerdesk.core.services.duplicates import merge

        self.change = merge(self.ctx.db, self.entity, self.survivor_id, self.other_id, self.choices)
        return self.change

    def undo_action(self) -> Change:
        from brokerdesk.core.services.duplicates import undo_merge

        assert self.change is not None
        return undo_merge(self.ctx.db, self.change)

    def redo_action(self) -> Change:
        return self.perform()


# ---------------------------------------------------------------------- what the merge view shows
LINK_TABLES = frozenset({"partner_tag", "partner_offer_area"})


def amp(text: str) -> str:
    """User data on a button or radio: '&' is shown, never taken as a mnemonic."""
    return text.replace("&", "&&")


def quoted(text: str, limit: int = 60) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _noun(table: str, count: int) -> str:
    nouns = {
        "contact": (translate("Duplicates", "contact"), translate("Duplicates", "contacts")),
        "interaction": (
            translate("Duplicates", "interaction"),
            translate("Duplicates", "interactions"),
        ),
        "agreement": (translate("Duplicates", "agreement"), translate("Duplicates", "agreements")),
        "programme_partner": (
            translate("Duplicates", "programme"),
            translate("Duplicates", "programmes"),
        ),
        "participation": (
            translate("Duplicates", "participation (as local contact)"),
            translate("Duplicates", "participations (as local contact)"),
        ),
        "partner_tag": (translate("Duplicates", "tag"), translate("Duplicates", "tags")),
        "partner_offer_area": (
            translate("Duplicates", "offer area"),
            translate("Duplicates", "offer areas"),
        ),
    }
    plain = table.replace("_", " ")
    one, many = nouns.get(table, (plain, plain + "s"))
    return f"{count:,} {one if count == 1 else many}"


def _listed(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return translate("Duplicates", "{0} and {1}").format(", ".join(parts[:-1]), parts[-1])


def moves_text(facts: MergeFacts, survivor_side: int) -> str:
    """What the merge does, in sentences: "3 contacts and 5 programmes move to “RNIB”."."""
    survivor, other = facts.label(survivor_side), facts.label(1 - survivor_side)
    order = ("contact", "programme_partner", "participation", "interaction", "agreement")
    rows = sorted(
        facts.moves[facts.ids[survivor_side]],
        key=lambda r: order.index(r[0]) if r[0] in order else len(order),
    )
    moved = [_noun(t, n) for t, n, _a in rows if n and t not in LINK_TABLES]
    added = [_noun(t, n) for t, n, _a in rows if n and t in LINK_TABLES]
    lines = [
        translate("Duplicates", "{0} move to {1}.").format(_listed(moved), quoted(survivor))
        if moved
        else translate("Duplicates", "No other records refer to {0}.").format(quoted(other))
    ]
    if added:
        lines.append(
            translate("Duplicates", "{0} also gets {1}.").format(quoted(survivor), _listed(added))
        )
    roles = sum(a for t, _n, a in rows if t == "programme_partner")
    if roles:
        lines.append(
            translate(
                "Duplicates",
                "In {0} {1} already has a role: it keeps its own role there.",
            ).format(_noun("programme_partner", roles), quoted(survivor))
        )
    lines.append(
        translate(
            "Duplicates", "Then {0} is deleted. Edit ▸ Undo (Ctrl+Z) takes the whole merge back."
        ).format(quoted(other))
    )
    return " ".join(lines)


@dataclass
class MergeFacts:
    """Both records of a pair as the merge view shows them, read in one session.

    Attributes:
        ids: the two records, older first (the default survivor).
        fields: the entity's editable fields, in form order.
        values: per record, field name -> stored value.
        shown: per record, field name -> the value as the user reads it.
        updated: per record, when it was last saved (for "keep the newer value").
        combined: extra rows both records contribute to (tags, offer areas): label -> text.
        moves: survivor id -> (table, rows that move, rows the survivor already has).
    """

    entity: str
    ids: tuple[int, int]
    fields: tuple[Field, ...]
    values: tuple[dict[str, Any], dict[str, Any]]
    shown: tuple[dict[str, str], dict[str, str]]
    updated: tuple[dt.datetime | None, dt.datetime | None]
    combined: dict[str, str] = field(default_factory=dict)
    moves: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)

    def label(self, side: int) -> str:
        name = "name" if self.entity == "partner" else "full_name"
        return str(self.values[side][name])


def _shown(f: Field, value: Any, names: Mapping[str, Mapping[int, str]]) -> str:
    from brokerdesk.gui.dialogs.conflict import plain

    if value is None or value == "":
        return translate("Duplicates", "(empty)")
    if f.choices and isinstance(value, str):
        return str(f.choices.get(value, value))
    if f.name in names and isinstance(value, int):
        return names[f.name].get(value, f"#{value}")
    return plain(value)


def load_merge_facts(ctx: AppContext, entity: str, first_id: int, second_id: int) -> MergeFacts:
    """Everything the merge view needs about a pair (raises NotFoundError if one has gone)."""
    from brokerdesk.core.services.merge_facts import merge_facts

    pair = merge_facts(ctx.db, entity, first_id, second_id)
    combined: dict[str, str] = {}
    if entity == "partner":
        combined[translate("Duplicates", "Tags")] = ", ".join(pair.tags)
        combined[translate("Duplicates", "Offer areas")] = ", ".join(pair.offer_areas)
    fields = tuple(ctx.services.for_entity(entity).fields)
    values = pair.values
    shown = (
        {f.name: _shown(f, values[0][f.name], pair.names) for f in fields},
        {f.name: _shown(f, values[1][f.name], pair.names) for f in fields},
    )
    return MergeFacts(entity, pair.ids, fields, values, shown, pair.updated, combined, pair.moves)


def tools_menu(window: Any) -> QMenu:
    """The window's Tools menu, made (before Help) the first time a feature asks for it."""
    menu = window.menus.get("tools")
    if menu is not None:
        return menu  # type: ignore[no-any-return]
    menu = QMenu(translate("Duplicates", "&Tools"), window)
    menu.setObjectName("tools-menu")
    help_menu = window.menus.get("help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    window.menus["tools"] = menu
    return menu


def open_duplicate_finder(
    window: Any, entity: str | None = None, record_id: int | None = None
) -> DuplicatesDialog:
    """Show the finder (one per window, so dismissed pairs stay dismissed this session).

    Args:
        entity: ``partner`` or ``contact``; None keeps the finder's current choice.
        record_id: show only the pairs that include this record.
    """
    from brokerdesk.gui.dialogs.duplicates import DuplicatesDialog

    dialog: DuplicatesDialog | None = getattr(window, "duplicates_dialog", None)
    if dialog is None:
        dialog = DuplicatesDialog(window.ctx, window)
        for action in (window.undo_action, window.redo_action):
            dialog.addAction(action)  # Ctrl+Z works while the finder has the focus
        window.duplicates_dialog = dialog
    dialog.start(entity, record_id)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.table.setFocus()
    return dialog


def _add_page_button(window: Any) -> None:
    """A "Find duplicates…" button on the partner or contact page being shown."""
    from brokerdesk.gui.views.pages.base import RecordPage

    page = window.stack.currentWidget()
    if not isinstance(page, RecordPage) or page.entity not in MERGEABLE:
        return
    if page.findChild(QPushButton, "find-duplicates-button") is not None:
        return
    noun = (
        translate("Duplicates", "partner")
        if page.entity == "partner"
        else translate("Duplicates", "contact")
    )
    button = QPushButton(translate("Duplicates", "Find d&uplicates…"), page)
    button.setObjectName("find-duplicates-button")
    button.setAccessibleName(translate("Duplicates", "Find duplicates…"))
    button.setToolTip(translate("Duplicates", "Records that may be this {0} twice").format(noun))
    button.setAutoDefault(False)
    button.setEnabled(not page.deleted)
    button.clicked.connect(lambda: open_duplicate_finder(window, page.entity, page.record_id))
    bar = page.button_bar
    last = bar.itemAt(bar.count() - 1) if bar.count() else None
    at_end = last is not None and last.spacerItem() is not None
    bar.insertWidget(bar.count() - 1 if at_end else bar.count(), button)  # before the stretch
    page.buttons.append(button)  # disabled with the others when the record is deleted


def install_duplicates_features(window: Any) -> None:
    """Add Tools ▸ Find duplicates… (finder and field-by-field merge) to ``window``."""
    if getattr(window, "duplicates_features_installed", False):
        return
    menu = tools_menu(window)
    action = QAction(translate("Duplicates", "Find &duplicates…"), window)
    action.setObjectName("tools-find-duplicates")
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    tip = translate(
        "Duplicates", "Partners or contacts recorded twice, to merge into one (Ctrl+Shift+D)"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda: open_duplicate_finder(window))
    window.addAction(action)
    menu.addAction(action)
    window.find_duplicates_action = action
    window.stack.currentChanged.connect(lambda _index: _add_page_button(window))
    _add_page_button(window)
    window.duplicates_features_installed = True
