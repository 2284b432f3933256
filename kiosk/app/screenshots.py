"""Render every screen (and its variants) to PNG, for review and the docs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.flow import Place, ScreenId

if TYPE_CHECKING:
    from kiosk.app import Kiosk

# the overlays' shots, by name: each over the screen a visitor most likely sees it on
OVERLAY_SHOTS = {"language_overlay": ScreenId.HOME, "idle_warning": ScreenId.SITUATIONS}


def render_all(
    data_dir: Path,
    outdir: Path,
    langs: Sequence[str],
    size: tuple[int, int],
    modes: Sequence[str] = (),
    only: Sequence[str] | None = None,
) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_kiosk, ensure_qapp
    from kiosk.settings import Settings
    from kiosk.ui.fit import settle

    ensure_qapp()
    outdir.mkdir(parents=True, exist_ok=True)
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False))
    window = kiosk.window
    window.resize(*size)
    window.show()
    written: list[Path] = []
    suffix = "".join(f"-{m}" for m in modes)
    try:
        for lang in langs:
            window.end_session()
            window.set_language(lang)
            window.set_modes(
                large_text="large" in modes, high_contrast="contrast" in modes, low_position="low" in modes
            )
            for screen_id, spec in kiosk.specs.items():
                if only and screen_id.value not in only:
                    continue
                for variant, params in spec.cls.screenshot_params(kiosk.store):
                    if screen_id is ScreenId.ADMIN:
                        kiosk.admin_gate.open()  # as after the PIN: the render tool shows the panel's pages
                    kiosk.navigator.show_place(Place(screen_id, params))
                    kiosk.flow.current = Place(screen_id, params)
                    window.on_place(kiosk.flow.current)
                    settle()
                    kiosk.admin_worker.wait_idle(5)  # pages read their state off the GUI thread
                    settle()
                    name = f"{lang}-{screen_id.value}{'-' + variant if variant else ''}{suffix}.png"
                    path = outdir / name
                    window.grab().save(str(path))
                    written.append(path)
            written += _overlay_shots(kiosk, outdir, f"{lang}-{{}}{suffix}.png", only)
            QApplication.processEvents()
    finally:
        kiosk.shutdown()
    return written


def _overlay_shots(kiosk: Kiosk, outdir: Path, pattern: str, only: Sequence[str] | None) -> list[Path]:
    """The language overlay and the idle warning (at its first second), as visitors see them."""
    from kiosk.ui.fit import settle

    window = kiosk.window
    written = []
    for name, screen_id in OVERLAY_SHOTS.items():
        if only and name not in only:
            continue
        kiosk.flow.current = Place(screen_id)
        kiosk.navigator.show_place(kiosk.flow.current)
        overlay = window.language_overlay if name == "language_overlay" else window.idle_overlay
        if overlay is window.idle_overlay:
            overlay.set_seconds(kiosk.idle.warning_s)
        window.show_overlay(overlay)
        settle()
        path = outdir / pattern.format(name)
        window.grab().save(str(path))
        overlay.hide()
        written.append(path)
    return written
