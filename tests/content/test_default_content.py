"""The embedded default content: a complete, translated Musterkreis that the kiosk can show as shipped."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest

from kiosk.content.model import Content, Guide, HoursKind, OfficeRole, WhenExhausted
from kiosk.content.source import LANGUAGES

MINIMUM = {"situations": 9, "services": 22, "offices": 7, "online_services": 4, "guides": 5}
GUIDE_IDS = {"ausweis-pruefen", "pin-setzen", "pin-vergessen", "bundid", "musterkreis-konto"}
KEYWORDS = {
    "buergergeld": ["Hartz IV", "Hartz 4", "Arbeitslosengeld 2", "ALG 2", "Stütze"],
    "grundsicherung-alter": ["Rente reicht nicht", "Sozialhilfe", "Stütze", "Grundrente"],
    "wohngeld": ["Miete", "Mietzuschuss"],
    "wohnungsnotfall": ["Räumungsklage", "Kündigung Wohnung", "Strasse"],
}
SEARCHES = {
    "Hartz": "buergergeld",
    "ALG 2": "buergergeld",
    "Rente reicht nicht": "grundsicherung-alter",
    "Mietzuschuss": "wohngeld",
    "Räumungsklage": "wohnungsnotfall",
    "Kita": "kinderbetreuung",
    "PIN vergessen": "pin-neu",
    "ALG2": "buergergeld",
    "Pflegeheim": "hilfe-zur-pflege",
}


def _titles(content: Content) -> Iterator[tuple[str, dict]]:
    for s in content.situations:
        yield f"situations/{s.id} title", s.title
        yield f"situations/{s.id} summary", s.summary
    for s in content.services:
        yield f"services/{s.id} title", s.title
    for o in content.online_services:
        yield f"online/{o.id} title", o.title
    for g in content.guides:
        yield f"guides/{g.id} title", g.title
    for o in content.offices:
        yield f"offices/{o.id} name", o.name
        yield f"offices/{o.id} floor", o.floor
    for q in content.queues:
        yield f"queues/{q.id} title", q.title
        yield f"queues/{q.id} waiting_area", q.waiting_area
    yield "content.toml staff_help", content.meta.staff_help


def _paths(guide: Guide) -> Iterator[list[str]]:
    """Every walk from the first step to a last step (the loader already forbids loops)."""
    stack = [[guide.first_step_id]]
    while stack:
        path = stack.pop()
        step = guide.step(path[-1])
        if step.is_last:
            yield path
        for target in (step.next_id, step.yes_id, step.no_id):
            if target:
                stack.append([*path, target])


@pytest.mark.parametrize("kind", sorted(MINIMUM))
def test_default_content_has_at_least_the_minimum_of_each_kind(default_content, kind):
    # GIVEN the embedded default content  WHEN we count one kind  THEN the minimum is met
    assert len(getattr(default_content, kind)) >= MINIMUM[kind]


def test_default_content_has_the_five_guides(default_content):
    assert {g.id for g in default_content.guides} >= GUIDE_IDS


def test_every_short_text_exists_in_all_seven_languages(default_content):
    # GIVEN every title and short text  THEN none misses a language
    missing = [
        f"{where}: {code}" for where, text in _titles(default_content) for code in LANGUAGES if not text.get(code)
    ]
    assert missing == []


def test_every_service_and_online_text_exists_in_all_seven_languages(default_content):
    # GIVEN services and online services  THEN summary, eligibility, documents and requirements are translated
    texts = []
    for s in default_content.services:
        texts += [(s.id, s.summary), (s.id, s.eligibility), *((s.id, d) for d in s.documents)]
    for o in default_content.online_services:
        texts += [(o.id, o.summary), *((o.id, r) for r in o.requirements)]
    missing = sorted({f"{ident}: {code}" for ident, text in texts for code in LANGUAGES if not text.get(code)})
    assert missing == []


def test_every_service_has_a_short_document_checklist_and_eligibility(default_content):
    bad = [s.id for s in default_content.services if not (3 <= len(s.documents) <= 7)]
    bad += [s.id for s in default_content.services if not s.eligibility.get("de")]
    assert bad == []


def test_every_guide_text_a_visitor_reads_exists_in_all_seven_languages(default_content):
    # GIVEN the guides  THEN summary, every step, every question and every checklist item are translated
    missing = []
    for guide in default_content.guides:
        texts = [("summary", guide.summary), *((f"checklist[{i}]", c) for i, c in enumerate(guide.checklist))]
        for step in guide.steps:
            texts += [(f"{step.id}.title", step.title), (f"{step.id}.text", step.text)]
            texts += [(f"{step.id}.question", step.question)] if step.question else []
        missing += [f"{guide.id} {where}: {code}" for where, text in texts for code in LANGUAGES if not text.get(code)]
    assert missing == []


def test_every_guide_path_ends_within_three_to_seven_steps(default_content):
    # GIVEN each guide  WHEN we walk every yes/no branch  THEN each path ends after 2..7 screens
    lengths = {g.id: [len(p) for p in _paths(g)] for g in default_content.guides}
    assert all(lengths.values())
    assert all(2 <= n <= 7 for ns in lengths.values() for n in ns), lengths


def test_every_guide_branches_and_has_sources_checklist_and_qr_url(default_content):
    for guide in default_content.guides:
        assert any(s.is_question for s in guide.steps), guide.id
        assert guide.sources and all(s.startswith("https://") for s in guide.sources), guide.id
        assert guide.checklist and guide.url.startswith("https://"), guide.id


@pytest.mark.parametrize("service_id", sorted(KEYWORDS))
def test_everyday_words_are_keywords_of_the_main_services(default_content, service_id):
    service = next(s for s in default_content.services if s.id == service_id)
    assert set(KEYWORDS[service_id]) <= set(service.keywords["de"])


@pytest.mark.parametrize("service_id", sorted(KEYWORDS))
def test_main_services_have_keywords_in_five_other_languages(default_content, service_id):
    service = next(s for s in default_content.services if s.id == service_id)
    assert all(service.keywords.get(code) for code in ("en", "tr", "ar", "uk", "ru"))


@pytest.mark.parametrize("query", sorted(SEARCHES))
def test_everyday_words_find_the_right_service(store, query):
    # GIVEN the built content.db  WHEN a visitor types an everyday word  THEN the service is found
    assert SEARCHES[query] in [s.id for s in store.search(query, "de")]


@pytest.mark.parametrize(("lang", "query"), [("tr", "kira"), ("ar", "إيجار"), ("uk", "оренда"), ("ru", "аренда")])
def test_rent_in_the_visitors_language_finds_housing_benefit(store, lang, query):
    # GIVEN a visitor using another language  WHEN they type "rent" in it  THEN Wohngeld is found
    assert "wohngeld" in [s.id for s in store.search(query, lang)]


def test_offices_include_infothek_lotse_and_the_key_offices(default_content):
    roles = {o.role for o in default_content.offices}
    ids = {o.id for o in default_content.offices}
    assert {OfficeRole.INFOTHEK, OfficeRole.LOTSE} <= roles
    assert {"jobcenter", "wohngeldstelle", "jugendamt", "buergeramt", "sozialbuero", "sozialamt"} <= ids


def test_a_situation_that_spans_offices_shows_the_lotse(default_content):
    spanning = [s for s in default_content.situations if s.needs_lotse]
    assert spanning and {"umschulung", "kinderbetreuung"} <= set(spanning[0].service_ids)


def test_a_closure_names_the_infothek_as_alternative(default_content):
    closures = [c for o in default_content.offices for c in o.closures]
    assert any(c.alternative_id == default_content.meta.infothek_id for c in closures)
    assert any(c.start == c.end for c in closures)
    assert any((c.end - c.start).days >= 4 for c in closures)


def test_queues_have_four_prefixes_with_separate_ranges_and_one_cap(default_content):
    queues = sorted(default_content.queues, key=lambda q: q.first)
    assert [q.prefix for q in queues] == ["A", "B", "C", "D"]
    assert all(a.last < b.first for a, b in pairwise(queues))
    assert any(q.when_exhausted is WhenExhausted.CAP for q in queues)


def test_queue_tickets_are_issued_only_while_the_office_is_open(default_content):
    offices = {o.id: o for o in default_content.offices}
    for queue in default_content.queues:
        walk_in = [h for h in offices[queue.office_id].hours if h.kind is HoursKind.WALK_IN]
        for slot in queue.issue_hours:
            assert any(h.weekday == slot.weekday and h.start <= slot.start and slot.end <= h.end for h in walk_in), (
                queue.id,
                slot,
            )


def test_linked_online_services_and_guides_are_used(default_content):
    # GIVEN online services  THEN each prints a guide, and the main services link to one
    assert all(o.guide_id for o in default_content.online_services)
    linked = {s.online_id for s in default_content.services if s.online_id}
    assert {"buergergeld-online", "wohngeld-online", "grundsicherung-online", "but-online"} <= linked


def test_every_step_picture_is_a_simple_svg(default_content):
    for name, data in default_content.assets.items():
        text = data.decode("utf-8")
        assert name.endswith(".svg") and "<svg" in text
        assert "<filter" not in text and "xlink:href" not in text and "<image" not in text, name
