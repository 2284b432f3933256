"""Where a visitor can go from where, and the visitor session, without Qt.

The Navigator asks ``Flow.go`` where an action leads and shows that screen; screens never
know each other. The table is plain data so a test can walk every path.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any, NotRequired, TypedDict, get_origin, get_type_hints


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


class BadParams(TypeError):
    """A screen was given a parameter it does not declare, lacks one it needs, or got a value
    of the wrong type: a bug in the caller, never a "this entry no longer exists" screen."""


# Each screen's parameters. Required keys are what the screen shows; the optional ones are
# choices a visitor made on the way (the situation a service was picked from) or the
# previews ``kiosk screenshots`` renders (a ticket already shown, a staff page open).
class SituationParams(TypedDict):
    situation_id: str


class ServiceParams(TypedDict):
    service_id: str
    situation_id: NotRequired[str]


class OfficeParams(TypedDict):
    office_id: str


class OnlineServiceParams(TypedDict):
    online_id: str


class GuideParams(TypedDict):
    guide_id: str
    step_id: NotRequired[str]  # preview: open at this step
    staff_help: NotRequired[bool]  # preview: the "Hilfe vom Personal" panel open


class SearchParams(TypedDict, total=False):
    query: str  # the words typed so far (a preview, or search again from a result)


class TicketParams(TypedDict, total=False):
    at: str  # preview: as at this moment (ISO time, the office's zone)
    show: dict[str, Any]  # preview: a ticket already issued and shown (category, number, print state)


class AdminParams(TypedDict, total=False):
    page: str  # preview: this page of the panel open


class AdminPinParams(TypedDict, total=False):
    preview: str  # preview: a wrong PIN or the lockout shown


class NoParams(TypedDict):
    pass


@dataclass(frozen=True)
class ScreenRules:
    """What the shell does around a screen; one row per screen in ``SCREENS``."""

    params: type = NoParams  # a TypedDict: the parameters it takes
    nav_bar: bool = True  # the visitor nav bar (Zurück, Start, Sprache, modes) under it
    idle_wait: bool = True  # the visitor idle wait runs (the staff panel has its own timeout)
    content_switch: bool = False  # freshly synced content may switch in while it shows
    untouched: bool = False  # with the default language and modes, nothing here to wipe
    in_history: bool = True  # Back may return here


SCREENS: Mapping[ScreenId, ScreenRules] = {
    ScreenId.HOME: ScreenRules(content_switch=True, untouched=True),
    ScreenId.SITUATIONS: ScreenRules(),
    ScreenId.SERVICES: ScreenRules(SituationParams),
    ScreenId.SERVICE: ScreenRules(ServiceParams),
    ScreenId.OFFICE: ScreenRules(OfficeParams),
    ScreenId.SEARCH: ScreenRules(SearchParams),
    ScreenId.TICKET: ScreenRules(TicketParams),
    ScreenId.ONLINE: ScreenRules(),
    ScreenId.ONLINE_SERVICE: ScreenRules(OnlineServiceParams),
    ScreenId.GUIDES: ScreenRules(),
    ScreenId.GUIDE: ScreenRules(GuideParams),
    # the staff screens have their own Abbrechen / Abmelden; the visitor bar has no place there
    ScreenId.ADMIN_PIN: ScreenRules(AdminPinParams, nav_bar=False, in_history=False),
    ScreenId.ADMIN: ScreenRules(AdminParams, nav_bar=False, idle_wait=False, content_switch=True),
    ScreenId.OUT_OF_ORDER: ScreenRules(nav_bar=False, untouched=True, in_history=False),
}


def rules(screen: ScreenId) -> ScreenRules:
    return SCREENS[screen]


def checked_params(screen: ScreenId, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """``params`` as a read-only mapping, if they are exactly what ``screen`` declares."""
    declared = rules(screen).params
    hints = get_type_hints(declared)
    unknown = set(params) - set(hints)
    missing = declared.__required_keys__ - set(params)
    if unknown or missing:
        raise BadParams(f"{screen.name}: unknown {sorted(unknown)}, missing {sorted(missing)}")
    for key, value in params.items():
        expected = get_origin(hints[key]) or hints[key]
        if not isinstance(value, expected):
            raise BadParams(f"{screen.name}: {key} must be {expected.__name__}, not {type(value).__name__}")
    return MappingProxyType(dict(params))


@dataclass(frozen=True)
class Place:
    """A screen and what it shows (an office id, a service id ...); never changed in place.
    Its params are checked against the screen's declaration when it is made."""

    screen: ScreenId
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", checked_params(self.screen, self.params))


@dataclass
class VisitorSession:
    """Everything one visitor chose; wiped as a whole when they leave or go idle."""

    language: str
    large_text: bool = False
    high_contrast: bool = False
    low_position: bool = False
    history: list[Place] = field(default_factory=list)


class NoTransition(LookupError):
    """An action that leads nowhere from this screen: a bug in a screen, never ignored."""


class Flow:
    """Where the visitor is and how they got there. ``start`` is where every way back to the
    beginning leads: Home, or the out-of-order screen after repeated crashes (``kiosk.ops.crash``),
    which only the staff gesture leaves until a restart."""

    def __init__(self, default_language: str = "de") -> None:
        self.default_language = default_language
        self.start = ScreenId.HOME
        self.session = VisitorSession(default_language)
        self.current = Place(ScreenId.HOME)

    def enter_out_of_order(self) -> Place:
        """From now on every way back to the beginning ends on the out-of-order screen."""
        self.start = ScreenId.OUT_OF_ORDER
        return self.home()

    def target(self, action: Action) -> ScreenId:
        screen = TRANSITIONS.get((self.current.screen, action)) or TRANSITIONS.get((None, action))
        if screen is None:
            raise NoTransition(f"{action.name} from {self.current.screen.name}")
        return screen

    def go(self, action: Action, **params: Any) -> Place:
        target = Place(self.target(action), params)
        if rules(self.current.screen).in_history:
            self.session.history.append(self.current)
        self.current = target
        return self.current

    def back(self) -> Place:
        self.current = self.session.history.pop() if self.session.history else Place(self.start)
        return self.current

    def home(self) -> Place:
        """Start over, keeping the visitor's language and accessibility choices."""
        self.session.history.clear()
        self.current = Place(self.start)
        return self.current

    def end_session(self) -> Place:
        """Wipe everything the visitor chose: their place, language and accessibility modes."""
        self.session = VisitorSession(self.default_language)
        self.current = Place(self.start)
        return self.current

    @property
    def can_go_back(self) -> bool:
        return self.current.screen is not ScreenId.HOME

    @property
    def untouched(self) -> bool:
        """Nothing of a visitor to wipe: on a screen that holds nothing, in the default
        language and modes (the idle warning then does not show)."""
        s = self.session
        return (
            rules(self.current.screen).untouched
            and s.language == self.default_language
            and not (s.large_text or s.high_contrast or s.low_position)
        )
