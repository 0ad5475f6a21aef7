#!/usr/bin/env python3
"""Reproducible draw of paragraphs for the held-out-3 retrieval eval set
(heldout-2.draw.py's eligibility and proportional quotas, with its own seed,
replacements and exclusions).

random.seed(20261209). Paragraphs = non-empty lines of each seed file.
Eligible (heldout-2.draw.py's `paragraphs`): >= 12 words (HTML tags stripped
for counting), not a heading, not a teaser line advertising other articles.
Quotas: TOTAL = 45 in proportion to each guide's number of eligible
paragraphs (largest-remainder rounding, exactly as heldout-2.draw.py).

EXCLUDE holds every paragraph drawn or SKIPPED by heldout-2.draw.py
(random.seed(20261207)) and by dev-blind.draw.py (random.seed(20261208)),
taken from those scripts (dev-blind's EXCLUDE and NOT_ASKABLE, and its draw
re-run quietly); they are never drawn here.  NOT_ASKABLE lists the
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
import contextlib
import importlib.util
import io
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


def _load(name):
    """A sibling draw script, as a module."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    spec = importlib.util.spec_from_file_location(name.replace("-", "_").replace(".", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEV_BLIND = _load("dev-blind.draw.py")
H2 = DEV_BLIND._heldout2_draw()


def excluded():
    """Paragraphs drawn or skipped by heldout-2.draw.py and by dev-blind.draw.py."""
    with contextlib.redirect_stdout(io.StringIO()):
        drawn_dev_blind = {(k, n) for k, n, _ in DEV_BLIND.draw()}
    return set(DEV_BLIND.EXCLUDE) | set(DEV_BLIND.NOT_ASKABLE) | drawn_dev_blind


def draw(seed=SEED, total=TOTAL, not_askable=NOT_ASKABLE, exclude=None):
    exclude = excluded() if exclude is None else exclude
    random.seed(seed)
    elig = H2.eligible()
    exact, quota = H2.quotas(elig, total)

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

    return H2.walk(elig, final, not_askable, exclude, "drawn or skipped by heldout-2/dev-blind")


if __name__ == "__main__":
    draw()
