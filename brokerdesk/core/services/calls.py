"""Log a call about a follow-up: the new interaction and the follow-up done, one action.

Today's **L** opens the interaction form for a reminder; saving it makes the new interaction
and, when the reminder was an open follow-up, marks that follow-up done. Both happen in one
transaction and come back as one ``Change``, so Edit ▸ Undo takes back both at once ("Undo
Log call"), and undo and redo are each one transaction too: a failure half-way never leaves
the call logged with its follow-up still open, or the reverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from brokerdesk.core import snapshots
from brokerdesk.core.errors import RefusedError, ValidationError
from brokerdesk.core.models import Interaction
from brokerdesk.core.services.people import InteractionService
from brokerdesk.core.services.records import Change, integrity_message

TOUCHED = frozenset({"interaction"})


@dataclass
class LoggedCall:
    """What logging a call did, for undo and redo.

    Attributes:
        change: the ``create`` of the new interaction.
        follow_up_of: the interaction whose follow-up it cleared (None: there was none, or
            it had been deleted meanwhile).
        was_done: that follow-up's "done" before the call (what undo puts back).
        snapshot: the new interaction as undo took it away (what redo puts back).
    """

    change: Change
    follow_up_of: int | None
    was_done: bool = False
    snapshot: snapshots.Snapshot | None = None


def _set_done(session: Session, interaction_id: int | None, done: bool) -> bool | None:
    """Set a follow-up's "done"; its value before (None when the interaction is gone)."""
    if interaction_id is None:
        return None
    follow_up = session.get(Interaction, interaction_id)
    if follow_up is None:
        return None
    before = bool(follow_up.follow_up_done)
    follow_up.follow_up_done = done
    return before


def log_call(
    interactions: InteractionService, values: Mapping[str, Any], follow_up_of: int | None
) -> LoggedCall:
    """Make the interaction ``values`` describe and mark ``follow_up_of``'s follow-up done.

    Raises:
        ValidationError: the form's values are refused (nothing is written).
    """
    try:
        with interactions.db.write() as session:
            # The follow-up first: a new call may take the id of one deleted meanwhile.
            was = _set_done(session, follow_up_of, True)
            new_id, after = interactions.create_in(session, values)
            session.flush()
    except RefusedError as exc:
        raise ValidationError({}, integrity_message(exc, interactions.label)) from exc
    change = Change("interaction", "create", (new_id,), after=after, touched=TOUCHED)
    if was is None:
        return LoggedCall(change, None)
    return LoggedCall(change, follow_up_of, was)


def undo_log_call(interactions: InteractionService, logged: LoggedCall) -> Change:
    """Take the logged call away and reopen the follow-up, in one transaction."""
    new_id = logged.change.id
    with interactions.db.write() as session:
        logged.snapshot = interactions.delete_in(session, [new_id], to_trash=False)
        _set_done(session, logged.follow_up_of, logged.was_done)
        session.flush()
    return Change("interaction", "delete", (new_id,), snapshot=logged.snapshot, touched=TOUCHED)


def redo_log_call(interactions: InteractionService, logged: LoggedCall) -> Change:
    """Put the logged call back (same id) and mark the follow-up done again."""
    assert logged.snapshot is not None, "redo follows an undo"
    try:
        with interactions.db.write() as session:
            interactions.restore_in(session, logged.snapshot)
            _set_done(session, logged.follow_up_of, True)
            session.flush()
    except RefusedError as exc:
        raise ValidationError(
            {}, "The call cannot be logged again: what it was with has been deleted."
        ) from exc
    return Change("interaction", "restore", logged.change.ids, touched=TOUCHED)
