"""Our own on-screen keyboard, in the script of the visitor's language: German QWERTZ with
Ä Ö Ü ß, QWERTY for English, Turkish Q letters, Russian and Ukrainian ЙЦУКЕН, Arabic; digits.

Why our own: Qt Virtual Keyboard is GPL/commercial, needs QML and misbehaves in a Widgets
app (see the design facts). The kiosk has no physical keyboard, so every text entry (the
visitor's search, the staff notice editor) goes through this widget.

Contract: the keyboard keeps its own text and emits ``text_changed(str)`` after every
change; it can also mirror that text into a QLineEdit given as ``target``. Keys never take
focus, so the target never needs it. The key layout stays left-to-right even when the app
is mirrored for Arabic: a layout is a physical arrangement, not a reading direction.
An owner calls ``retranslate()`` from its own ``retranslate``: the special keys' labels and
the letters follow the translator's language (the staff notice editor's is always German).
Sizes come from the window's style sheet (touch minimum height) and the font metrics
(gaps), so the keys scale with the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.i18n import Translator
from kiosk.ui import theme
from kiosk.ui.icons import svg_bytes, svg_pixmap
from kiosk.ui.spacing import OWN_SPACING

# Four rows of eleven keys a layout, as close to each script's usual keyboard as eleven
# columns allow (84 px keys must fit a portrait 1080 px screen); the wide special keys below.
# Letters only as the search needs them: it folds accents and hamza forms (й -> и, أ -> ا).
QWERTZ = ("1234567890ß", "qwertzuiopü", "asdfghjklöä", "yxcvbnm-.@/")
LAYOUTS: dict[str, tuple[str, ...]] = {
    "de": QWERTZ,
    "ls": QWERTZ,
    "en": ("1234567890ß", "qwertyuiopü", "asdfghjklöä", "zxcvbnm-.@/"),
    "tr": ("1234567890-", "qwertyuıopğ", "asdfghjklşi", "zxcvbnmöçü."),
    "ru": ("1234567890-", "йцукенгшщзх", "фывапролджэ", "ячсмитьбюъё"),
    "uk": ("1234567890-", "йцукенгшщзх", "фівапролджє", "ячсмитьбюїґ"),
    "ar": ("1234567890-", "ضصثقفغعهخحج", "شسيبلاتنمكط", "ئءؤرىةوزظدذ"),
}
ROWS = QWERTZ
COLUMNS = 11
# (name, first column, column span) of the bottom row
SPECIAL = (("clear", 0, 3), ("space", 3, 5), ("backspace", 8, 3))
KEY_NAMES = {"-": "minus", ".": "dot", "@": "at", "/": "slash"}
KEY_MIN_AT_1080 = 84  # px at a 1080 px short side: >= 80 px (about 15 mm on a 24" screen)
ROW_COUNT = len(ROWS) + 1
MAX_LENGTH = 200  # a search or a notice line; stops a stuck finger from growing text forever


def layout_for(language: str) -> tuple[str, ...]:
    """The key rows for a language code; German QWERTZ for any language without its own."""
    return LAYOUTS.get(language, QWERTZ)


def key_name(char: str) -> str:
    """The objectName suffix of a character key (``key-a``, ``key-ä``, ``key-dot``)."""
    return KEY_NAMES.get(char, char)


class _IconKey(QPushButton):
    """A key that shows an icon in the text colour the style sheet gives it (any theme, pressed)."""

    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_name = icon_name

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        svg = svg_bytes(self.icon_name)
        if not svg:
            return
        side = max(8, round(min(self.width(), self.height()) * 0.5))
        colour = self.palette().color(QPalette.ColorRole.ButtonText).name()
        painter = QPainter(self)
        target = QRect(0, 0, side, side)
        target.moveCenter(self.rect().center())
        painter.drawPixmap(target, svg_pixmap(svg, side, colour))
        painter.end()


class OnScreenKeyboard(QWidget):
    text_changed = Signal(str)

    def __init__(self, tr: Translator, target: QLineEdit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.target = target
        self._text = ""
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setObjectName("keyboard")
        # Keys share the space the owner gives (``fit``): no minimum size or padding from the
        # app style sheet, else eleven keys do not fit a portrait screen.
        self.setStyleSheet("QPushButton { min-width: 0px; min-height: 0px; padding: 0px; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setProperty(OWN_SPACING, True)  # from the keys' font (gap), not the theme's
        self.keys: dict[str, QPushButton] = {}
        # One button per position; a language switch only relabels them (no relayout).
        self._chars = ""  # the layout's characters, row by row: one per key in _char_keys
        self._char_keys: list[QPushButton] = []
        for index in range(len(ROWS) * COLUMNS):
            key = self._place(QPushButton(), *divmod(index, COLUMNS), 1)
            key.clicked.connect(lambda _=False, i=index: self._press(i))
            self._char_keys.append(key)
        bottom = len(ROWS)
        for name, column, span in SPECIAL:
            button = _IconKey("backspace") if name == "backspace" else QPushButton()
            button.setObjectName(f"key-{name}")
            self.keys[name] = self._place(button, bottom, column, span)
        self.keys["space"].clicked.connect(lambda: self.insert(" "))
        self.keys["clear"].clicked.connect(self.clear)
        backspace = self.keys["backspace"]
        backspace.setAutoRepeat(True)
        backspace.setAutoRepeatDelay(500)
        backspace.setAutoRepeatInterval(90)
        backspace.clicked.connect(self.backspace)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        for row in range(bottom + 1):
            self.grid.setRowStretch(row, 1)
        self.retranslate()

    def _set_rows(self, rows: tuple[str, ...]) -> None:
        chars = "".join(rows)
        if chars == self._chars:
            return
        for old in self._chars:
            del self.keys[key_name(old)]
        for key, char in zip(self._char_keys, chars, strict=True):
            key.setText(char)
            key.setObjectName(f"key-{key_name(char)}")
            self.keys[key_name(char)] = key
        self._chars = chars

    def _press(self, index: int) -> None:
        self.insert(self._chars[index])

    def _place(self, button: QPushButton, row: int, column: int, span: int) -> QPushButton:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid.addWidget(button, row, column, 1, span)
        return button

    # --- the text -----------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        text = text[:MAX_LENGTH]
        if text == self._text:
            return
        self._text = text
        if self.target is not None:
            self.target.setText(text)
            self.target.setCursorPosition(len(text))
        self.text_changed.emit(text)

    def insert(self, chars: str) -> None:
        self.set_text(self._text + chars)

    def backspace(self) -> None:
        self.set_text(self._text[:-1])

    def clear(self) -> None:
        self.set_text("")

    # --- look ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._set_rows(layout_for(self.tr_.code))
        _ = self.tr_.gettext
        self.keys["clear"].setText(_("Löschen"))
        self.keys["clear"].setAccessibleName(_("Alles löschen"))
        self.keys["space"].setText(_("Leerzeichen"))
        self.keys["backspace"].setAccessibleName(_("Letztes Zeichen löschen"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "grid"):
            self._apply_spacing()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply_spacing()

    def gap(self) -> int:
        """At least 12 px between keys so a finger between two keys hits neither by accident."""
        return max(12, round(QFontMetrics(self.font()).height() * 0.3))

    def _apply_spacing(self) -> None:
        self.grid.setSpacing(self.gap())

    def min_height_for(self, window_width: int, window_height: int) -> int:
        """The smallest keyboard height whose keys keep the touch size on this window."""
        key = max(40, theme.Metrics(theme.scale_for(window_width, window_height)).px(KEY_MIN_AT_1080))
        return ROW_COUNT * key + (ROW_COUNT - 1) * self.gap()

    def fit(self, height: int, window_width: int, window_height: int) -> None:
        """Take ``height`` px (the owner's share of the window), but never less than the minimum."""
        self.setFixedHeight(max(height, self.min_height_for(window_width, window_height)))
