"""Guards against a Qt binding fault that would crash a kiosk after hours of running."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drain_the_refcount_of_none(qapp):
    # PySide6 6.12.0 on Python 3.11 decremented None's refcount on every call returning
    # None; after enough calls the interpreter aborts ("deallocating None").
    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setMinimumWidth(10)
        label.updateGeometry()
    assert sys.getrefcount(None) - before > -100
