"""Shared touch widgets: big buttons, labels that wrap, kinetic scrolling, QR."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.icons import icon_pixmap, svg_bytes
from kiosk.ui.qt_names import is_polished, set_enum

LABEL_TONES = ("primary", "tile")  # a BigButton's label colours (theme.py); any other role: "secondary"


def set_role(widget: QWidget, role: str) -> QWidget:
    """Pick a look from the style sheet (``QPushButton[role="primary"]`` ...)."""
    widget.setProperty("role", role)
    if is_polished(widget):
        # Only a polished widget needs this; a new one reads the property when first shown.
        # (Skipping it also keeps QStyle's enums, ~35 ms to create, out of start-up.)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    return widget


class WrapLabel(QLabel):
    """A label that wraps and grows in height instead of clipping its text."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        set_enum(self, "textFormat", "PlainText")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if role:
            self.setProperty("role", role)  # read at its first polish


class BigButton(QPushButton):
    """A touch target >= 15 mm whose text wraps (a plain QPushButton would clip it).

    The window calls ``apply_theme`` so the label and icon follow the theme and state.
    ``vertical`` puts a large icon above centred text (Home's main actions).
    """

    def __init__(
        self, role: str = "", icon_name: str = "", parent: QWidget | None = None, vertical: bool = False
    ) -> None:
        super().__init__(parent)
        self.icon_name = icon_name
        self.vertical = vertical
        # The labels ignore presses, so a tap on them goes on to the button (QLabel's own rule).
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        set_enum(self._label, "textFormat", "PlainText")
        # The icon fills its cell on one axis and centres its pixmap there, as the layout's
        # alignment did (that took a ``Qt`` enum: see kiosk.ui.qt_names).
        self._icon = QLabel(self)
        set_enum(self._icon, "alignment", "AlignCenter")
        self._icon.setVisible(False)
        self._icon.setProperty("tone", "icon")  # transparent, also inside a card (style sheet)
        layout = QGridLayout(self)
        if vertical:
            layout.addWidget(self._icon, 0, 0)
            layout.addWidget(self._label, 1, 0)
            set_enum(self._label, "alignment", "AlignCenter")
        else:
            layout.addWidget(self._icon, 0, 0)
            layout.addWidget(self._label, 0, 1)
            layout.setColumnStretch(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        set_enum(self, "focusPolicy", "NoFocus")  # touch only: no focus ring on a kiosk
        if role:
            self.setProperty("role", role)  # read at its first polish
        # The label's tone before its first polish: theming it then needs no re-polish (and
        # start-up no QStyle, whose Python enums are ~5 ms to create).
        self._label.setProperty("tone", self.tone)
        self._label.setProperty("active", False)
        self._label_look: tuple[str, bool] | None = (self.tone, False)
        self._colours: tuple[str, str] = ("#000000", "#000000")
        self._icon_px = 0
        self._icon_state: tuple[str, str, int] | None = None
        self._tone = self.tone  # apply_theme follows a later change of role
        self._touch_min = 0
        self._themed: tuple | None = None
        self.toggled.connect(lambda _on: self._sync_state())  # a tap
        self.pressed.connect(self._sync_state)
        self.released.connect(self._sync_state)

    def apply_theme(self, normal: str, active: str, icon_px: int, min_height: int, look: object = None) -> None:
        """``normal``/``active``: text colour at rest / when pressed or checked (the icon's;
        the label has the same from the window's style sheet by its tone).

        ``look`` names the window's style sheet and font: every screen entry themes its
        buttons again, and with the same look and values nothing has changed since.
        """
        themed = (normal, active, icon_px, min_height, look)
        if look is not None and themed == self._themed:
            return
        self._themed = themed
        self._colours = (normal, active)
        self._icon_px = icon_px
        self._tone = self.tone
        self._touch_min = min_height
        self.setMinimumHeight(min_height)  # a new style sheet re-polished it to the sheet's min-height
        self._sync_state()
        self._label.ensurePolished()  # the font may have changed (large text) with the colour kept
        self.layout().invalidate()  # its cached row heights may predate the new look (stale label row)
        self._fit_longest_word()

    @property
    def tone(self) -> str:
        """The label's colours in the style sheet (``theme.button_text_colours``)."""
        role = str(self.property("role") or "")
        return role if role in LABEL_TONES else "secondary"

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the wrapped text's height: grids in scroll areas ignore height-for-width."""
        need = max(self._touch_min, self.layout().totalHeightForWidth(max(1, self.width())))
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _sync_state(self) -> None:
        """Follow pressed/checked: the label by two dynamic properties that the window's
        style sheet colours, the icon by a cached pixmap. Re-polishing the one label costs
        ~0.3 ms; a style sheet of its own cost more and made every press re-parse one."""
        active = self.isDown() or self.isChecked()
        colour = self._colours[1] if active else self._colours[0]
        look = (self._tone, active)
        if self._tone and look != self._label_look:
            self._label_look = look
            self._label.setProperty("tone", self._tone)
            self._label.setProperty("active", active)
            # Drops the label's cached rules; the Polish event has Qt call its style in C++
            # (``style().polish`` from Python created QStyle's 13 Python enums, ~5 ms, on the
            # first press or check). A label not yet polished (Home's checked language, before
            # Home shows) is polished now instead of at its first show: asking first would take
            # a ``Qt`` enum (kiosk.ui.qt_names).
            QCoreApplication.sendEvent(self._label, QEvent(QEvent.Type.Polish))
        state = (colour, self.icon_name, self._icon_px)
        if state == self._icon_state:
            return
        self._icon_state = state
        svg = svg_bytes(self.icon_name) if self.icon_name and self._icon_px else None
        self._icon.setVisible(bool(svg))
        if svg:
            self._icon.setPixmap(icon_pixmap(self.icon_name, self._icon_px, colour))
            if self.vertical:
                self._icon.setFixedHeight(self._icon_px)
            else:
                self._icon.setFixedWidth(self._icon_px)

    def checkStateSet(self) -> None:
        """``setChecked`` from code, also with signals blocked (the nav bar's switches when a
        session ends): the label and icon follow as they do for a tap."""
        super().checkStateSet()
        self._sync_state()

    def set_icon_name(self, name: str) -> None:
        self.icon_name = name
        self._sync_state()

    def setText(self, text: str) -> None:
        if text == self._label.text():
            return  # every screen entry sets its texts again; a relayout for nothing
        self._label.setText(text)
        self.setAccessibleName(text)
        self._fit_longest_word()

    def _fit_longest_word(self) -> None:
        """A wrapping label may shrink to almost nothing; never below its longest word."""
        metrics = self._label.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self._label.text().split()), default=0)
        self._label.setMinimumWidth(longest + 4)
        self._fit_height()
        self.updateGeometry()

    def text(self) -> str:
        return self._label.text()

    def label(self) -> QLabel:
        return self._label

    def icon_label(self) -> QLabel:
        """Where the icon shows (a QLabel: a QIcon's class alone is ~12 M instructions of start-up)."""
        return self._icon

    def sizeHint(self) -> QSize:
        """The layout's size (wrapped text + icon), never below the touch minimum."""
        hint = self.layout().totalSizeHint()
        return QSize(max(hint.width(), self.minimumWidth()), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        hint = self.layout().totalMinimumSize()
        return QSize(max(hint.width(), self.minimumWidth()), max(hint.height(), self.minimumHeight()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.layout().totalHeightForWidth(width), self.minimumHeight())


class Card(QFrame):
    """A framed panel (office card, checklist)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")  # read at its first polish
        self.inner = QVBoxLayout(self)


class KineticScrollArea(QScrollArea):
    """Scrolls by finger (and mouse drag); a tap that stops a fling is not a click."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Here, not at the top: Home has no such list, and the two classes bring 41 enum
        # members to start-up (~7 M instructions, benchmarks/README.md).
        from PySide6.QtWidgets import QScroller, QScrollerProperties

        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
        scroller.setScrollerProperties(props)


class ButtonList(QWidget):
    """A reflowing grid of big buttons built from data (tiles, list rows).

    Rebuilt per ``on_enter``; columns follow the available width so the same screen works
    from 1024x600 to portrait 1080x1920.
    """

    changed = Signal()  # new buttons exist: the window gives them the theme

    def __init__(
        self, min_column_px: int = 520, role: str = "tile", parent: QWidget | None = None, vertical: bool = False
    ) -> None:
        super().__init__(parent)
        self.vertical = vertical
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.min_column_px = min_column_px
        self.role = role
        self.buttons: list[BigButton] = []
        self._items: list[tuple[str, str]] = []
        self._on_tap: Callable[[str], None] = lambda _key: None
        self._columns = 1

    def set_items(self, items: Sequence[tuple[str, str]], on_tap: Callable[[str], None]) -> list[BigButton]:
        """``items`` are (key, icon name); texts are set by the caller in retranslate().

        The same items as last time keep their buttons (only ``on_tap`` is replaced): most
        screen entries show the same list again, and building buttons dominates a transition.
        """
        self._on_tap = on_tap
        items = [tuple(item) for item in items]
        if items == self._items:
            return self.buttons
        self._items = items
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.hide()  # deleteLater() alone leaves it on screen until the event loop runs
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        for key, icon_name in items:
            button = BigButton(self.role, icon_name, vertical=self.vertical)
            button.setObjectName(f"item-{key}")
            button.clicked.connect(lambda _=False, k=key: self._on_tap(k))
            self.buttons.append(button)
        self._relayout(force=True)
        self.changed.emit()
        return self.buttons

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        columns = max(1, min(3, self.width() // max(1, self.min_column_px)))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for i, button in enumerate(self.buttons):
            self.grid.addWidget(button, i // columns, i % columns)
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
