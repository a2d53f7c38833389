#!/usr/bin/env python3
"""How steady the answers are when a question is typed the way people type in chat.

usage: python3 scripts/robustness.py [CITEBOT]    (from the repository root; default
       ./target/release/citebot)

Takes every distinct question of ../shared/eval/dev-questions.jsonl and tests/eval/*.jsonl that
the engine answers right (top citation holds the gold evidence, or an abstention where the
article has no answer), asks it again wrapped or misspelt in one way at a time ("hey, ...",
"quick question: ...", upper case, a letter dropped, ...), and prints how many of those right
answers each way breaks, with examples. Nothing here is tuned on: it measures.
"""
import glob
import json
import re
import subprocess
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def longest_word_edit(q, edit):
    words = q.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    if len(words[i]) >= 6:
        words[i] = edit(words[i], len(words[i]) // 2)
    return " ".join(words)


WAYS = {
    "upper case": lambda q: q.upper(),
    "hey, ...": lambda q: "hey, " + q,
    "sorry, ...": lambda q: "sorry, " + q,
    "quick question: ...": lambda q: "quick question: " + q,
    "can you tell me ...": lambda q: "can you tell me " + q,
    "do you know ...": lambda q: "do you know " + q,
    "i want to know ...": lambda q: "i want to know " + q,
    "according to the article, ...": lambda q: "according to the article, " + q,
    "... in the article?": lambda q: q.rstrip("?") + " in the article?",
    "... please?": lambda q: q.rstrip("?") + " please?",
    "@citebot ...": lambda q: "@citebot " + q,
    "citebot, ...": lambda q: "citebot, " + q,
    "Hi! I read the article. ...": lambda q: "Hi! I read the article. " + q[:1].upper() + q[1:],
    "i'm confused - ...": lambda q: "i'm confused - " + q,
    "... ??": lambda q: q.rstrip("?") + " ??",
    "...!!!": lambda q: q.rstrip("?") + "!!!",
    "... 🤔": lambda q: q + " 🤔",
    "tell me ...": lambda q: "tell me " + q,
    "Q: ...": lambda q: "Q: " + q,
    "... exactly?": lambda q: q.rstrip("?") + " exactly?",
    "... in the story?": lambda q: q.rstrip("?") + " in the story?",
    "... thanks": lambda q: q.rstrip("?") + "? thanks",
    "pls ...": lambda q: "pls " + q,
    "no punctuation": lambda q: re.sub(r"[^\w\s'-]", "", q),
    "a letter doubled": lambda q: longest_word_edit(q, lambda w, m: w[:m] + w[m] + w[m:]),
    "ppl/u/r": lambda q: re.sub(r"\bpeople\b", "ppl", re.sub(r"\byou\b", "u", re.sub(r"\bare\b", "r", q))),
    "a letter dropped": lambda q: longest_word_edit(q, lambda w, m: w[:m] + w[m + 1 :]),
    "two letters swapped": lambda q: longest_word_edit(
        q, lambda w, m: w[:m] + w[m + 1] + w[m] + w[m + 2 :]
    ),
}


def ask(binary, questions):
    out = subprocess.run(
        [binary, "ask", "--json"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def right(gold, run):
    cites = [norm(c["text"]) for c in run.get("citations") or []]
    evidence = [norm(e) for e in gold["evidence"]]
    if evidence:
        return bool(run["found"]) and bool(cites) and any(e in cites[0] for e in evidence)
    return not run["found"]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./target/release/citebot"
    files = ["../shared/eval/dev-questions.jsonl"] + sorted(glob.glob("tests/eval/*.jsonl"))
    golds, seen = [], set()
    for path in files:
        try:
            lines = open(path, encoding="utf-8").read().splitlines()
        except FileNotFoundError:
            continue
        for line in lines:
            if line.strip():
                g = json.loads(line)
                if g["q"] not in seen:
                    seen.add(g["q"])
                    golds.append(g)
    plain = ask(binary, [g["q"] for g in golds])
    steady = [g for g, r in zip(golds, plain) if right(g, r)]
    print(f"{len(steady)} of {len(golds)} questions answered right as written")
    for name, way in WAYS.items():
        runs = ask(binary, [way(g["q"]) for g in steady])
        broken = [way(g["q"]) for g, r in zip(steady, runs) if not right(g, r)]
        examples = "; ".join(broken[:2])
        print(f"{name:32s} breaks {len(broken):4d}   {examples}")


if __name__ == "__main__":
    main()
