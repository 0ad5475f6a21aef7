#!/usr/bin/env python3
"""Reproducible draw of paragraphs for the held-out-2 retrieval eval set.

random.seed(20261207). Paragraphs = non-empty lines of each seed file.
Eligible: >= 12 words (HTML tags stripped for counting), not a heading,
not a teaser line advertising other articles.  45 paragraphs are drawn
without replacement, in proportion to each guide's number of eligible
paragraphs (largest-remainder rounding).  Within a guide the eligible
paragraphs are shuffled once; the first `quota` are taken.  If a drawn
paragraph has nothing a junior developer could ask about (pure filler /
page chrome), the next paragraph of that guide's shuffled order is
drawn instead; such replacements are listed in NOT_ASKABLE and reported.
"""
import glob
import os
import random
import re

SEEDS = "/work/shared/seeds"
TOTAL = 45
TEASER_PREFIXES = ("read more", "related", "also read", "read also",
                   "discover more", "like this post", "leave a reply")

# Paragraphs judged non-askable after reading the draw (file, line number
# among non-empty lines).  Filled in after inspecting the first draw; each
# one is replaced by the next paragraph of the same guide.
NOT_ASKABLE = {
    ("001_cd6938ea381767ea.txt", 67): "signposting intro of Part 3 (announces what the part will cover)",
    ("001_cd6938ea381767ea.txt", 33): "signposting intro of Part 1",
    ("001_cd6938ea381767ea.txt", 118): "signposting intro of Part 6",
    ("001_cd6938ea381767ea.txt", 103): "signposting intro of Part 5",
    ("001_cd6938ea381767ea.txt", 66): "signposting intro of Part 3",
    ("001_cd6938ea381767ea.txt", 119): "signposting intro of Part 6",
    ("001_cd6938ea381767ea.txt", 81): "remark about the article's own visual aids",
    ("001_cd6938ea381767ea.txt", 31): "signposting intro of Part 1",
    ("002_67f63233687a9b72.txt", 55): "bare analogy, states no fact or advice",
}


def words(s):
    return re.sub(r"<[^>]+>", " ", s).split()


def paragraphs(path):
    out = []
    in_teaser_section = False
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    for n, line in enumerate(lines, 1):
        low = line.lower()
        if low.startswith("related resources") or low.startswith("discover more"):
            in_teaser_section = True  # rest of the file lists other articles
        if in_teaser_section:
            continue
        if line.startswith("#"):
            continue  # heading
        if low.startswith(TEASER_PREFIXES):
            continue  # teaser for another article
        if line.endswith("…") or line.endswith("..."):
            continue  # truncated teaser of another article
        if len(words(line)) < 12:
            continue  # short line / heading / bare title
        out.append((n, line))
    return out


def quotas(elig, total):
    """Each guide's share of `total`, in proportion to its eligible paragraphs (largest-remainder rounding)."""
    total_elig = sum(len(v) for v in elig.values())
    exact = {k: total * len(v) / total_elig for k, v in elig.items()}
    quota = {k: int(x) for k, x in exact.items()}
    rest = total - sum(quota.values())
    for k in sorted(exact, key=lambda k: exact[k] - quota[k], reverse=True)[:rest]:
        quota[k] += 1
    return exact, quota


def walk(elig, counts, not_askable, exclude, excluded_by):
    """Takes counts[k] paragraphs of each guide's shuffled order, passing over (and reporting) excluded and non-askable ones."""
    drawn = []
    for k in sorted(elig):
        order = elig[k][:]
        random.shuffle(order)
        taken = 0
        for n, line in order:
            if taken == counts[k]:
                break
            if (k, n) in exclude:
                print(f"# EXCLUDED {k} line {n} ({excluded_by}); drawing next")
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


def eligible():
    """Each seed guide's eligible paragraphs, by file name."""
    return {os.path.basename(f): paragraphs(f) for f in sorted(glob.glob(os.path.join(SEEDS, "*.txt")))}


def draw(seed, total, not_askable, exclude=frozenset()):
    """Prints the draw: quotas, replacements, then the drawn paragraphs, and returns them.  Also used by dev-blind.draw.py."""
    random.seed(seed)
    elig = eligible()
    exact, quota = quotas(elig, total)
    for k in sorted(elig):
        print(f"# {k}: {len(elig[k])} eligible, quota {quota[k]} (exact {exact[k]:.2f})")
    return walk(elig, quota, not_askable, exclude, "drawn by heldout-2.draw.py")


def main():
    draw(20261207, TOTAL, NOT_ASKABLE)


if __name__ == "__main__":
    main()
