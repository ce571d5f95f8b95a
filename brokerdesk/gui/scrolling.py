"""A scroll area around a form or a grid of fields, the one way the dialogs make one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget


def form_scroll_area(
    content: QWidget,
    name: str,
    parent: QWidget | None = None,
    *,
    framed: bool = True,
    sideways: bool = True,
) -> QScrollArea:
    """``content`` in a scroll area named ``name`` for a screen reader.

    The area itself is never a Tab stop (Qt makes every scroll area one): Tab goes to the
    fields inside it, which scroll into view as they take the focus. ``framed=False`` draws no
    frame; ``sideways=False`` never scrolls sideways (the fields wrap instead).
    """
    scroll = QScrollArea(parent)
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not framed:
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll
