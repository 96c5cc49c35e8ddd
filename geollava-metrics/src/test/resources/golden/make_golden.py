"""Regenerates the golden fixtures of geollava-metrics from the reference libraries.

Run with NLTK and sacreBLEU installed (made with nltk 3.10.3 and sacrebleu 2.6.0, Python 3.11):
    python make_golden.py
Writes porter_nltk.tsv (word -> PorterStemmer().stem(word), NLTK_EXTENSIONS mode),
bleu_nltk.jsonl (sentence_bleu / corpus_bleu with weights and smoothing methods 0-7) and
tok13a_sacrebleu.jsonl (sacreBLEU's Tokenizer13a). Inputs are generated with a fixed seed.
"""
import json
import os
import random
import re
import warnings

import nltk
from nltk.stem.porter import PorterStemmer
from nltk.translate.bleu_score import SmoothingFunction, corpus_bleu, sentence_bleu
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

warnings.filterwarnings("ignore")
rng = random.Random(20240601)
here = os.path.dirname(os.path.abspath(__file__))

# ---- Porter: real words from NLTK's own sources plus suffix-stressing inflections ----
words = set()
root = os.path.dirname(nltk.__file__)
for dirpath, _, files in os.walk(root):
    for f in files:
        if f.endswith(".py"):
            with open(os.path.join(dirpath, f), encoding="utf-8", errors="ignore") as fh:
                for w in re.findall(r"[A-Za-z]+", fh.read()):
                    words.add(w.lower())
bases = sorted(w for w in words if 3 <= len(w) <= 12)
suffixes = ["s", "es", "ies", "ied", "ed", "ing", "ly", "lly", "ness", "ful", "fulness", "ation",
            "ization", "ational", "tional", "alli", "ousli", "iveness", "biliti", "logi", "fulli",
            "ement", "ment", "ence", "ance", "izer", "ator", "alism", "aliti", "iviti", "icate",
            "ative", "alize", "iciti", "ical", "able", "ible", "ant", "ion", "ism", "ate", "iti",
            "ous", "ive", "ize", "er", "al", "y", "e", "ll", "eed", "bli", "abli"]
extra = set()
for _ in range(4000):
    extra.add(rng.choice(bases) + rng.choice(suffixes))
vocab = sorted(set(bases) | extra | {"sky", "skies", "dying", "lying", "tying", "news", "innings",
        "outings", "cannings", "howe", "proceed", "exceed", "succeed", "ties", "dies", "flies",
        "spied", "died", "agreed", "generously", "geology", "theology"})
st = PorterStemmer()
with open(os.path.join(here, "porter_nltk.tsv"), "w", encoding="utf-8") as out:
    for w in vocab:
        out.write(f"{w}\t{st.stem(w)}\n")

# ---- BLEU ----
small = "a the building road new field house river near north of was were is lot".split()
weights_list = [(1.0,), (0.5, 0.5), (1 / 3, 1 / 3, 1 / 3), (0.25, 0.25, 0.25, 0.25),
                (0.1, 0.2, 0.3, 0.4)]
sf = SmoothingFunction()
methods = [sf.method0, sf.method1, sf.method2, sf.method3, sf.method4, sf.method5, sf.method6,
           sf.method7]


def sent(lo, hi):
    return [rng.choice(small) for _ in range(rng.randint(lo, hi))]


with open(os.path.join(here, "bleu_nltk.jsonl"), "w", encoding="utf-8") as out:
    for case in range(400):
        refs = [sent(0, 20) for _ in range(rng.randint(1, 3))]
        hyp = sent(0, 20)
        if rng.random() < 0.3 and refs[0]:
            hyp = refs[0][: rng.randint(1, len(refs[0]))] + sent(0, 4)
        w = rng.choice(weights_list)
        m = case % 8
        try:
            v = sentence_bleu(refs, hyp, weights=w, smoothing_function=methods[m])
            v = repr(float(v))
        except (AssertionError, IndexError, ZeroDivisionError) as e:
            v = "error:" + type(e).__name__
        out.write(json.dumps({"kind": "sentence", "refs": [refs], "hyps": [hyp], "weights": list(w),
                              "method": m, "value": v}) + "\n")
    for case in range(80):
        n = rng.randint(1, 5)
        lrefs = [[sent(1, 20) for _ in range(rng.randint(1, 2))] for _ in range(n)]
        hyps = [sent(1, 20) for _ in range(n)]
        w = rng.choice(weights_list)
        m = case % 8
        try:
            v = repr(float(corpus_bleu(lrefs, hyps, weights=w, smoothing_function=methods[m])))
        except (AssertionError, IndexError, ZeroDivisionError) as e:
            v = "error:" + type(e).__name__
        out.write(json.dumps({"kind": "corpus", "refs": lrefs, "hyps": hyps, "weights": list(w),
                              "method": m, "value": v}) + "\n")

# ---- sacreBLEU 13a ----
tok = Tokenizer13a()
samples = ["Hello, world!", "It's 3.5 km, (roughly).", "1,000 people; 2.5% growth.",
           "pages 1-2 and A-B", "a&amp;b &quot;c&quot; &lt;tag&gt;", "build-\ning<skipped>\nnext",
           "U.S.A. vs. U.K.", "e-mail: x@y.z {braces} [brackets] `tick` ~tilde~",
           "Ünïcödé — dashes – and “quotes”", "  multiple   spaces\tand\ttabs  ", "", "...",
           "3.14.15 ,5 5, .5 5.", "$100/day #1 ^caret^ _under_ |pipe|"]
with open(os.path.join(here, "tok13a_sacrebleu.jsonl"), "w", encoding="utf-8") as out:
    for s in samples:
        out.write(json.dumps({"input": s, "output": tok(s)}, ensure_ascii=False) + "\n")
