"""One change broadcast: services return what changed; open views refresh from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from brokerdesk.core.kinds import KINDS
from brokerdesk.core.services.records import Change

# A change to one table can alter what another table's list shows (a partner's name appears
# in the programme list, a participation count in the service list...): each kind's
# registration says where its data is shown.
DEPENDENT_VIEWS: dict[str, frozenset[str]] = {key: k.shown_in for key, k in KINDS.items()}


def affected(tables: set[str] | frozenset[str]) -> frozenset[str]:
    """Every view whose rows may differ after changes to ``tables``."""
    out: set[str] = set(tables)
    for table in tables:
        out |= DEPENDENT_VIEWS.get(table, frozenset())
    return frozenset(out)


class ChangeBus(QObject):
    """Signals:
    changed(object): a frozenset of entity names whose views should refresh.
    """

    changed = Signal(object)

    def broadcast(self, change: Change | None = None, *, tables: set[str] | None = None) -> None:
        names: set[str] = set(tables or set())
        if change is not None:
            names |= {change.entity} | set(change.touched)
        if names:
            self.changed.emit(affected(names))
