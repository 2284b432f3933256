"""The house rules that keep the core testable without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

KIOSK = Path(__file__).resolve().parent.parent / "kiosk"
QT_ALLOWED = {"ui", "screens", "workers", "app"}  # the shell, its adapters, the composition root
QT_ALLOWED_FILES = {"cli.py", "__main__.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _core_modules() -> list[Path]:
    return [
        p
        for p in KIOSK.rglob("*.py")
        if p.relative_to(KIOSK).parts[0] not in QT_ALLOWED and p.relative_to(KIOSK).as_posix() not in QT_ALLOWED_FILES
    ]


def test_core_modules_never_import_qt():
    offenders = {
        p.relative_to(KIOSK).as_posix() for p in _core_modules() if any(n.startswith("PySide6") for n in _imports(p))
    }
    assert offenders == set()


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, importlib, pkgutil, kiosk\n"
        "core = ['kiosk.flow', 'kiosk.settings', 'kiosk.i18n', 'kiosk.content.store', 'kiosk.content.source']\n"
        "extras = ('kiosk.queue.tickets', 'kiosk.staff.admin', 'kiosk.staff.stats', 'kiosk.printing.layouts',\n"
        "          'kiosk.content.sync', 'kiosk.content.hours', 'kiosk.i18n.catalogs', 'kiosk.staff.gesture')\n"
        "for extra in extras:\n"
        "    if importlib.util.find_spec(extra): core.append(extra)\n"
        "[importlib.import_module(m) for m in core]\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_screens_never_import_each_other():
    screens = KIOSK / "screens"
    for path in screens.glob("*.py"):
        for name in _imports(path):
            assert not name.startswith("kiosk.screens"), f"{path.name} imports {name}"
