"""The content the kiosk shows, as immutable values.

Kept close to XZuFi/PVOG words (Leistung = Service, Organisationseinheit = Office) so a
later import can map onto it. Every visitor-facing text is a ``LocalText``: a mapping
from language code to text with German as the fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

FALLBACK_LANGUAGE = "de"
# Leichte Sprache is German; if a text has no plain-language version, show the German one.
LANGUAGE_FALLBACKS: Mapping[str, tuple[str, ...]] = {"ls": ("ls", "de")}

LocalText = Mapping[str, str]


def localized(text: LocalText | None, lang: str) -> str:
    """The text in ``lang``, else its fallback chain, else German, else ''."""
    if not text:
        return ""
    for code in LANGUAGE_FALLBACKS.get(lang, (lang,)):
        value = text.get(code)
        if value:
            return value
    return text.get(FALLBACK_LANGUAGE, "")


class HoursKind(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    APPOINTMENT = "appointment"


class OfficeRole(StrEnum):
    OFFICE = "office"
    INFOTHEK = "infothek"
    LOTSE = "lotse"


class WhenExhausted(StrEnum):
    WRAP = "wrap"
    CAP = "cap"


@dataclass(frozen=True, slots=True)
class Hours:
    """One weekly opening slot; weekday 0 is Monday (like ``date.weekday()``)."""

    kind: HoursKind
    weekday: int
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class Closure:
    """Closed from ``start`` to ``end`` inclusive; ``alternative_id`` names where to go."""

    start: date
    end: date
    reason: LocalText
    alternative_id: str | None = None


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    name: LocalText
    building: str
    floor: LocalText
    room: str
    directions: LocalText
    phone: str
    email: str = ""
    appointment_only: bool = False
    role: OfficeRole = OfficeRole.OFFICE
    hours: tuple[Hours, ...] = ()
    closures: tuple[Closure, ...] = ()


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    title: LocalText
    summary: LocalText
    eligibility: LocalText
    documents: tuple[LocalText, ...]
    office_ids: tuple[str, ...]
    online_id: str | None = None
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    leika: str | None = None


@dataclass(frozen=True, slots=True)
class LifeSituation:
    id: str
    title: LocalText
    summary: LocalText
    icon: str
    order: int
    service_ids: tuple[str, ...]
    needs_lotse: bool = False


@dataclass(frozen=True, slots=True)
class OnlineService:
    id: str
    title: LocalText
    summary: LocalText
    requirements: tuple[LocalText, ...]
    url: str
    short_url: str
    guide_id: str | None = None
    service_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GuideStep:
    """One screen of a guide. A question step branches with ``yes_id``/``no_id``;
    any other step goes to ``next_id``; a step with neither ends the guide."""

    id: str
    title: LocalText
    text: LocalText
    image: str | None = None
    question: LocalText | None = None
    next_id: str | None = None
    yes_id: str | None = None
    no_id: str | None = None

    @property
    def is_question(self) -> bool:
        return self.question is not None

    @property
    def is_last(self) -> bool:
        return not (self.next_id or self.yes_id or self.no_id)


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    title: LocalText
    summary: LocalText
    url: str
    first_step_id: str
    steps: tuple[GuideStep, ...]
    checklist: tuple[LocalText, ...] = ()
    sources: tuple[str, ...] = ()

    def step(self, step_id: str) -> GuideStep:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


@dataclass(frozen=True, slots=True)
class QueueCategory:
    id: str
    title: LocalText
    prefix: str
    first: int
    last: int
    when_exhausted: WhenExhausted
    daily_cap: int
    office_id: str
    waiting_area: LocalText
    issue_hours: tuple[Hours, ...] = ()


@dataclass(frozen=True, slots=True)
class ContentMeta:
    """Facts about the content as a whole (from ``content.toml`` and the bundle)."""

    publisher: str
    content_version: int
    state: str
    allowed_hosts: tuple[str, ...]
    infothek_id: str
    lotse_id: str
    staff_help: LocalText
    created_at: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Content:
    """A whole, validated content set: what the loader returns and the builder writes."""

    meta: ContentMeta
    offices: tuple[Office, ...]
    services: tuple[Service, ...]
    situations: tuple[LifeSituation, ...]
    online_services: tuple[OnlineService, ...]
    guides: tuple[Guide, ...]
    queues: tuple[QueueCategory, ...]
    assets: Mapping[str, bytes] = field(default_factory=dict)
