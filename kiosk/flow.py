"""Where a visitor can go from where, and the visitor session, without Qt.

The Navigator asks ``Flow.go`` where an action leads and shows that screen; screens never
know each other. The table is plain data so a test can walk every path.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, NamedTuple


class ScreenId(Enum):
    HOME = "home"
    SITUATIONS = "situations"
    SERVICES = "services"
    SERVICE = "service"
    OFFICE = "office"
    SEARCH = "search"
    TICKET = "ticket"
    ONLINE = "online"
    ONLINE_SERVICE = "online_service"
    GUIDES = "guides"
    GUIDE = "guide"
    ADMIN_PIN = "admin_pin"
    ADMIN = "admin"
    OUT_OF_ORDER = "out_of_order"


class Action(Enum):
    FIND_OFFICE = "find_office"  # Home: "Stelle finden"
    TAKE_TICKET = "take_ticket"  # Home: "Wartemarke ziehen"
    ONLINE = "online"  # Home: "Online-Dienste und Registrierung"
    SEARCH = "search"  # any list: open the search
    BROWSE = "browse"  # any screen (e.g. search without result): all life situations
    PICK_SITUATION = "pick_situation"  # params: situation_id
    PICK_SERVICE = "pick_service"  # params: service_id
    PICK_OFFICE = "pick_office"  # params: office_id
    PICK_ONLINE = "pick_online"  # params: online_id
    SHOW_GUIDES = "show_guides"
    PICK_GUIDE = "pick_guide"  # params: guide_id
    STAFF_GESTURE = "staff_gesture"  # the hidden admin entry
    PIN_ACCEPTED = "pin_accepted"
    OUT_OF_ORDER = "out_of_order"


# (from screen or None for "any screen", action) -> target screen
TRANSITIONS: Mapping[tuple[ScreenId | None, Action], ScreenId] = {
    (ScreenId.HOME, Action.FIND_OFFICE): ScreenId.SITUATIONS,
    (ScreenId.HOME, Action.TAKE_TICKET): ScreenId.TICKET,
    (ScreenId.HOME, Action.ONLINE): ScreenId.ONLINE,
    (None, Action.SEARCH): ScreenId.SEARCH,
    (None, Action.BROWSE): ScreenId.SITUATIONS,
    (None, Action.PICK_SITUATION): ScreenId.SERVICES,
    (None, Action.PICK_SERVICE): ScreenId.SERVICE,
    (None, Action.PICK_OFFICE): ScreenId.OFFICE,
    (None, Action.PICK_ONLINE): ScreenId.ONLINE_SERVICE,
    (ScreenId.ONLINE, Action.SHOW_GUIDES): ScreenId.GUIDES,
    (None, Action.PICK_GUIDE): ScreenId.GUIDE,
    (None, Action.STAFF_GESTURE): ScreenId.ADMIN_PIN,
    (ScreenId.ADMIN_PIN, Action.PIN_ACCEPTED): ScreenId.ADMIN,
    (None, Action.OUT_OF_ORDER): ScreenId.OUT_OF_ORDER,
}

# Screens that are not part of the visitor's path: Back from them never returns there.
NOT_IN_HISTORY = frozenset({ScreenId.ADMIN_PIN, ScreenId.OUT_OF_ORDER})


class NoTransition(LookupError):
    """An action that leads nowhere from this screen: a bug in a screen, never ignored."""


class Place(NamedTuple):
    """A screen and what it shows (an office id, a service id ...); never changed in place."""

    screen: ScreenId
    params: Mapping[str, Any] = MappingProxyType({})


class VisitorSession:
    """Everything one visitor chose; wiped as a whole when they leave or go idle.

    A plain class, not a dataclass: ``dataclasses`` is ~10 M instructions to import, and
    nothing else before Home needs it."""

    __slots__ = ("high_contrast", "history", "language", "large_text", "low_position")

    def __init__(self, language: str) -> None:
        self.language = language
        self.large_text = False
        self.high_contrast = False
        self.low_position = False
        self.history: list[Place] = []


class Flow:
    def __init__(self, default_language: str = "de") -> None:
        self.default_language = default_language
        self.session = VisitorSession(default_language)
        self.current = Place(ScreenId.HOME)

    def target(self, action: Action) -> ScreenId:
        screen = TRANSITIONS.get((self.current.screen, action)) or TRANSITIONS.get((None, action))
        if screen is None:
            raise NoTransition(f"{action.name} from {self.current.screen.name}")
        return screen

    def go(self, action: Action, **params: Any) -> Place:
        target = self.target(action)
        if self.current.screen not in NOT_IN_HISTORY:
            self.session.history.append(self.current)
        self.current = Place(target, dict(params))
        return self.current

    def back(self) -> Place:
        self.current = self.session.history.pop() if self.session.history else Place(ScreenId.HOME)
        return self.current

    def home(self) -> Place:
        """Start over on Home, keeping the visitor's language and accessibility choices."""
        self.session.history.clear()
        self.current = Place(ScreenId.HOME)
        return self.current

    def end_session(self) -> Place:
        """Wipe everything the visitor chose: their place, language and accessibility modes."""
        self.session = VisitorSession(self.default_language)
        self.current = Place(ScreenId.HOME)
        return self.current

    @property
    def can_go_back(self) -> bool:
        return self.current.screen is not ScreenId.HOME
