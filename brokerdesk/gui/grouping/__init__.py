"""Group by and totals in every list (``feature``), over a lazy tree model (``model``)."""

from brokerdesk.gui.grouping.feature import GroupedView, GroupingActions, install

__all__ = ["GroupedView", "GroupingActions", "install"]
