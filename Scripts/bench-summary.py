#!/usr/bin/env python3
"""Prints the speed ratios of a bench run (engine vs the anchors measured in the same run) and the peak RSS of
the engine and of pdftotext on the largest corpus PDF.

    python3 Scripts/bench-summary.py BENCH.json CORPUS_DIR...
"""
import glob
import json
import os
import subprocess
import sys

report = json.load(open(sys.argv[1]))
summary = report["summary"]
engine = summary.get("engine", {})
print("\n## Speed (same run, one process per file)\n")
print("| system | text pages/s | JSON pages/s |")
print("|---|---|---|")
for name, values in summary.items():
    text = values.get("text_pages_per_s")
    json_rate = values.get("json_pages_per_s")
    if text is None:
        continue
    print("| %s | %.1f | %s |" % (name, text, "%.1f" % json_rate if json_rate else "n/a"))
for anchor in ("pdftotext", "pymupdf"):
    if anchor in summary and summary[anchor].get("text_pages_per_s") and engine.get("text_pages_per_s"):
        ratio = engine["text_pages_per_s"] / summary[anchor]["text_pages_per_s"]
        print("\nengine / %s text speed: %.2fx" % (anchor, ratio))
        if engine.get("json_pages_per_s"):
            # Issue 3's goal: the engine's JSON (tables, tags, segments) at least as fast as the anchor's text.
            ratio = engine["json_pages_per_s"] / summary[anchor]["text_pages_per_s"]
            print("engine JSON / %s text speed: %.2fx" % (anchor, ratio))

pdfs = [p for corpus in sys.argv[2:] for p in glob.glob(os.path.join(corpus, "*.pdf"))]
if pdfs:
    largest = max(pdfs, key=os.path.getsize)

    def peak_rss_kib(command):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        return usage.ru_maxrss

    engine_rss = peak_rss_kib([".build/release/skillspool", "convert", largest, "--format", "json"])
    print("\npeak RSS converting %s (%d bytes) to JSON: %.1f MiB" % (
        os.path.basename(largest), os.path.getsize(largest), engine_rss / 1024))
    try:
        anchor_rss = peak_rss_kib(["pdftotext", largest, "-"])
        print("pdftotext on the same file: %.1f MiB" % (anchor_rss / 1024))
    except FileNotFoundError:
        pass
