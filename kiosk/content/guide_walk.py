"""Walking a guide's step graph, without Qt: the path taken and "step n of m".

The count uses the longest remaining path: the total shown on the first step is the most
steps the visitor can meet, and it can only shrink when a shorter branch is taken
("Schritt 3 von 6" -> "Schritt 4 von 4"), never grow. A finish line that moves away is
discouraging; one that comes closer sooner than announced is a pleasant surprise.
Content validation guarantees the graph has no cycles and every path ends.
"""

from __future__ import annotations

from collections import deque

from kiosk.content.model import Guide, GuideStep


def successors(step: GuideStep) -> tuple[str, ...]:
    return tuple(s for s in (step.next_id, step.yes_id, step.no_id) if s)


def remaining_steps(guide: Guide, step_id: str) -> int:
    """Steps on the longest path from ``step_id`` to an end, counting ``step_id`` itself."""
    memo: dict[str, int] = {}

    def longest(ident: str) -> int:
        if ident not in memo:
            memo[ident] = 1 + max((longest(n) for n in successors(guide.step(ident))), default=0)
        return memo[ident]

    return longest(step_id)


def progress(guide: Guide, path: list[str]) -> tuple[int, int]:
    """(number of the current step, total steps on the longest path through it)."""
    return len(path), len(path) - 1 + remaining_steps(guide, path[-1])


def path_to(guide: Guide, step_id: str) -> list[str]:
    """The shortest path from the first step to ``step_id`` (for screenshots and deep
    links); just the first step if ``step_id`` is unknown or unreachable."""
    parents: dict[str, str | None] = {guide.first_step_id: None}
    queue = deque([guide.first_step_id])
    while queue:
        current = queue.popleft()
        if current == step_id:
            path = [current]
            while parents[path[-1]] is not None:
                path.append(parents[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        for nxt in successors(guide.step(current)):
            if nxt not in parents:
                parents[nxt] = current
                queue.append(nxt)
    return [guide.first_step_id]


def all_paths(guide: Guide) -> list[list[str]]:
    """Every path from the first step to an end step (tests walk each one)."""
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        nexts = successors(guide.step(path[-1]))
        if not nexts:
            paths.append(path)
        for nxt in dict.fromkeys(nexts):
            walk([*path, nxt])

    walk([guide.first_step_id])
    return paths


def longest_path(guide: Guide) -> list[str]:
    """The longest path from the first step to an end (what a printed checklist lists)."""
    return max(all_paths(guide), key=len)
