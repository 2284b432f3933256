"""Touch targets at least ``Metrics.gap`` apart (>= 12 px; 20 px at 1080p).

Qt's layouts space their items by the style's default, 6 px: two buttons side by side
were 6 px apart, and a finger between them could hit either. The window calls
``space_touch_targets`` wherever it themes buttons, so every layout that places a button
next to something else gets the theme's gap, on every screen, new ones included. A layout
with a spacing of its own (the keyboard's, from its font) is marked ``OWN_SPACING``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLayout, QWidget

OWN_SPACING = "own_spacing"  # a layout property: this layout sets its spacing itself


def space_touch_targets(root: QWidget, gap: int) -> None:
    """Set ``gap`` as the spacing of each layout under ``root`` that holds a button (or a
    widget with buttons in it), except those inside a button and those with their own.

    ``parent()``, not ``parentWidget()``: on the layouts Qt builds inside a scroll area
    for its scroll bars, PySide6's ``parentWidget()`` leaves the Python wrapper dead."""
    for layout in root.findChildren(QLayout):
        if layout.spacing() == gap or layout.property(OWN_SPACING):
            continue
        if isinstance(layout.parent(), QAbstractButton):
            continue  # a BigButton's icon and label
        if _holds_touch_target(layout):
            layout.setSpacing(gap)


def _holds_touch_target(layout: QLayout) -> bool:
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if widget is not None and (isinstance(widget, QAbstractButton) or widget.findChild(QAbstractButton)):
            return True
    return False
