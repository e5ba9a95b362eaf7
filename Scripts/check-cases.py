#!/usr/bin/env python3
"""Every version of a case skill is valid, and the same documents give the same bytes in any order.

The skill-routing benchmark's documents are grouped into cases (by document family). For each case, its documents
arrive one at a time in a shuffled order and `skillspool cases build` makes the case skill of the documents so far —
the versions 1.0.0 … 1.N.0 the daemon publishes as they come. Every version must pass `agentskills validate`
(skills-ref 0.1.1) and our QA (`skillspool qa`, exit 0); the last version, built again from the documents in another
order, must be byte-identical (skill folder and zip).

Then the same through the daemon: `skillspool serve` on a temporary spool, one family's documents dropped one at a
time into `inbox/<case>/`; every version it publishes in `outbox/cases/<case>/` must pass `agentskills validate`.

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
import time

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


def daemon_versions(engine, docs, work):
    """Publishes a case through the real daemon, one document at a time; returns (versions seen, valid, failures)."""
    root = os.path.join(work, "daemon")
    os.makedirs(os.path.join(root, "etc", "tenants"))
    with open(os.path.join(root, "etc", "skillspool.json"), "w") as fh:
        json.dump({"spool": os.path.join(root, "spool"), "tenants": os.path.join(root, "etc", "tenants"),
                   "ledger": os.path.join(root, "spool", "ledger.sqlite"), "workers": 2, "rescanSeconds": 1}, fh)
    with open(os.path.join(root, "etc", "tenants", "acme.json"), "w") as fh:
        json.dump({"name": "acme", "quietSeconds": 0.3, "settleSeconds": 0.5, "defaultFormats": ["json"],
                   "plan": {"monthlyCredits": 100000, "jobsPerHour": 100000}}, fh)
    log = open(os.path.join(root, "daemon.log"), "w")
    daemon = subprocess.Popen([engine, "serve", "--config", os.path.join(root, "etc", "skillspool.json")],
                              stdout=log, stderr=log)
    seen = valid = 0
    failures = []
    try:
        case_in = os.path.join(root, "spool", "acme", "inbox", "daemon-case")
        case_out = os.path.join(root, "spool", "acme", "outbox", "cases", "daemon-case")
        for count, doc in enumerate(docs, 1):
            while not os.path.isdir(os.path.dirname(case_in)):
                time.sleep(0.1)
            os.makedirs(case_in, exist_ok=True)
            temporary = os.path.join(case_in, "." + os.path.basename(doc) + ".part")
            shutil.copyfile(doc, temporary)
            os.rename(temporary, os.path.join(case_in, os.path.basename(doc)))
            version, deadline = f"1.{count - 1}.0", time.time() + 120
            while time.time() < deadline:
                try:
                    if json.load(open(os.path.join(case_out, "case.json")))["version"] == version:
                        break
                except (OSError, ValueError, KeyError):
                    pass
                time.sleep(0.2)
            else:
                failures.append(f"daemon: version {version} did not appear")
                break
            seen += 1
            snapshot = os.path.join(work, "daemon-versions", version, "case-daemon-case")
            shutil.copytree(os.path.join(case_out, "case-daemon-case"), snapshot)
            check = subprocess.run(["agentskills", "validate", snapshot], capture_output=True, text=True)
            valid += check.returncode == 0
            if check.returncode != 0:
                failures.append(f"daemon {version}: agentskills: {(check.stdout + check.stderr)[-300:]}")
    finally:
        daemon.terminate()
        daemon.wait(timeout=60)
        log.close()
    return seen, valid, failures


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
    family = max(families, key=lambda name: (len(families[name]) if len(families[name]) <= 10 else 0, name))
    daemon_docs = [os.path.join(SHARED, d) for d in sorted(families[family])]
    seen, daemon_valid, daemon_failures = daemon_versions(engine, daemon_docs, work)
    failures += daemon_failures
    shutil.rmtree(work, ignore_errors=True)
    print(f"| case versions built (5 cases of the routing benchmark's documents, one document at a time) | {versions} |")
    print(f"| versions passing `agentskills validate` (skills-ref 0.1.1) | {valid} / {versions} |")
    print(f"| versions passing our QA (`skillspool qa`, every agent at its threshold) | {passed} / {versions} |")
    print(f"| cases byte-identical when built from the documents in reverse order | {identical} / {len(families)} |")
    print(f"| versions the daemon published for one case ({family}, {len(daemon_docs)} documents dropped one at a "
          f"time) passing `agentskills validate` | {daemon_valid} / {seen} |")
    for failure in failures:
        print("FAIL", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
