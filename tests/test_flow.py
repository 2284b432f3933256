"""The navigation table, walked without Qt."""

from __future__ import annotations

import pytest

from kiosk.flow import SCREENS, TRANSITIONS, Action, BadParams, Flow, NoTransition, Place, ScreenId, rules


def test_find_office_path_goes_situation_service_office_and_back():
    flow = Flow()
    assert flow.go(Action.FIND_OFFICE).screen is ScreenId.SITUATIONS
    assert flow.go(Action.PICK_SITUATION, situation_id="geld").screen is ScreenId.SERVICES
    place = flow.go(Action.PICK_SERVICE, service_id="wohngeld")
    assert place.screen is ScreenId.SERVICE and place.params == {"service_id": "wohngeld"}
    assert flow.go(Action.PICK_OFFICE, office_id="x").screen is ScreenId.OFFICE
    assert flow.back().params == {"service_id": "wohngeld"}
    assert flow.back().screen is ScreenId.SERVICES
    assert flow.back().screen is ScreenId.SITUATIONS
    assert flow.back().screen is ScreenId.HOME
    assert flow.back().screen is ScreenId.HOME  # Back on Home stays home, never fails


def test_action_that_leads_nowhere_is_an_error_not_silence():
    flow = Flow()
    with pytest.raises(NoTransition):
        flow.go(Action.PIN_ACCEPTED)


def test_pin_screen_is_not_kept_in_history():
    flow = Flow()
    flow.go(Action.STAFF_GESTURE)
    flow.go(Action.PIN_ACCEPTED)
    assert flow.back().screen is ScreenId.HOME


def test_end_session_wipes_language_modes_and_history():
    flow = Flow(default_language="de")
    flow.session.language = "ar"
    flow.session.large_text = True
    flow.go(Action.FIND_OFFICE)
    flow.end_session()
    assert flow.current.screen is ScreenId.HOME
    assert flow.session.language == "de" and not flow.session.large_text
    assert flow.session.history == []


def test_home_keeps_language_but_clears_path():
    flow = Flow()
    flow.session.language = "tr"
    flow.go(Action.ONLINE)
    flow.home()
    assert flow.session.language == "tr" and flow.session.history == []


def test_every_target_screen_is_reachable_from_home():
    reachable, frontier = {ScreenId.HOME}, [ScreenId.HOME]
    while frontier:
        here = frontier.pop()
        for (source, _action), target in TRANSITIONS.items():
            if source in (here, None) and target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(ScreenId)


def test_browse_from_search_leads_to_life_situations_and_back_to_search():
    flow = Flow()
    flow.go(Action.SEARCH)
    assert flow.go(Action.BROWSE).screen is ScreenId.SITUATIONS
    assert flow.back().screen is ScreenId.SEARCH


def test_a_misspelt_or_missing_parameter_is_an_error_not_an_empty_screen():
    flow = Flow()
    with pytest.raises(BadParams):
        flow.go(Action.PICK_SERVICE, servce_id="wohngeld")
    with pytest.raises(BadParams):
        flow.go(Action.PICK_OFFICE)
    with pytest.raises(BadParams):
        Place(ScreenId.GUIDE, {"guide_id": 7})
    assert flow.current.screen is ScreenId.HOME  # nothing half-done


def test_every_screen_has_its_rules_in_one_table():
    assert set(SCREENS) == set(ScreenId)
    assert not rules(ScreenId.ADMIN).nav_bar and not rules(ScreenId.ADMIN).idle_wait
    assert rules(ScreenId.HOME).content_switch and not rules(ScreenId.SERVICE).content_switch


def test_out_of_order_is_where_every_way_back_ends():
    flow = Flow()
    flow.enter_out_of_order()
    assert flow.current.screen is ScreenId.OUT_OF_ORDER
    flow.go(Action.STAFF_GESTURE)
    assert flow.back().screen is ScreenId.OUT_OF_ORDER
    assert flow.end_session().screen is ScreenId.OUT_OF_ORDER
    assert flow.home().screen is ScreenId.OUT_OF_ORDER


def test_untouched_means_nothing_of_a_visitor_to_wipe():
    flow = Flow()
    assert flow.untouched
    flow.session.large_text = True
    assert not flow.untouched
    flow.end_session()
    flow.go(Action.FIND_OFFICE)
    assert not flow.untouched
