#!/usr/bin/env python3
"""Reproducible draw of paragraphs for the held-out-3 retrieval eval set
(heldout-2.draw.py's eligibility and proportional quotas, with its own seed,
replacements and exclusions).

random.seed(20261209). Paragraphs = non-empty lines of each seed file.
Eligible (heldout-2.draw.py's `paragraphs`): >= 12 words (HTML tags stripped
for counting), not a heading, not a teaser line advertising other articles.
Quotas: TOTAL = 45 in proportion to each guide's number of eligible
paragraphs (largest-remainder rounding, exactly as heldout-2.draw.py).

EXCLUDE lists every paragraph drawn or SKIPPED by heldout-2.draw.py
(random.seed(20261207)) and by dev-blind.draw.py (random.seed(20261208)),
copied from their output; they are never drawn here.  NOT_ASKABLE lists the
paragraphs with nothing a junior developer would ask about (page chrome,
pure signposting, bare analogy), judged after reading the draw.

A guide's "askable remaining" paragraphs are its eligible paragraphs minus
EXCLUDE and NOT_ASKABLE.  When a guide has fewer of them than its quota, it
gets all of them, and the shortfall is handed out one at a time to the guide
with the most askable paragraphs still untaken (largest remaining first,
ties by file name), while any guide has some left.  If fewer than TOTAL
askable paragraphs remain in all, the set is smaller; the script says so.

Within a guide the eligible paragraphs are shuffled once (guides in file
name order); walking that order, EXCLUDE and NOT_ASKABLE paragraphs are
passed over (and reported) and the next one is taken, until the guide's
final quota is reached.
"""
import glob
import importlib.util
import os
import random

TOTAL = 45
SEED = 20261209

# Paragraphs judged non-askable after reading the draw (file, line number
# among non-empty lines).  Each one is passed over like an EXCLUDE paragraph.
NOT_ASKABLE = {
    ("001_cd6938ea381767ea.txt", 32): "signposting intro of Part 1 (says what 'will be highlighted' and what 'this part also considers')",
    ("002_67f63233687a9b72.txt", 5): "bare analogy (backend as a car engine), states no fact or advice (like heldout-2's line 55)",
    ("002_67f63233687a9b72.txt", 80): "signposting (\"how do you show off these skills? Let's break it down:\" introduces the list that follows)",
    ("002_67f63233687a9b72.txt", 127): "page chrome: the article author's biography",
    ("004_63a69d9ab5b2d910.txt", 4): "signposting (\"These skills include:\" introduces the list that follows), states no skill",
}

