#!/usr/bin/env python3
"""Scores the Word, HTML, Markdown and text readers on documents written by the second corpus generator with
`--sources` (truth by construction): heading recall and precision (title included, exact text after white space is
collapsed) and table cells exact (tables in document order, cell by cell on the grid, spanned positions empty).

    python3 Scripts/sources-eval.py --engine .build/release/skillspool DIR [DIR...]
"""
import argparse, json, re, subprocess, sys
from pathlib import Path

FORMATS = {"html": ".html", "markdown": ".md", "text": ".txt", "docx": ".docx"}


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def convert(engine, path):
    out = subprocess.run([engine, "convert", str(path), "--format", "json"], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["failed"]
    return json.loads(out.stdout), None


def score(document, headings_truth, tables_truth, neutral=()):
    entries = [e for s in document["sections"] for b in s["blocks"] if "entries" in b for e in b["entries"]]
    found = [norm(e["text"]) for e in entries if e["kind"] in ("title", "heading")]
    expected = [norm(headings_truth.get("title"))] if headings_truth.get("title") else []
    expected += [norm(h["text"]) for h in headings_truth["headings"]]
    matched = sum(1 for h in expected if h in found)
    # The titles of a bundle's later documents are headings of the file, neither expected nor wrong.
    found = [h for h in found if h in expected or h not in neutral]
    text = lambda cell: cell["text"] if isinstance(cell, dict) else cell
    ours = [[[text(c) for c in b["columns"]]] + [[text(c) for c in (r["cells"] if isinstance(r, dict) else r)]
                                                  for r in b["rows"] + b.get("footers", [])]
            for s in document["sections"] for b in s["blocks"] if "columns" in b]
    cells = exact = 0
    for index, table in enumerate(tables_truth):
        grid = table["grid"]
        cells += sum(len(row) for row in grid)
        if index >= len(ours):
            continue
        mine = ours[index]
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if r < len(mine) and c < len(mine[r]) and norm(mine[r][c]) == norm(cell):
                    exact += 1
    return {"headings": len(expected), "matched": matched, "predicted": len(found), "cells": cells, "exact": exact,
            "tables": len(tables_truth), "found_tables": len(ours)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--json-out")
    parser.add_argument("--min", type=float, default=0.95,
                        help="fail (exit 1) when a format's heading recall or exact table cells fall below this")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    totals = {f: {"files": 0, "failed": 0, "headings": 0, "matched": 0, "predicted": 0, "cells": 0, "exact": 0,
                  "tables": 0, "found_tables": 0, "typed": 0, "type_ok": 0} for f in FORMATS}
    worst = []
    for folder in map(Path, args.dirs):
        for truth in sorted(folder.glob("*.truth.headings.json")):
            stem = truth.name[: -len(".truth.headings.json")]
            headings = json.loads(truth.read_text(encoding="utf-8"))
            tables = json.loads((folder / f"{stem}.truth.tables.json").read_text(encoding="utf-8"))["tables"]
            for fmt, ext in FORMATS.items():
                path = folder / (stem + ext)
                if not path.exists():
                    continue
                totals[fmt]["files"] += 1
                document, error = convert(args.engine, path)
                if document is None:
                    totals[fmt]["failed"] += 1
                    worst.append((fmt, stem, f"failed: {error}"))
                    continue
                segments = folder / f"{stem}.truth.segments.json"
                titles = [norm(s.get("title")) for s in json.loads(segments.read_text())["segments"]] if segments.exists() else []
                result = score(document, headings, tables, set(titles))
                doctype = json.loads((folder / f"{stem}.truth.doctype.json").read_text(encoding="utf-8"))
                result["typed"] = 1
                result["type_ok"] = int(document["documentType"]["type"] == doctype["type"])
                for key, value in result.items():
                    totals[fmt][key] += value
                if result["matched"] < result["headings"] or result["exact"] < result["cells"]:
                    worst.append((fmt, stem, f"headings {result['matched']}/{result['headings']}, "
                                             f"cells {result['exact']}/{result['cells']}"))
    rate = lambda a, b: f"{a / b:.3f}" if b else "—"
    print("| format | files | failed | heading recall | heading precision | tables found | table cells exact | type |")
    print("|---|---|---|---|---|---|---|---|")
    for fmt, t in totals.items():
        print(f"| {fmt} | {t['files']} | {t['failed']} | {rate(t['matched'], t['headings'])} | "
              f"{rate(t['matched'], t['predicted'])} | {t['found_tables']}/{t['tables']} | {rate(t['exact'], t['cells'])} | "
              f"{rate(t['type_ok'], t['typed'])} |")
    for fmt, stem, what in worst[:40]:
        print(f"  {fmt} {stem}: {what}", file=sys.stderr)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(totals, indent=1) + "\n")
    below = [fmt for fmt, t in totals.items() if t["files"] and (t["failed"] or t["matched"] < args.min * t["headings"]
                                                                  or t["exact"] < args.min * t["cells"])]
    if below:
        print(f"below {args.min} (or with failures): {', '.join(below)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
