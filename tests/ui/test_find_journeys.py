"""Find the right office: Home -> situation -> service -> office card, closures, handout, feedback."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
from kiosk.content.model import localized
from kiosk.flow import ScreenId
from kiosk.printing.printers import FilePrinter, UnavailablePrinter
from kiosk.settings import Settings
from kiosk.staff import stats
from kiosk.ui.widgets import BigButton, WrapLabel
from tests.printing import pdftools

from .taps import tap as _tap

SERVICE = "grundsicherung-alter"
OFFICE = "grundsicherung"


def _text(kiosk: Kiosk, name: str) -> str:
    label = kiosk.navigator.current_screen.findChild(WrapLabel, name)
    assert label is not None, name
    return label.text()


def _plain(text: str) -> str:
    return text.replace("\u202a", "").replace("\u202c", "")


def _to_service(qtbot, kiosk: Kiosk) -> None:
    _tap(qtbot, kiosk, "home-find")
    _tap(qtbot, kiosk, "item-geld-zum-leben")
    _tap(qtbot, kiosk, f"item-{SERVICE}")
    assert kiosk.flow.current.screen is ScreenId.SERVICE


def _kiosk_on(data_dir: Path, content_db: Path | None, printer) -> Kiosk:
    if content_db is not None:
        shutil.copyfile(content_db, data_dir / "content.db")
    ensure_qapp()
    kiosk = build_kiosk(
        data_dir, Settings().replace(fullscreen=False, idle_timeout_s=600, idle_warning_s=20), printer=printer
    )
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    return kiosk


@pytest.fixture
def find_kiosk(qapp, data_dir: Path, prints: Path) -> Kiosk:
    kiosk = _kiosk_on(data_dir, None, FilePrinter(prints))
    yield kiosk
    kiosk.shutdown()


@pytest.fixture(scope="session")
def closure_content_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content with the Grundsicherung team's closure week moved to cover today."""
    from kiosk.content.build import write_content_db
    from kiosk.content.source import load_files, read_source_dir
    from kiosk.paths import default_content_dir

    files = read_source_dir(default_content_dir())
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    toml = files[f"offices/{OFFICE}.toml"].decode()
    assert 'from = "2026-12-07"' in toml and 'to = "2026-12-11"' in toml
    toml = toml.replace('from = "2026-12-07"', f'from = "{today - timedelta(days=1)}"')
    toml = toml.replace('to = "2026-12-11"', f'to = "{today + timedelta(days=2)}"')
    files[f"offices/{OFFICE}.toml"] = toml.encode()
    path = tmp_path_factory.mktemp("closure-content") / "content.db"
    write_content_db(load_files(files), path)
    return path


def test_geld_zum_leben_leads_to_the_office_card_with_room_and_hours(qtbot, find_kiosk):
    # GIVEN Home WHEN the visitor taps Stelle finden, Geld zum Leben, Grundsicherung im Alter
    _to_service(qtbot, find_kiosk)
    office = find_kiosk.store.office(OFFICE)
    # THEN the service names its office with room and an open-now line
    card = find_kiosk.window.findChild(BigButton, f"item-{OFFICE}")
    assert localized(office.name, "de") in card.text() and "Raum 1.10" in _plain(card.text())
    # WHEN they tap the office card
    _tap(qtbot, find_kiosk, f"item-{OFFICE}")
    # THEN the office screen shows room, floor, walk-in and phone hours with the number
    assert find_kiosk.flow.current.screen is ScreenId.OFFICE
    assert _plain(_text(find_kiosk, "office-place")) == "1. Obergeschoss, Raum 1.10"
    hours = _plain(_text(find_kiosk, "office-hours"))
    assert "Sprechzeiten vor Ort" in hours and "Mo, Di, Do: 08:30–12:00 Uhr" in hours
    assert "Telefonische Sprechzeiten" in hours
    assert _plain(_text(find_kiosk, "office-phone")) == "Telefon: +49 6441 555-210"
    assert _text(find_kiosk, "office-status")


def test_back_returns_from_office_to_service_to_services(qtbot, find_kiosk):
    # GIVEN the office card reached through the service
    _to_service(qtbot, find_kiosk)
    _tap(qtbot, find_kiosk, f"item-{OFFICE}")
    back = find_kiosk.window.navbar.back_button
    # WHEN the visitor taps Zurück twice THEN service, then the services list show again
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert find_kiosk.flow.current.screen is ScreenId.SERVICE
    assert _text(find_kiosk, "service-title") == localized(find_kiosk.store.service(SERVICE).title, "de")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert find_kiosk.flow.current.screen is ScreenId.SERVICES


def test_a_closure_week_turns_the_office_card_to_closed_and_names_the_infothek(
    qtbot, qapp, data_dir, prints, closure_content_db
):
    # GIVEN content where the Grundsicherung team is in its closure week today
    kiosk = _kiosk_on(data_dir, closure_content_db, FilePrinter(prints))
    try:
        _to_service(qtbot, kiosk)
        # THEN the service's office card already says it is closed and where to go
        card = kiosk.window.findChild(BigButton, f"item-{OFFICE}")
        assert "Geschlossen bis" in card.text() and "Infothek" in card.text()
        # WHEN the visitor opens the office card
        _tap(qtbot, kiosk, f"item-{OFFICE}")
        # THEN it says "Geschlossen" with the reason and the Infothek's room and phone
        assert _text(kiosk, "office-status").startswith("Geschlossen bis")
        assert _text(kiosk, "office-closure-title").startswith("Geschlossen vom")
        assert _text(kiosk, "office-closure-reason").startswith("Schließwoche")
        alternative = _plain(_text(kiosk, "office-alternative"))
        assert "Infothek" in alternative and "Raum 0.01" in alternative and "+49 6441 555-100" in alternative
        # AND its button opens the Infothek's card
        _tap(qtbot, kiosk, "office-alternative-open")
        assert kiosk.flow.current.params == {"office_id": "infothek"}
        assert _text(kiosk, "office-name") == "Infothek"
    finally:
        kiosk.shutdown()


