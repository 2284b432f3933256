"""Qt settings by their C++ names, so Home can show before PySide6 builds the `Qt` namespace.

The first touch of ``PySide6.QtCore.Qt`` (an import of it is one) makes PySide6 create all 93
of its Python enums, ~1,200 members: 118 M instructions, a fifth of what a bare window takes
to start (benchmarks/startup_floor.py). What Home needs of it is a handful of enum
properties (alignment, focus policy, text format ...). ``QObject.setProperty`` takes their key
names and Qt converts them in C++ (``QMetaEnum::keysToValue``). Everything built later uses
``Qt`` as usual: the late parts touch it once Home is painted (``kiosk.app.late_parts``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QCursor, QPixmap

# Qt::KeyboardModifier and Qt::Key values (qnamespace.h), as QKeyCombination.toCombined()
# adds them up; QKeySequence would parse "Ctrl+Q", but its class brings 76 enum members.
CONTROL, ALT = 0x0400_0000, 0x0800_0000
KEYPAD_MODIFIER = 0x2000_0000  # set on keys of the number pad
KEY_ESCAPE, KEY_F4 = 0x0100_0000, 0x0100_0033
KEY_A, KEY_Q, KEY_W = 0x41, 0x51, 0x57


def set_enum(obj: QObject, name: str, keys: str) -> None:
    """Set the enum or flags property ``name`` by key names: ``"AlignHCenter|AlignTop"``."""
    if not obj.setProperty(name, keys):
        raise ValueError(f"{type(obj).__name__} has no enum property {name!r} with keys {keys!r}")


def blank_cursor() -> QCursor:
    """A cursor that shows nothing (what ``Qt.CursorShape.BlankCursor`` is): one transparent pixel."""
    pixel = QPixmap(1, 1)
    pixel.fill(QColor(0, 0, 0, 0))
    return QCursor(pixel)


def is_polished(widget: QObject) -> bool:
    """Whether the style has polished ``widget`` yet (then a new look needs a re-polish).

    Asked only when a look changes after start: it goes through ``Qt``."""
    from PySide6.QtCore import Qt

    return widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
