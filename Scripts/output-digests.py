#!/usr/bin/env python3
"""Hashes every output the engine makes for the corpora: `convert` in each format and `package` in every skill
format. Two runs (before and after a change that must not change output bytes) are compared with --compare.

  python3 Scripts/output-digests.py --engine .build/release/skillspool --out before.tsv ../shared/corpus ...
  python3 Scripts/output-digests.py --compare before.tsv after.tsv
"""
import argparse, csv, hashlib, re, subprocess, sys, tempfile
from pathlib import Path


def passwords_of(corpora):
    found = {}
    for corpus in corpora:
        manifest = corpus / "MANIFEST.tsv"
        if not manifest.exists():
            continue
        for row in csv.DictReader(open(manifest, encoding="utf-8"), delimiter="\t"):
            match = re.search(r"encrypted\(pw:([^)]+)\)", " ".join(str(v) for v in row.values()))
            password = row.get("password") or (match.group(1) if match else "")
            if password:
                found[row["filename"]] = password
    return found


def digest(engine, corpora, out):
    pdfs = sorted(p for corpus in corpora if corpus.is_dir() for p in corpus.glob("*.pdf"))
    passwords = passwords_of(corpora)
    rows = []
    with tempfile.TemporaryDirectory(prefix="digests-") as work:
        for pdf in pdfs:
            password = ["--password", passwords[pdf.name]] if pdf.name in passwords else []
            for fmt in ("json", "md", "ascii", "text"):
                result = subprocess.run([engine, "convert", str(pdf), "--format", fmt] + password,
                                        capture_output=True)
                body = result.stdout if result.returncode == 0 else result.stderr
                rows.append((f"{pdf.parent.name}/{pdf.name}:{fmt}", hashlib.sha256(body).hexdigest()))
            target = Path(work) / pdf.stem
            subprocess.run([engine, "package", str(pdf), "--format", "claude-skill,cursor-rules,agents-md",
                            "-o", str(target)] + password, capture_output=True)
            for path in sorted(p for p in target.rglob("*") if p.is_file()):
                rows.append((f"{pdf.parent.name}/{pdf.name}:package/{path.relative_to(target)}",
                             hashlib.sha256(path.read_bytes()).hexdigest()))
    with open(out, "w") as handle:
        for name, value in rows:
            handle.write(f"{name}\t{value}\n")
    print(f"{len(rows)} outputs of {len(pdfs)} PDFs hashed into {out}")


def compare(before, after):
    def load(path):
        return dict(line.rstrip("\n").split("\t") for line in open(path) if line.strip())
    old, new = load(before), load(after)
    equal = sum(1 for name, value in old.items() if new.get(name) == value)
    differ = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    print(f"compared {len(old)} outputs (after: {len(new)}): {equal} equal, {len(differ)} different")
    for name in differ[:30]:
        print("  differs:", name)
    return 0 if not differ else 1


parser = argparse.ArgumentParser()
parser.add_argument("--engine", default=".build/release/skillspool")
parser.add_argument("--out")
parser.add_argument("--compare", nargs=2)
parser.add_argument("corpora", nargs="*")
arguments = parser.parse_args()
if arguments.compare:
    sys.exit(compare(*arguments.compare))
digest(arguments.engine, [Path(c) for c in arguments.corpora], arguments.out)
