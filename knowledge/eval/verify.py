#!/usr/bin/env python3
"""Sanity-check the retrieval eval sets against the seed guides.

Usage: python3 knowledge/eval/verify.py [--seeds /work/shared/seeds] [--files a.jsonl b.jsonl ...] (--files last)
Checks, for questions.jsonl, the held-out sets, dev-paraphrases.jsonl, dev-paraphrases-2.jsonl and dev-blind.jsonl (or only the --files
named, e.g. the development sets alone, so checking them never reads the held-out set):
  * every line is JSON with question/evidence/guide
  * guide names an existing seed file
  * evidence (whitespace collapsed) occurs verbatim in that seed, within one line/paragraph
  * evidence is 5-15 words and does not span a sentence boundary
  * questions have >= 4 words and are unique within and across the files
"""
import json, os, re, sys
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
seeds = sys.argv[sys.argv.index("--seeds") + 1] if "--seeds" in sys.argv else "/work/shared/seeds"
ws = lambda s: re.sub(r"\s+", " ", s).strip()

texts = {f: open(os.path.join(seeds, f), encoding="utf-8").read() for f in os.listdir(seeds) if f.endswith(".txt")}
lines = {f: [ws(l) for l in t.splitlines() if l.strip()] for f, t in texts.items()}

errors, seen = [], {}
names = sys.argv[sys.argv.index("--files") + 1:] if "--files" in sys.argv else \
    ["questions.jsonl", "heldout.jsonl", "heldout-2.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl", "dev-blind.jsonl", "heldout-3.jsonl"]
for name in names:
    dist = Counter()
    with open(os.path.join(here, name), encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            where = f"{name}:{n}"
            try:
                o = json.loads(raw)
            except Exception as ex:
                errors.append(f"{where}: bad JSON ({ex})"); continue
            q, e, g = o.get("question", ""), o.get("evidence", ""), o.get("guide", "")
            if set(o) != {"question", "evidence", "guide"}:
                errors.append(f"{where}: unexpected keys {sorted(o)}")
            if g not in texts:
                errors.append(f"{where}: unknown guide {g!r}"); continue
            dist[g] += 1
            ev = ws(e)
            if ev not in ws(texts[g]):
                errors.append(f"{where}: evidence not found in {g}: {e!r}")
            elif not any(ev in l for l in lines[g]):
                errors.append(f"{where}: evidence spans paragraphs: {e!r}")
            if not 5 <= len(ev.split()) <= 15:
                errors.append(f"{where}: evidence has {len(ev.split())} words")
            if re.search(r"[.!?]\s+[A-Z]", ev):
                errors.append(f"{where}: evidence spans sentences: {e!r}")
            if len(q.split()) < 4:
                errors.append(f"{where}: question too short: {q!r}")
            key = ws(q).lower()
            if key in seen:
                errors.append(f"{where}: duplicate question (also {seen[key]}): {q!r}")
            seen[key] = where
    total = sum(dist.values())
    print(f"{name}: {total} lines")
    for g in sorted(dist):
        print(f"  {g}: {dist[g]} ({100 * dist[g] / total:.0f}%)")

if errors:
    print(f"FAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: all evidence strings found in their seed files; all questions unique")
