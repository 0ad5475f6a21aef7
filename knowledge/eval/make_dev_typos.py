#!/usr/bin/env python3
"""Writes dev-typos.jsonl: the three development sets' questions with chat-style typos (#12, round 5).

Deterministic (random.seed(20261205)). Per question, one or two words of four letters or more get one edit each
(a letter dropped, two neighbours swapped, a letter doubled, or a neighbouring key), and a few common chat
spellings are applied ("how" -> "hw", "you" -> "u", "learn" -> "lern", "what" -> "wat", "really" -> "rly").
Evidence and guide are kept. Only the development sets are read; the held-out set is not.
"""
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = ["questions.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl"]
CHAT = {"how": "hw", "you": "u", "learn": "lern", "what": "wat", "really": "rly", "should": "shud", "because": "bc"}
KEYS = "qwertyuiop asdfghjkl zxcvbnm".split()


def neighbour(letter):
    for row in KEYS:
        i = row.find(letter)
        if i >= 0:
            return row[i - 1] if i > 0 and (i == len(row) - 1 or random.random() < 0.5) else row[min(i + 1, len(row) - 1)]
    return letter


def misspell(word):
    i = random.randrange(1, len(word) - 1)
    kind = random.choice(["drop", "swap", "double", "key"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + neighbour(word[i]) + word[i + 1:]


def main():
    random.seed(20261205)
    out = []
    for source in SOURCES:
        for line in (HERE / source).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            words = case["question"].split(" ")
            for i, w in enumerate(words):
                bare = w.lower().strip("?,.!")
                if bare in CHAT and random.random() < 0.5:
                    words[i] = w.lower().replace(bare, CHAT[bare])
            candidates = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Za-z]{4,}[?,.!]?", w)]
            for i in random.sample(candidates, min(len(candidates), random.choice([1, 2]))):
                core = re.match(r"[A-Za-z]+", words[i]).group(0)
                words[i] = misspell(core) + words[i][len(core):]
            out.append({"question": " ".join(words), "evidence": case["evidence"], "guide": case["guide"]})
    with open(HERE / "dev-typos.jsonl", "w", encoding="utf-8") as f:
        for case in out:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
