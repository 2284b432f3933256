"""One TOML entry of a content source into one model record, with the rules of its kind:
an office's hours and closure weeks, a guide's steps as a graph without dead ends or
loops, a queue's number range. ``kiosk.content.source`` applies them to every file."""

from __future__ import annotations

import re

from kiosk.content.entry import ID_PATTERN, LANGUAGES, Entry, day, hours_of
from kiosk.content.model import (
    Closure,
    ContentMeta,
    Guide,
    GuideStep,
    HoursKind,
    LifeSituation,
    Office,
    OfficeRole,
    OnlineService,
    QueueCategory,
    Service,
    WhenExhausted,
)


def office(e: Entry) -> Office:
    closures = []
    for i, row in enumerate(e.table_list("closures")):
        sub = Entry(e.file, e.entry, row)
        start = day(e, f"closures[{i}].from", row.get("from"))
        end = day(e, f"closures[{i}].to", row.get("to", row.get("from")))
        if end < start:
            raise e.error(f"closures[{i}].to", "must not be before 'from'")
        closures.append(Closure(start, end, sub.text("reason", False), sub.optional_id("alternative")))
    return Office(
        id=e.entry,
        name=e.text("name"),
        building=e.string("building"),
        floor=e.text("floor"),
        room=e.string("room"),
        directions=e.text("directions", False),
        phone=e.string("phone", False),
        email=e.string("email", False),
        appointment_only=e.boolean("appointment_only"),
        role=e.choice("role", OfficeRole, OfficeRole.OFFICE),
        hours=hours_of(e, "hours"),
        closures=tuple(closures),
    )


def service(e: Entry) -> Service:
    keywords_raw = e.data.get("keywords", {})
    if not isinstance(keywords_raw, dict):
        raise e.error("keywords", "must be a table of languages with lists of words")
    keywords: dict[str, tuple[str, ...]] = {}
    for code, words in keywords_raw.items():
        if code not in LANGUAGES or not isinstance(words, list):
            raise e.error(f"keywords.{code}", "must be a list of words for a known language")
        keywords[code] = tuple(str(w) for w in words)
    leika = e.string("leika", False) or None
    if leika and not re.fullmatch(r"\d{14}", leika):
        raise e.error("leika", "must be 14 digits")
    return Service(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary"),
        eligibility=e.text("eligibility", False),
        documents=e.texts("documents"),
        office_ids=e.ids("offices", required=True),
        online_id=e.optional_id("online"),
        keywords=keywords,
        leika=leika,
    )


def situation(e: Entry) -> LifeSituation:
    return LifeSituation(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary", False),
        icon=e.string("icon", False, "help"),
        order=e.integer("order", False, 100),
        service_ids=e.ids("services", required=True),
        needs_lotse=e.boolean("needs_lotse"),
    )


def online(e: Entry, hosts: tuple[str, ...]) -> OnlineService:
    return OnlineService(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary"),
        requirements=e.texts("requirements"),
        url=e.url("url", hosts),
        short_url=e.string("short_url", False) or e.string("url"),
        guide_id=e.optional_id("guide"),
        service_ids=e.ids("services"),
    )


def guide(e: Entry, hosts: tuple[str, ...]) -> Guide:
    steps = []
    for i, row in enumerate(e.table_list("steps")):
        sub = Entry(e.file, e.entry, row)
        step_id = sub.string("id")
        if not ID_PATTERN.match(step_id):
            raise e.error(f"steps[{i}].id", "must be an id (lower case letters, digits, '-')")
        question = sub.text("question", False) or None
        step = GuideStep(
            id=step_id,
            title=sub.text("title"),
            text=sub.text("text"),
            image=sub.string("image", False) or None,
            question=question,
            next_id=sub.optional_id("next"),
            yes_id=sub.optional_id("yes"),
            no_id=sub.optional_id("no"),
        )
        if question and not (step.yes_id and step.no_id):
            raise e.error(f"steps[{i}]", "a question needs both 'yes' and 'no'")
        if question and step.next_id:
            raise e.error(f"steps[{i}].next", "a question step uses 'yes'/'no', not 'next'")
        if not question and (step.yes_id or step.no_id):
            raise e.error(f"steps[{i}]", "'yes'/'no' need a 'question'")
        steps.append(step)
    if not steps:
        raise e.error("steps", "a guide needs at least one step")
    for source in e.ids("sources"):
        if not source.startswith("https://"):
            raise e.error("sources", f"'{source}' must be an https address")
    guide = Guide(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary", False),
        url=e.url("url", hosts),
        first_step_id=e.string("first", False) or steps[0].id,
        steps=tuple(steps),
        checklist=e.texts("checklist"),
        sources=e.ids("sources"),
    )
    _check_guide_graph(guide, e)
    return guide


def _check_guide_graph(guide: Guide, e: Entry) -> None:
    """Every step reachable, every link resolves, no cycles: no dead ends on screen."""
    by_id = {s.id: s for s in guide.steps}
    if len(by_id) != len(guide.steps):
        raise e.error("steps", "two steps share an id")
    if guide.first_step_id not in by_id:
        raise e.error("first", f"no step '{guide.first_step_id}'")
    state: dict[str, str] = {}

    def visit(step_id: str, field: str) -> None:
        if step_id not in by_id:
            raise e.error(field, f"no step '{step_id}'")
        if state.get(step_id) == "open":
            raise e.error(field, f"step '{step_id}' leads back to itself (a loop)")
        if state.get(step_id) == "done":
            return
        state[step_id] = "open"
        step = by_id[step_id]
        for target, name in ((step.next_id, "next"), (step.yes_id, "yes"), (step.no_id, "no")):
            if target:
                visit(target, f"steps[{step_id}].{name}")
        state[step_id] = "done"

    visit(guide.first_step_id, "first")
    unreachable = sorted(set(by_id) - set(state))
    if unreachable:
        raise e.error("steps", f"not reachable from the first step: {', '.join(unreachable)}")


def queue(e: Entry) -> QueueCategory:
    prefix = e.string("prefix")
    if not re.fullmatch(r"[A-Z]", prefix):
        raise e.error("prefix", "must be one capital letter A-Z")
    first, last = e.integer("first"), e.integer("last")
    if not 0 <= first < last <= 9999:
        raise e.error("last", "the range must satisfy 0 <= first < last <= 9999")
    cap = e.integer("daily_cap", False, last - first + 1)
    if cap < 1:
        raise e.error("daily_cap", "must be at least 1")
    return QueueCategory(
        id=e.entry,
        title=e.text("title"),
        prefix=prefix,
        first=first,
        last=last,
        when_exhausted=e.choice("when_exhausted", WhenExhausted, WhenExhausted.WRAP),
        daily_cap=cap,
        office_id=e.string("office"),
        waiting_area=e.text("waiting_area"),
        issue_hours=hours_of(e, "issue_hours", HoursKind.WALK_IN),
    )


def meta(e: Entry) -> ContentMeta:
    hosts = e.ids("allowed_hosts")
    for host in hosts:
        if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host):
            raise e.error("allowed_hosts", f"'{host}' is not a host name")
    version = e.integer("content_version")
    if version < 1:
        raise e.error("content_version", "must be 1 or larger")
    return ContentMeta(
        publisher=e.string("publisher"),
        content_version=version,
        state=e.string("state"),
        allowed_hosts=hosts,
        infothek_id=e.string("infothek"),
        lotse_id=e.string("lotse"),
        staff_help=e.text("staff_help"),
    )
