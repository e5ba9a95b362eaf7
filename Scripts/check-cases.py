#!/usr/bin/env python3
"""Every version of a case skill is valid, and the same documents give the same bytes in any order.

The skill-routing benchmark's documents are grouped into cases (by document family). For each case, its documents
arrive one at a time in a shuffled order and `skillspool cases build` makes the case skill of the documents so far —
the versions 1.0.0 … 1.N.0 the daemon publishes as they come. Every version must pass `agentskills validate`
(skills-ref 0.1.1) and our QA (`skillspool qa`, exit 0); the last version, built again from the documents in another
order, must be byte-identical (skill folder and zip).

Usage: python3 Scripts/check-cases.py [--engine .build/release/skillspool]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))


def tree(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default=os.path.join(HERE, "..", ".build", "release", "skillspool"))
    args = parser.parse_args()
    engine = os.path.abspath(args.engine)
    tasks = json.load(open(os.path.join(SHARED, "tools", "skill-routing", "tasks.json")))
    tasks = tasks["tasks"] if isinstance(tasks, dict) else tasks
    families = {}
    for task in tasks:
        families.setdefault(task["group"], set()).add(task["doc"])
    work = tempfile.mkdtemp(prefix="check-cases-")
    versions = valid = passed = identical = 0
    failures = []
    for number, family in enumerate(sorted(families), 1):
        docs = [os.path.join(SHARED, d) for d in sorted(families[family])]
        order = docs[:]
        random.Random(number).shuffle(order)
        name = f"Matter {number}"
        for count in range(1, len(order) + 1):
            out = os.path.join(work, f"m{number}", f"v{count}")
            build = subprocess.run([engine, "cases", "build", name, *order[:count], "-o", out],
                                   capture_output=True, text=True)
            versions += 1
            skill = os.path.join(out, f"case-matter-{number}")
            if build.returncode != 0 or not os.path.isdir(skill):
                failures.append(f"{name} v{count}: build failed: {build.stderr[-300:]}")
                continue
            check = subprocess.run(["agentskills", "validate", skill], capture_output=True, text=True)
            valid += check.returncode == 0
            if check.returncode != 0:
                failures.append(f"{name} 1.{count - 1}.0: agentskills: {(check.stdout + check.stderr)[-300:]}")
            qa = subprocess.run([engine, "qa", skill], capture_output=True, text=True)
            passed += qa.returncode == 0
            if qa.returncode != 0:
                failures.append(f"{name} 1.{count - 1}.0: qa: {qa.stdout[-400:]}")
        again = os.path.join(work, f"m{number}", "again")
        reordered = order[::-1]
        subprocess.run([engine, "cases", "build", name, *reordered, "-o", again], capture_output=True, text=True)
        last = os.path.join(work, f"m{number}", f"v{len(order)}")
        same = tree(last) == tree(again)
        identical += same
        if not same:
            failures.append(f"{name}: another order gave other bytes")
    shutil.rmtree(work, ignore_errors=True)
    print(f"| case versions built (5 cases of the routing benchmark's documents, one document at a time) | {versions} |")
    print(f"| versions passing `agentskills validate` (skills-ref 0.1.1) | {valid} / {versions} |")
    print(f"| versions passing our QA (`skillspool qa`, every agent at its threshold) | {passed} / {versions} |")
    print(f"| cases byte-identical when built from the documents in reverse order | {identical} / {len(families)} |")
    for failure in failures:
        print("FAIL", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