# Paragraphs DRAWN by heldout-2.draw.py (45), copied from its output.
DRAWN_HELDOUT2 = {
    ('000_9469583b8f6ca5d5.txt', 22),
    ('000_9469583b8f6ca5d5.txt', 52),
    ('000_9469583b8f6ca5d5.txt', 62),
    ('001_cd6938ea381767ea.txt', 35),
    ('001_cd6938ea381767ea.txt', 41),
    ('001_cd6938ea381767ea.txt', 44),
    ('001_cd6938ea381767ea.txt', 45),
    ('001_cd6938ea381767ea.txt', 54),
    ('001_cd6938ea381767ea.txt', 56),
    ('001_cd6938ea381767ea.txt', 73),
    ('001_cd6938ea381767ea.txt', 75),
    ('001_cd6938ea381767ea.txt', 76),
    ('001_cd6938ea381767ea.txt', 78),
    ('001_cd6938ea381767ea.txt', 92),
    ('001_cd6938ea381767ea.txt', 96),
    ('001_cd6938ea381767ea.txt', 98),
    ('001_cd6938ea381767ea.txt', 99),
    ('001_cd6938ea381767ea.txt', 101),
    ('001_cd6938ea381767ea.txt', 106),
    ('001_cd6938ea381767ea.txt', 115),
    ('001_cd6938ea381767ea.txt', 117),
    ('001_cd6938ea381767ea.txt', 128),
    ('002_67f63233687a9b72.txt', 6),
    ('002_67f63233687a9b72.txt', 26),
    ('002_67f63233687a9b72.txt', 29),
    ('002_67f63233687a9b72.txt', 30),
    ('002_67f63233687a9b72.txt', 33),
    ('002_67f63233687a9b72.txt', 45),
    ('002_67f63233687a9b72.txt', 47),
    ('002_67f63233687a9b72.txt', 54),
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
# Paragraphs SKIPPED (NOT_ASKABLE) by the same script (9), copied from its output.
SKIPPED_HELDOUT2 = {
    ('001_cd6938ea381767ea.txt', 31),
    ('001_cd6938ea381767ea.txt', 33),
    ('001_cd6938ea381767ea.txt', 66),
    ('001_cd6938ea381767ea.txt', 67),
    ('001_cd6938ea381767ea.txt', 81),
    ('001_cd6938ea381767ea.txt', 103),
    ('001_cd6938ea381767ea.txt', 118),
    ('001_cd6938ea381767ea.txt', 119),
    ('002_67f63233687a9b72.txt', 55),
}
# Paragraphs DRAWN by dev-blind.draw.py (60), copied from its output.
DRAWN_DEV_BLIND = {
    ('000_9469583b8f6ca5d5.txt', 13),
    ('000_9469583b8f6ca5d5.txt', 34),
    ('000_9469583b8f6ca5d5.txt', 47),
    ('000_9469583b8f6ca5d5.txt', 61),
    ('001_cd6938ea381767ea.txt', 36),
    ('001_cd6938ea381767ea.txt', 42),
    ('001_cd6938ea381767ea.txt', 49),
    ('001_cd6938ea381767ea.txt', 53),
    ('001_cd6938ea381767ea.txt', 57),
    ('001_cd6938ea381767ea.txt', 59),
    ('001_cd6938ea381767ea.txt', 60),
    ('001_cd6938ea381767ea.txt', 62),
    ('001_cd6938ea381767ea.txt', 63),
    ('001_cd6938ea381767ea.txt', 69),
    ('001_cd6938ea381767ea.txt', 70),
    ('001_cd6938ea381767ea.txt', 72),
    ('001_cd6938ea381767ea.txt', 79),
    ('001_cd6938ea381767ea.txt', 83),
    ('001_cd6938ea381767ea.txt', 90),
    ('001_cd6938ea381767ea.txt', 95),
    ('001_cd6938ea381767ea.txt', 105),
    ('001_cd6938ea381767ea.txt', 108),
    ('001_cd6938ea381767ea.txt', 111),
    ('001_cd6938ea381767ea.txt', 112),
    ('001_cd6938ea381767ea.txt', 114),
    ('001_cd6938ea381767ea.txt', 120),
    ('001_cd6938ea381767ea.txt', 124),
    ('001_cd6938ea381767ea.txt', 126),
    ('001_cd6938ea381767ea.txt', 129),
    ('001_cd6938ea381767ea.txt', 132),
    ('002_67f63233687a9b72.txt', 10),
    ('002_67f63233687a9b72.txt', 12),
    ('002_67f63233687a9b72.txt', 23),
    ('002_67f63233687a9b72.txt', 34),
    ('002_67f63233687a9b72.txt', 35),
    ('002_67f63233687a9b72.txt', 39),
    ('002_67f63233687a9b72.txt', 41),
    ('002_67f63233687a9b72.txt', 43),
    ('002_67f63233687a9b72.txt', 60),
    ('002_67f63233687a9b72.txt', 63),
    ('002_67f63233687a9b72.txt', 66),
    ('002_67f63233687a9b72.txt', 68),
    ('002_67f63233687a9b72.txt', 73),
    ('002_67f63233687a9b72.txt', 75),
    ('002_67f63233687a9b72.txt', 76),
    ('002_67f63233687a9b72.txt', 84),
    ('002_67f63233687a9b72.txt', 86),
    ('002_67f63233687a9b72.txt', 87),
    ('002_67f63233687a9b72.txt', 89),
    ('002_67f63233687a9b72.txt', 93),
    ('002_67f63233687a9b72.txt', 110),
    ('002_67f63233687a9b72.txt', 117),
    ('002_67f63233687a9b72.txt', 121),
    ('003_a399d85d958fe749.txt', 2),
    ('003_a399d85d958fe749.txt', 6),
    ('004_63a69d9ab5b2d910.txt', 5),
    ('004_63a69d9ab5b2d910.txt', 6),
    ('004_63a69d9ab5b2d910.txt', 10),
    ('004_63a69d9ab5b2d910.txt', 11),
    ('004_63a69d9ab5b2d910.txt', 14),
}
# Paragraphs SKIPPED (NOT_ASKABLE) by the same script (17), copied from its output.
SKIPPED_DEV_BLIND = {
    ('001_cd6938ea381767ea.txt', 28),
    ('001_cd6938ea381767ea.txt', 47),
    ('001_cd6938ea381767ea.txt', 48),
    ('001_cd6938ea381767ea.txt', 51),
    ('001_cd6938ea381767ea.txt', 85),
    ('001_cd6938ea381767ea.txt', 86),
    ('001_cd6938ea381767ea.txt', 87),
    ('001_cd6938ea381767ea.txt', 102),
    ('001_cd6938ea381767ea.txt', 121),
    ('002_67f63233687a9b72.txt', 7),
    ('002_67f63233687a9b72.txt', 8),
    ('002_67f63233687a9b72.txt', 24),
    ('002_67f63233687a9b72.txt', 52),
    ('002_67f63233687a9b72.txt', 62),
    ('002_67f63233687a9b72.txt', 112),
    ('004_63a69d9ab5b2d910.txt', 17),
    ('004_63a69d9ab5b2d910.txt', 18),
}

EXCLUDE = DRAWN_HELDOUT2 | SKIPPED_HELDOUT2 | DRAWN_DEV_BLIND | SKIPPED_DEV_BLIND


def _heldout2_draw():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout-2.draw.py")
    spec = importlib.util.spec_from_file_location("heldout2_draw", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw(seed=SEED, total=TOTAL, not_askable=NOT_ASKABLE, exclude=EXCLUDE):
    h2 = _heldout2_draw()
    random.seed(seed)
    files = sorted(glob.glob(os.path.join(h2.SEEDS, "*.txt")))
    elig = {os.path.basename(f): h2.paragraphs(f) for f in files}

    # heldout-2.draw.py's proportional quotas (largest-remainder rounding).
    total_elig = sum(len(v) for v in elig.values())
    exact = {k: total * len(v) / total_elig for k, v in elig.items()}
    quota = {k: int(x) for k, x in exact.items()}
    rest = total - sum(quota.values())
    for k in sorted(exact, key=lambda k: exact[k] - quota[k], reverse=True)[:rest]:
        quota[k] += 1

    # Askable paragraphs still unused; cap quotas and hand out the shortfall.
    avail = {k: sum(1 for n, _ in v if (k, n) not in exclude and (k, n) not in not_askable)
             for k, v in elig.items()}
    final = {k: min(quota[k], avail[k]) for k in elig}
    shortfall = sum(quota[k] - final[k] for k in elig)
    given = {k: 0 for k in elig}
    while shortfall > 0:
        left = [k for k in sorted(elig) if avail[k] > final[k]]
        if not left:
            break
        k = max(left, key=lambda k: avail[k] - final[k])  # largest remaining first (ties: file name)
        final[k] += 1
        given[k] += 1
        shortfall -= 1
    for k in sorted(elig):
        n_ex = sum(1 for n, _ in elig[k] if (k, n) in exclude)
        n_na = sum(1 for n, _ in elig[k] if (k, n) in not_askable)
        print(f"# {k}: {len(elig[k])} eligible, quota {quota[k]} (exact {exact[k]:.2f}); "
              f"{n_ex} excluded, {n_na} not askable, {avail[k]} askable remaining; "
              f"final {final[k]} (shortfall {max(0, quota[k] - avail[k])}, received {given[k]})")
    got = sum(final.values())
    if got < total:
        print(f"# SMALLER SET: only {got} askable paragraphs remain in all guides, "
              f"{total - got} short of {total}")

    drawn = []
    for k in sorted(elig):
        order = elig[k][:]
        random.shuffle(order)
        taken = 0
        for n, line in order:
            if taken == final[k]:
                break
            if (k, n) in exclude:
                print(f"# EXCLUDED {k} line {n} (drawn or skipped by heldout-2/dev-blind); drawing next")
                continue
            if (k, n) in not_askable:
                print(f"# SKIPPED {k} line {n} (not askable: {not_askable[(k, n)]}); drawing next")
                continue
            drawn.append((k, n, line))
            taken += 1
    print()
    for i, (k, n, line) in enumerate(drawn, 1):
        print(f"[{i:02d}] {k} line {n}\n{line}\n")
    return drawn


if __name__ == "__main__":
    draw()
