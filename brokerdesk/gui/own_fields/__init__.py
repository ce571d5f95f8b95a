"""The team's own fields: Tools ▸ Custom fields… (``dialogs``), their editors in every record
form (``editors``) and the undoable commands behind both (``commands``, whose
``SetFieldOnMany`` is how bulk edit sets one on a selection)."""

from brokerdesk.gui.own_fields.feature import OwnFieldsActions, install

__all__ = ["OwnFieldsActions", "install"]
