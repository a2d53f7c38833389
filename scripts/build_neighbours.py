#!/usr/bin/env python3
"""Build a nearest-neighbour table from citebot's static word vectors.

For every word in assets/embeddings/vocab.txt, find its top K (default 12)
nearest other words by cosine similarity of the dequantised vectors
(vectors.i8 / 127), keeping only neighbours with cosine >= MIN (default 0.60).
Nothing is excluded except the word itself; inflections such as
`arrest`/`arrested` are kept as neighbours.

Output (assets/embeddings/neighbours.tsv), one line per word that has at least
one neighbour, sorted by word (plain codepoint order):

    word<TAB>n1:0.83 n2:0.80 ...

Neighbours come best first, and cosines have 2 decimals. Ties in the exact
cosine are broken by vocab row, so the more frequent word comes first.

Determinism: the int8 rows are multiplied as float32 holding whole numbers.
Every partial sum stays below 128*127*127 < 2**24, so every dot product is
exact and does not depend on BLAS, thread count or summation order. All
candidates above a float32 pre-filter (MIN - 1e-4) are re-scored in float64 as
dot / (|a| |b|); the threshold and ranking use that exact cosine. The
/127 scale cancels out of the cosine. Rows are processed in blocks (default
2,000 x 40,000) to keep memory low.

Usage (from the repository root):
  nice -n 10 /tmp/embvenv/bin/python scripts/build_neighbours.py
"""

import argparse
import os
import sys

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMB = os.path.join(REPO, "assets", "embeddings")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--emb-dir", default=EMB)
    ap.add_argument("--out", default=os.path.join(EMB, "neighbours.tsv"))
    ap.add_argument("--k", type=int, default=12, help="neighbours per word (default 12)")
    ap.add_argument("--min", type=float, default=0.60, help="minimum cosine (default 0.60)")
    ap.add_argument("--block", type=int, default=2000, help="rows per block (default 2000)")
    args = ap.parse_args()

    t0 = time.time()
    with open(os.path.join(args.emb_dir, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    rows, dim = meta["rows"], meta["dim"]
    with open(os.path.join(args.emb_dir, "vocab.txt"), encoding="utf-8") as f:
        vocab = f.read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    if len(vocab) != rows:
        sys.exit(f"vocab.txt has {len(vocab)} lines, meta.json says {rows}")
    q = np.fromfile(os.path.join(args.emb_dir, "vectors.i8"), dtype=np.int8)
    if q.size != rows * dim:
        sys.exit(f"vectors.i8 has {q.size} values, expected {rows * dim}")
    q = q.reshape(rows, dim)

    qi = q.astype(np.int64)
    sq = (qi * qi).sum(axis=1)  # exact squared norms (integer units)
    if (sq == 0).any():
        sys.exit("zero vector in vectors.i8")
    norm = np.sqrt(sq.astype(np.float64))
    qf = q.astype(np.float32)  # whole numbers; products/sums exact in float32
    qfT = np.ascontiguousarray(qf.T)
    qd = q.astype(np.float64)
    inv32 = (1.0 / norm).astype(np.float32)

    k = args.k
    thr = np.float32(args.min - 1e-4)  # float32 pre-filter margin; exact test below
    out = {}
    for start in range(0, rows, args.block):
        stop = min(start + args.block, rows)
        dots = qf[start:stop] @ qfT  # exact integer dot products
        cos = dots  # in place: cos = dots / (|a| |b|) in float32
        cos *= inv32[start:stop, None]
        cos *= inv32[None, :]
        idx = np.arange(stop - start)
        cos[idx, start + idx] = -np.inf  # exclude the word itself
        rr, cc = np.nonzero(cos >= thr)  # row-major: grouped by row, cols ascending
        bounds = np.searchsorted(rr, np.arange(stop - start + 1))
        for r in range(stop - start):
            cj = cc[bounds[r]:bounds[r + 1]]
            if cj.size == 0:
                continue
            i = start + r
            exact = (qd[cj] @ qd[i]) / (norm[cj] * norm[i])  # float64, exact dots
            keep = exact >= args.min
            cj, exact = cj[keep], exact[keep]
            if cj.size == 0:
                continue
            order = np.lexsort((cj, -exact))[:k]
            out[vocab[i]] = " ".join(f"{vocab[j]}:{exact[o]:.2f}"
                                     for o, j in zip(order, cj[order]))
        del dots, cos, rr, cc

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for w in sorted(out):
            f.write(f"{w}\t{out[w]}\n")
    print(f"{len(out)} of {rows} words have >=1 neighbour (k={k}, min={args.min}); "
          f"wrote {args.out} in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
