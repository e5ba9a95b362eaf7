#!/usr/bin/env python3
"""Text similarity of the engine's text output against NAME.truth.txt files, using the harness's scoring.

    python3 Scripts/textsim.py [GLOB ...]     (default: every file with a truth.txt in both corpora)
"""
import glob
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "tools"))
import scoring  # noqa: E402

engine = os.path.join(here, "..", ".build", "release", "skillspool")
patterns = sys.argv[1:] or ["*"]
truths = []
for corpus in ("corpus", "corpus-synth"):
    for pattern in patterns:
        truths += glob.glob(os.path.join(here, "..", "..", "shared", corpus, pattern + ".truth.txt"))
scores = []
for truth in sorted(set(truths)):
    pdf = truth.replace(".truth.txt", ".pdf")
    out = subprocess.run([engine, "convert", pdf, "--format", "text"], capture_output=True, text=True).stdout
    score = scoring.text_similarity(out, open(truth, encoding="utf-8").read())
    scores.append(score)
    print("%.4f  %s" % (score, os.path.basename(pdf)))
if scores:
    print("mean %.4f over %d files" % (sum(scores) / len(scores), len(scores)))
