#!/usr/bin/env python3
"""Reproducible draw of paragraphs for the dev-blind retrieval eval set
(heldout-2.draw.py's eligibility, quotas and draw, with its own seed, size,
replacements and exclusions).

random.seed(20261208). Paragraphs = non-empty lines of each seed file.
Eligible: >= 12 words (HTML tags stripped for counting), not a heading,
not a teaser line advertising other articles.  45 paragraphs are drawn
without replacement (60 here), in proportion to each guide's number of eligible
paragraphs (largest-remainder rounding).  Within a guide the eligible
paragraphs are shuffled once; the first `quota` are taken.  If a drawn
paragraph has nothing a junior developer could ask about (pure filler /
page chrome), the next paragraph of that guide's shuffled order is
drawn instead; such replacements are listed in NOT_ASKABLE and reported.

EXCLUDE lists every paragraph drawn or SKIPPED by heldout-2.draw.py
(random.seed(20261207)); they are never drawn here.  Eligibility and the
quota computation are unchanged (quota in proportion to each guide's
eligible paragraphs); an EXCLUDE paragraph is passed over during the draw
like a NOT_ASKABLE one, and the next paragraph of the same guide is taken.
"""
import importlib.util
import os

TOTAL = 60
SEED = 20261208

# Paragraphs judged non-askable after reading the draw (file, line number
# among non-empty lines).  Filled in after inspecting the first draw; each
# one is replaced by the next paragraph of the same guide.
NOT_ASKABLE = {
    ("001_cd6938ea381767ea.txt", 85): "signposting intro of Part 4 (announces what the part will delve into)",
    ("001_cd6938ea381767ea.txt", 86): "signposting intro of Part 4 (lists what the section will cover)",
    ("001_cd6938ea381767ea.txt", 87): "signposting intro of Part 4 (says what will be emphasized)",
    ("001_cd6938ea381767ea.txt", 48): "signposting intro of Part 2 (announces what we'll begin by exploring)",
    ("001_cd6938ea381767ea.txt", 102): "signposting intro of Part 5 (announces what we also explore)",
    ("001_cd6938ea381767ea.txt", 121): "signposting outro of Part 6 intro (what you'll know by the end of this part)",
    ("002_67f63233687a9b72.txt", 52): "signposting (announces the step-by-step guide that follows)",
    ("002_67f63233687a9b72.txt", 24): "signposting (announces the guide to skills that follows)",
    ("002_67f63233687a9b72.txt", 7): "rhetorical intro filler (asks if you are thinking of becoming one), no fact or advice",
    ("002_67f63233687a9b72.txt", 112): "filler (backend is 'the magic behind apps'), states no fact or advice",
    ("004_63a69d9ab5b2d910.txt", 17): "page chrome: blurb about Google Search Journey, unrelated to backend careers",
    ("004_63a69d9ab5b2d910.txt", 18): "page chrome: blurb about Google Search Journey, unrelated to backend careers",
    ("001_cd6938ea381767ea.txt", 51): "signposting close of Part 2 intro (your journey starts here)",
    ("001_cd6938ea381767ea.txt", 28): "page chrome: advert for the site's AI simulation coach",
    ("002_67f63233687a9b72.txt", 62): "signposting (introduces the overview list that follows)",
    ("001_cd6938ea381767ea.txt", 47): "signposting intro of Part 2 (Part 2 delves into ...)",
    ("002_67f63233687a9b72.txt", 8): "signposting (what this article is designed to cover)",
}


# Paragraphs drawn or SKIPPED by heldout-2.draw.py (file, line number among
# non-empty lines), copied from its output; never drawn here.
EXCLUDE = {
    ('000_9469583b8f6ca5d5.txt', 22),
    ('000_9469583b8f6ca5d5.txt', 52),
    ('000_9469583b8f6ca5d5.txt', 62),
    ('001_cd6938ea381767ea.txt', 31),
    ('001_cd6938ea381767ea.txt', 33),
    ('001_cd6938ea381767ea.txt', 35),
    ('001_cd6938ea381767ea.txt', 41),
    ('001_cd6938ea381767ea.txt', 44),
    ('001_cd6938ea381767ea.txt', 45),
    ('001_cd6938ea381767ea.txt', 54),
    ('001_cd6938ea381767ea.txt', 56),
    ('001_cd6938ea381767ea.txt', 66),
    ('001_cd6938ea381767ea.txt', 67),
    ('001_cd6938ea381767ea.txt', 73),
    ('001_cd6938ea381767ea.txt', 75),
    ('001_cd6938ea381767ea.txt', 76),
    ('001_cd6938ea381767ea.txt', 78),
    ('001_cd6938ea381767ea.txt', 81),
    ('001_cd6938ea381767ea.txt', 92),
    ('001_cd6938ea381767ea.txt', 96),
    ('001_cd6938ea381767ea.txt', 98),
    ('001_cd6938ea381767ea.txt', 99),
    ('001_cd6938ea381767ea.txt', 101),
    ('001_cd6938ea381767ea.txt', 103),
    ('001_cd6938ea381767ea.txt', 106),
    ('001_cd6938ea381767ea.txt', 115),
    ('001_cd6938ea381767ea.txt', 117),
    ('001_cd6938ea381767ea.txt', 118),
    ('001_cd6938ea381767ea.txt', 119),
    ('001_cd6938ea381767ea.txt', 128),
    ('002_67f63233687a9b72.txt', 6),
    ('002_67f63233687a9b72.txt', 26),
    ('002_67f63233687a9b72.txt', 29),
    ('002_67f63233687a9b72.txt', 30),
    ('002_67f63233687a9b72.txt', 33),
    ('002_67f63233687a9b72.txt', 45),
    ('002_67f63233687a9b72.txt', 47),
    ('002_67f63233687a9b72.txt', 54),
    ('002_67f63233687a9b72.txt', 55),
    ('002_67f63233687a9b72.txt', 58),
    ('002_67f63233687a9b72.txt', 64),
    ('002_67f63233687a9b72.txt', 65),
    ('002_67f63233687a9b72.txt', 71),
    ('002_67f63233687a9b72.txt', 79),
    ('002_67f63233687a9b72.txt', 82),
    ('002_67f63233687a9b72.txt', 83),
    ('002_67f63233687a9b72.txt', 92),
    ('002_67f63233687a9b72.txt', 94),
    ('003_a399d85d958fe749.txt', 1),
    ('003_a399d85d958fe749.txt', 4),
    ('004_63a69d9ab5b2d910.txt', 8),
    ('004_63a69d9ab5b2d910.txt', 9),
    ('004_63a69d9ab5b2d910.txt', 12),
    ('004_63a69d9ab5b2d910.txt', 13),
}


def _heldout2_draw():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout-2.draw.py")
    spec = importlib.util.spec_from_file_location("heldout2_draw", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw():
    """Prints this set's draw and returns the drawn (file, line number, text); heldout-3.draw.py excludes them."""
    return _heldout2_draw().draw(SEED, TOTAL, NOT_ASKABLE, EXCLUDE)


if __name__ == "__main__":
    draw()
