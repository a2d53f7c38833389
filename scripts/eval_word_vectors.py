#!/usr/bin/env python3
"""Score static word vectors in citebot's format (vocab.txt, vectors.i8, meta.json).

Prints, for each --emb-dir given:
  * mean cosine over a generic list of related word pairs and of unrelated pairs,
    their difference (separation) and the AUC (share of related/unrelated pair
    combinations ordered correctly);
  * Spearman rho on WordSim-353 and SimLex-999 (pairs with both words in the
    vocab), if --ws353 / --simlex point at those files (gensim's wheel ships both
    under gensim/test/test_data/: wordsim353.tsv, simlex999.txt).

Usage: python3 scripts/eval_word_vectors.py [--emb-dir DIR ...] [--ws353 F] [--simlex F] [--pairs]
Needs numpy only.
"""
import argparse
import json
import os

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RELATED = (
    "wear shirt|carry hold|sign placard|staff team|protester demonstrator|detained arrested|"
    "biggest largest|resign quit|promise pledge|published uploaded|die killed|car automobile|"
    "doctor physician|happy glad|city town|buy purchase|big large|small little|begin start|"
    "end finish|fast quick|house home|road street|child kid|talk speak|angry mad|rich wealthy|"
    "answer reply|error mistake|help assist|injured wounded|police cops|husband spouse|"
    "shocked surprised|election vote|money cash|ship boat|forest woods|river stream|gift present|"
    "fight battle|sick ill|smart clever|job work|shop store|film movie|couch sofa|rock stone|"
    "hat cap|student pupil|teacher professor|attack assault|choose select|build construct|"
    "company firm|wedding marriage|sad unhappy|aid help|arrest detain|killed dead|crowd protesters|"
    "sanctions penalties|court judge|lawyer attorney|ban prohibit|rise increase|drop fall")
UNRELATED = (
    "car banana|doctor guitar|happy volcano|city spoon|buy giraffe|wear election|carry democracy|"
    "staff rainbow|protester cheese|detained balloons|biggest pencil|resign colour|promise carpet|"
    "published tomato|police flowers|husband sanctions|election torture|river keyboard|"
    "teacher asteroid|sofa parliament|hat algebra|ship vaccine|forest lawyer|gift hurricane|"
    "movie diesel")
RELATED = [tuple(p.split()) for p in RELATED.split("|")]
UNRELATED = [tuple(p.split()) for p in UNRELATED.split("|")]


def load(d):
    with open(os.path.join(d, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(d, "vocab.txt"), encoding="utf-8") as f:
        vocab = f.read().split("\n")[:meta["rows"]]
    m = np.fromfile(os.path.join(d, "vectors.i8"), dtype=np.int8)
    m = m.reshape(meta["rows"], meta["dim"]).astype(np.float64)
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
    return {w: i for i, w in enumerate(vocab)}, m


def spearman(a, b):
    def rank(x):
        x = np.asarray(x, dtype=np.float64)
        r = np.empty(len(x))
        r[np.argsort(x, kind="stable")] = np.arange(len(x))
        for v in np.unique(x):
            s = x == v
            if s.sum() > 1:
                r[s] = r[s].mean()
        return r
    return float(np.corrcoef(rank(a), rank(b))[0, 1])


def read_sim(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b, s = line.rstrip("\n").split("\t")[:3]
            out.append((a.lower(), b.lower(), float(s)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--emb-dir", action="append")
    ap.add_argument("--ws353")
    ap.add_argument("--simlex")
    ap.add_argument("--pairs", action="store_true", help="print every pair's cosine")
    args = ap.parse_args()
    dirs = args.emb_dir or [os.path.join(REPO, "assets", "embeddings")]
    sims = [(n, read_sim(p)) for n, p in (("WS353", args.ws353), ("SimLex", args.simlex)) if p]
    for d in dirs:
        idx, m = load(d)

        def cos(a, b):
            return float(m[idx[a]] @ m[idx[b]]) if a in idx and b in idx else None
        r = [cos(a, b) for a, b in RELATED]
        u = [cos(a, b) for a, b in UNRELATED]
        rv = [x for x in r if x is not None]
        uv = [x for x in u if x is not None]
        auc = float(np.mean([[x > y for y in uv] for x in rv]))
        line = (f"{d}: related {np.mean(rv):.3f} (n={len(rv)}) unrelated {np.mean(uv):.3f} "
                f"(n={len(uv)}) separation {np.mean(rv) - np.mean(uv):.3f} AUC {auc:.3f}")
        for name, data in sims:
            xs = [(cos(a, b), s) for a, b, s in data if a in idx and b in idx]
            line += f"; {name} rho {spearman([x for x, _ in xs], [s for _, s in xs]):.3f} (n={len(xs)})"
        print(line)
        if args.pairs:
            for (a, b), x in list(zip(RELATED, r)) + [(("--", "unrelated"), None)] + list(zip(UNRELATED, u)):
                print(f"  {a}~{b}: {'-' if x is None else f'{x:.2f}'}")


if __name__ == "__main__":
    main()
