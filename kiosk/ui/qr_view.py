"""A QR code on screen that a phone camera reads at 40 cm, and its URL as plain text.

The code is always black on white with a 4-module quiet zone, painted module by module
without smoothing, whatever the theme (a yellow-on-black code scans badly). The side is
at least ``min_side_px`` (the window's scale decides it) and grows with the space given.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.printing.qr import Matrix
from kiosk.printing.qr import qr_matrix as _matrix
from kiosk.ui.widgets import WrapLabel

QUIET_ZONE = 4
# 14 body-text heights: 420 px at 1080 p (30 px text), about 11 cm on a 24" screen; one
# module of a 41-module code is then > 2.5 mm, which phone cameras read at 40 cm.
SIDE_IN_TEXT_HEIGHTS = 14


def qr_matrix(url: str) -> Matrix:
    """The module matrix without quiet zone: the widget paints the quiet zone itself."""
    return _matrix(url, border=0)


class QrCodeWidget(QWidget):
    """Paints the matrix; every module is a whole number of pixels (crisp edges)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_url(self, url: str) -> None:
        self._matrix = qr_matrix(url) if url else ()
        self.update()

    def min_side(self) -> int:
        """From the theme's body text size, so it follows screen size without hard-coded px."""
        text_px = self.font().pixelSize()
        if text_px <= 0:
            text_px = self.fontMetrics().height()
        return round(text_px * SIDE_IN_TEXT_HEIGHTS)

    def sizeHint(self) -> QSize:
        return QSize(self.min_side(), self.min_side())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def modules(self) -> int:
        return len(self._matrix) + 2 * QUIET_ZONE if self._matrix else 0

    def paintEvent(self, event) -> None:
        count = self.modules()
        if not count:
            return
        side = min(self.width(), self.height())
        module = max(1, side // count)
        total = module * count
        left = (self.width() - total) // 2
        top = (self.height() - total) // 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRect(left, top, total, total), QColor("#FFFFFF"))
        black = QColor("#000000")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRect(left + (x + QUIET_ZONE) * module, top + (y + QUIET_ZONE) * module, module, module), black
                    )
        painter.end()


class QrView(QWidget):
    """The code with its URL below, always left to right (also in Arabic)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QrCodeWidget()
        self.code.setObjectName("qr-code")
        self.url_label = WrapLabel()
        self.url_label.setObjectName("qr-url")
        self.url_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.url_label)
        self._url = ""

    def set_url(self, url: str, shown: str | None = None) -> None:
        """``url`` becomes the code; ``shown`` (e.g. the short URL) is printed below it."""
        self._url = url
        self.code.set_url(url)
        text = shown if shown is not None else url
        # to type it in, "https://" and a final "/" are noise; the QR code carries the full URL
        text = text.removeprefix("https://").rstrip("/")
        # U+202A ... U+202C: a left-to-right embedding, so "/" and "." stay in place in RTL text;
        # host and path on their own lines: a long URL never runs out of the column.
        host, slash, path = text.partition("/")
        breakable = f"{host}/\n{path}" if slash and path else text
        self.url_label.setText(f"\u202a{breakable}\u202c" if text else "")

    def url(self) -> str:
        return self._url

    def shown_text(self) -> str:
        return self.url_label.text().strip("\u202a\u202c").replace("\n", "")
