"""Shared content objects for the paper tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.queue.tickets import Ticket

URL = "https://www.musterstadt.de/wohngeld-online"


@pytest.fixture
def offices(default_content):
    return {o.id: o for o in default_content.offices}


@pytest.fixture
def queue(default_content):
    return default_content.queues[0]


@pytest.fixture
def service(default_content):
    return next(s for s in default_content.services if s.id == "wohngeld")


@pytest.fixture
def ticket(queue):
    return Ticket(1, queue.id, queue.prefix, 17, 3, "2026-11-23", datetime(2026, 11, 23, 9, 5, tzinfo=UTC))
