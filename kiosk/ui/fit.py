"""Find text that does not fit its widget: the check behind "nothing clipped".

Used by the layout test over every screen, language and accessibility mode, and handy
when looking at a screenshot that seems off.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


@dataclass(frozen=True, slots=True)
class Clipped:
    widget: str
    text: str
    need: int
    have: int

    def __str__(self) -> str:
        return f"{self.widget}: {self.text[:40]!r} needs {self.need}px, has {self.have}px"


def _name(widget: QWidget) -> str:
    names = []
    while widget is not None and len(names) < 3:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))


def _visible_in_window(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_texts(root: QWidget, slack: int = 2) -> list[Clipped]:
    found: list[Clipped] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not text or not _visible_in_window(label) or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        rect = label.contentsRect()
        metrics = label.fontMetrics()
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + slack:
                found.append(Clipped(_name(label), text, need, label.height()))
            longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
            if longest > rect.width() + slack:
                found.append(Clipped(_name(label), text, longest, rect.width()))
        else:
            lines = text.splitlines() or [text]
            need = max(metrics.horizontalAdvance(line) for line in lines)
            if need > rect.width() + slack:
                found.append(Clipped(_name(label), text, need, rect.width()))
    for button in root.findChildren(QAbstractButton):
        text = QAbstractButton.text(button)  # a BigButton's wrapping label is checked above
        if not text or not _visible_in_window(button):
            continue
        need = button.fontMetrics().horizontalAdvance(text) + button.iconSize().width()
        if need > button.width() + slack:
            found.append(Clipped(_name(button), text, need, button.width()))
    return found


def settle(rounds: int = 6) -> None:
    """Let posted layout requests run: wrapped text may need a few passes to find its height."""
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