def test_handzettel_prints_a_pdf_with_the_services_url(qtbot, find_kiosk, prints, tmp_path):
    # GIVEN the service page of a service with an online application
    _to_service(qtbot, find_kiosk)
    online = find_kiosk.store.online_service(find_kiosk.store.service(SERVICE).online_id)
    screen = find_kiosk.navigator.current_screen
    assert screen.qr.isVisible() and screen.qr.url() == online.url
    # WHEN the visitor taps "Handzettel drucken" (twice, quickly)
    _tap(qtbot, find_kiosk, "service-print")
    assert _text(find_kiosk, "service-print-status") == "Wird gedruckt ..."
    assert not screen.print_control.button.isEnabled()
    qtbot.mouseClick(screen.print_control.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Handzettel" in _text(find_kiosk, "service-print-status"), timeout=10000)
    # THEN exactly one PDF came out, carrying the service's URL
    [pdf] = prints.glob("*.pdf")
    assert online.url in pdftools.text(pdf, tmp_path).replace("\n", "")
    assert screen.print_control.button.isEnabled()


def test_a_failed_handout_says_so_and_points_to_the_qr_code(qtbot, qapp, data_dir):
    # GIVEN a kiosk whose printer is not available on this device
    kiosk = _kiosk_on(data_dir, None, UnavailablePrinter("none", "test"))
    try:
        _to_service(qtbot, kiosk)
        # WHEN the visitor taps "Handzettel drucken"
        _tap(qtbot, kiosk, "service-print")
        # THEN the status names the problem and the QR code as the way on
        qtbot.waitUntil(lambda: "QR-Code" in _text(kiosk, "service-print-status"), timeout=10000)
        assert kiosk.navigator.current_screen.qr.isVisible()
    finally:
        kiosk.shutdown()


@pytest.mark.parametrize(("button", "event"), [("yes", stats.Event.FEEDBACK_YES), ("no", stats.Event.FEEDBACK_NO)])
def test_feedback_counts_one_anonymous_answer_and_thanks(qtbot, find_kiosk, button, event):
    # GIVEN the service page (its view already counted)
    _to_service(qtbot, find_kiosk)
    before = stats.counts(find_kiosk.state_db)
    # WHEN the visitor answers "Hat Ihnen das geholfen?"
    _tap(qtbot, find_kiosk, f"service-feedback-{button}")
    # THEN exactly one counter row was added: the answer for this service, at this hour
    added = [row for row in stats.counts(find_kiosk.state_db) if row not in before]
    now = find_kiosk.now()
    assert added == [(now.date().isoformat(), now.hour, event.value, SERVICE, 1)]
    # AND the question is replaced by thanks
    screen = find_kiosk.navigator.current_screen
    assert not screen.yes.isVisible() and screen.thanks.isVisible()


def test_feedback_question_comes_back_for_the_next_visit(qtbot, find_kiosk):
    # GIVEN an answered question
    _to_service(qtbot, find_kiosk)
    _tap(qtbot, find_kiosk, "service-feedback-yes")
    # WHEN the visitor goes Home and opens the service again
    qtbot.mouseClick(find_kiosk.window.navbar.home_button, Qt.MouseButton.LeftButton)
    _to_service(qtbot, find_kiosk)
    # THEN the question is asked again
    assert find_kiosk.navigator.current_screen.yes.isVisible()


def test_state_db_holds_only_counters_after_a_visit(qtbot, find_kiosk):
    # GIVEN a visit with a feedback answer
    _to_service(qtbot, find_kiosk)
    _tap(qtbot, find_kiosk, "service-feedback-no")
    # THEN the stats rows are (day, hour, event, content id, count) and nothing else
    rows = stats.counts(find_kiosk.state_db)
    assert {r[2] for r in rows} == {stats.Event.SERVICE_VIEWED.value, stats.Event.FEEDBACK_NO.value}
    assert {r[3] for r in rows} == {SERVICE}


def test_a_service_of_a_situation_across_offices_shows_all_offices_and_the_lotse(qtbot, find_kiosk):
    # GIVEN the situation "Umschulung mit Kind" (Jobcenter, Jugendamt, Lotse)
    _tap(qtbot, find_kiosk, "home-find")
    _tap(qtbot, find_kiosk, "item-umschulung-mit-kind")
    # WHEN the visitor opens the Lotse service, which has two offices
    _tap(qtbot, find_kiosk, "item-lotse-beratung")
    screen = find_kiosk.navigator.current_screen
    # THEN every office of the service has its card, and the Lotse hint shows
    ids = {b.objectName() for b in screen.offices.buttons if b.isVisibleTo(screen)}
    assert ids == {"item-lotse", "item-sozialbuero"}
    # AND for a one-office service of that situation the Lotse is added as a card
    qtbot.mouseClick(find_kiosk.window.navbar.back_button, Qt.MouseButton.LeftButton)
    _tap(qtbot, find_kiosk, "item-kinderbetreuung")
    ids = [b.objectName() for b in screen.offices.buttons]
    assert ids == ["item-jugendamt", "item-lotse"] and screen.lotse_hint.isVisible()
