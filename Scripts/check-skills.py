#!/usr/bin/env python3
"""Packages every document of the corpora (PDF, Word, HTML, Markdown, text) twice (one job per file) and checks, for
issue 4's acceptance:
every skill folder passes `agentskills validate` (skills-ref 0.1.1), our QA finds no E-rule error and no number
absent from the source, and both runs give the same zip sha256s. Catalogues are listed."""
import csv, hashlib, json, os, re, subprocess, sys, tempfile
from pathlib import Path

ENGINE = os.environ.get("ENGINE", ".build/release/skillspool")
# `--sources`: every Word, HTML, Markdown and text file too (the folders of `make eval-sources`); else PDFs only
# (the shared corpora keep truth files and READMEs beside their PDFs).
arguments = [a for a in sys.argv[1:] if a != "--sources"]
SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".md", ".txt"} if "--sources" in sys.argv[1:] else {".pdf"}
corpora = [Path(p) for p in arguments] or [Path("../shared/corpus"), Path("../shared/corpus-synth")]
pdfs = sorted(p for corpus in corpora if corpus.is_dir() for p in corpus.iterdir()
              if p.suffix.lower() in SUFFIXES and ".truth." not in p.name)
if not pdfs:
    print("no corpus found; skipped")
    sys.exit(0)

passwords = {}
for corpus in corpora:
    manifest = corpus / "MANIFEST.tsv"
    if manifest.exists():
        for row in csv.DictReader(open(manifest, encoding="utf-8"), delimiter="\t"):
            match = re.search(r"encrypted\(pw:([^)]+)\)", " ".join(str(v) for v in row.values()))
            password = row.get("password") or (match.group(1) if match else "")
            if password:
                passwords[row["filename"]] = password

work = Path(tempfile.mkdtemp(prefix="skillspool-skills-", dir=".build"))
failures = []
zips = {1: {}, 2: {}}
skills = errors = accuracy = 0
validated = 0
catalogues = {}
for run in (1, 2):
    for pdf in pdfs:
        out = work / f"run{run}" / pdf.name
        password = ["--password", passwords[pdf.name]] if pdf.name in passwords else []
        result = subprocess.run([ENGINE, "package", str(pdf), "--format", "claude-skill,cursor-rules,agents-md",
                                 "-o", str(out)] + password, capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"{pdf.name}: package failed: {result.stderr.strip()[:200]}")
            continue
        for path in sorted(out.glob("*.zip")):
            zips[run][f"{pdf.name}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
        if run == 2:
            continue
        folders = sorted(p for p in out.iterdir() if p.is_dir() and (p / "SKILL.md").exists())
        if len(folders) > 1:
            catalogues[pdf.name] = len(folders) - 1
        for folder in folders:
            skills += 1
            check = subprocess.run(["agentskills", "validate", str(folder)], capture_output=True, text=True)
            if check.returncode == 0:
                validated += 1
            else:
                failures.append(f"{folder}: {check.stdout.strip()} {check.stderr.strip()}"[:300])
            report = json.loads((out / f"{folder.name}.qa.json").read_text())
            for agent in report["agents"]:
                for finding in agent["findings"]:
                    if agent["agent"] == "structure" and finding["severity"] == "error":
                        errors += 1
                        failures.append(f"{folder.name}: {finding['rule']} {finding['message']}")
                    if finding["rule"] == "ACC1":
                        accuracy += 1
                        failures.append(f"{folder.name}: {finding['file']}:{finding['line']} {finding['message']}")

same = zips[1] == zips[2] and len(zips[1]) > 0
print(f"\n## Skills over {len(pdfs)} documents ({', '.join(str(c) for c in corpora)})\n")
print("| check | result |")
print("|---|---|")
print(f"| skill folders passing `agentskills validate` (skills-ref 0.1.1) | {validated} / {skills} |")
print(f"| E-rule findings (our QA, structure agent) | {errors} |")
print(f"| numbers absent from the source (accuracy agent) | {accuracy} |")
print(f"| zips identical across two runs (sha256) | {'yes' if same else 'NO'} ({len(zips[1])} zips) |")
print(f"| catalogues (topic skills + index) | {', '.join(f'{k}: {v}+1' for k, v in sorted(catalogues.items())) or 'none'} |")
for failure in failures[:40]:
    print("FAIL", failure)
subprocess.run(["rm", "-rf", str(work)])
sys.exit(0 if not failures and same and validated == skills else 1)
