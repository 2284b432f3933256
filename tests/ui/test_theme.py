"""Both themes: every text/background pair >= 7:1 (WCAG AAA), touch sizes at 1080p."""

from __future__ import annotations

import re

import pytest

from kiosk.ui import theme

PALETTES = [theme.STANDARD, theme.HIGH_CONTRAST]
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _declared_pairs(palette: theme.Palette) -> list[tuple[str, str, str]]:
    """(selector, colour, background) of every style sheet rule that sets both."""
    pairs = []
    for selector, body in RULE.findall(theme.stylesheet(palette, theme.Metrics(1.0))):
        values = dict(
            (key.strip(), value.strip()) for key, _, value in (d.partition(":") for d in body.split(";")) if value
        )
        colour, background = values.get("color", ""), values.get("background", "")
        if COLOUR.fullmatch(colour) and COLOUR.fullmatch(background):
            pairs.append((selector.strip(), colour, background))
    return pairs


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_every_named_text_background_pair_reaches_seven_to_one(palette):
    # GIVEN the pairs the theme names WHEN their contrast is computed THEN all are AAA
    low = {name: round(theme.contrast_ratio(fg, bg), 2) for name, (fg, bg) in palette.pairs().items()}
    assert {name: ratio for name, ratio in low.items() if ratio < 7.0} == {}


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_every_rule_of_the_style_sheet_that_sets_text_and_background_reaches_seven_to_one(palette):
    # GIVEN the real style sheet of the theme
    pairs = _declared_pairs(palette)
    # THEN it sets colours at all (the parse works) and every pair it sets is AAA
    assert len(pairs) >= 8
    low = [(sel, fg, bg, round(theme.contrast_ratio(fg, bg), 2)) for sel, fg, bg in pairs]
    assert [entry for entry in low if entry[3] < 7.0] == []


def test_the_contrast_formula_matches_wcag_reference_values():
    # black on white is 21:1, equal colours 1:1, WCAG's #767676 on white about 4.54:1
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#123456", "#123456") == pytest.approx(1.0)
    assert theme.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_touch_targets_and_body_text_at_1080p():
    metrics = theme.Metrics(theme.scale_for(1920, 1080))
    assert metrics.touch >= 80 and metrics.body >= 28 and metrics.gap >= 12
