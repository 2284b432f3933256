"""Guards against a Qt binding that slowly destroys the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every paint; after some
thousand repaints Python aborts with "none_dealloc" (seen at exit of ``kiosk screenshots``,
and a kiosk running for months would die the same way). pyproject excludes 6.12.0; this
test catches the next binding with the same fault before it ships.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_repainting_a_widget_leaves_the_refcount_of_none_alone(qapp):
    widget = QWidget()
    widget.show()
    qapp.processEvents()
    before = sys.getrefcount(None)
    for _ in range(300):
        widget.update()
        qapp.processEvents()
    drift = sys.getrefcount(None) - before
    widget.close()
    assert drift > -100, f"None lost {-drift} references in 300 repaints: a refcount bug in the Qt binding"
