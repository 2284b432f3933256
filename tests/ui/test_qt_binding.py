"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did).

Every void call dropped one reference to None; None started with about 5,000, so the kiosk
died with "Fatal Python error: none_dealloc" after a few thousand widget calls (a few
hundred taps). Python 3.12+ makes None immortal; on 3.11 this test guards upgrades.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_ten_thousand_void_widget_calls_keep_nones_reference_count(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(10_000):
        label.setText(str(i % 7))
        label.setVisible(False)
    assert sys.getrefcount(None) >= before - 100
