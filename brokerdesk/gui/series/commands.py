"""Roll over as one undoable action.

Undo deletes the new round (and the series made for it, or the series link the first round
got); redo puts back exactly those rows from their snapshots, with the same ids.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from brokerdesk.core.services.records import Change
from brokerdesk.core.services.roll_over import RollOverPlan
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.core import snapshots
    from brokerdesk.gui.context import AppContext

TOUCHED = frozenset({"programme", "series", "participation", "programme_partner"})


class RollOverCommand(ServiceCommand):
    def __init__(self, ctx: AppContext, programme_id: int, plan: RollOverPlan, text: str) -> None:
        super().__init__(ctx, text)
        self.series = ctx.services.series
        self.programme_id = programme_id
        self.plan = plan
        self.snapshots: list[tuple[str, snapshots.Snapshot]] = []
        self.joined_round: dict[str, object] = {}

    def perform(self) -> Change:
        self.change = self.series.roll_over(self.programme_id, self.plan)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        joined = self.change.after.get("joined")
        if joined and not self.change.after.get("series_made"):
            values = self.ctx.services.programmes.get(int(joined))
            self.joined_round = {k: values[k] for k in ("series_id", "round_label")}
        undone = self.series.undo_roll_over(self.change)
        self.snapshots = [(c.entity, c.snapshot) for c in undone if c.snapshot is not None]
        return dataclasses.replace(undone[0], touched=TOUCHED)

    def redo_action(self) -> Change:
        assert self.change is not None
        services = self.ctx.services
        for entity, snap in reversed(self.snapshots):  # the series before its new round
            services.for_entity(entity).restore(snap)
        joined = self.change.after.get("joined")
        if self.joined_round and joined:
            services.programmes.update(int(joined), self.joined_round)
        return dataclasses.replace(self.change, touched=TOUCHED)
