#!/usr/bin/env python3
"""Do case skills route? The skill-routing benchmark's documents grouped into cases, scored as an agent uses skills.

Each benchmark document is packaged on its own (`skillspool package`) and, with the other documents of its case, into
one case skill (`skillspool cases build`). The benchmark's tasks are then routed by BM25 over every skill's name and
description (the benchmark's own scorer, ../shared/tools/skill-routing/score.py) in three pools:

  per-document   the documents' own skills; a task is routed when its document's skill comes first
  cases          the case skills alone; routed when the case holding the task's document comes first
  mixed          both; routed when either of the two comes first

and answerability: the task's answers occur in the files of the skill routed first (SKILL.md and references/).

Two groupings: by the benchmark's document family (5 cases), and mixed cases (documents spread over 6 cases by a hash
of their path, so a case holds invoices, papers and forms together). Case names are neutral ("Matter 1"): a case's
name says nothing about its documents, so routing rests on what the skill says about them.

Usage: python3 Scripts/case-routing.py [--engine .build/release/skillspool] [--json-out FILE] [--keep DIR]
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools", "skill-routing"))
import score  # noqa: E402  (the benchmark's scorer: tokens, BM25, front matter, answer matching)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.stderr.write(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}\n")
    return result.returncode == 0


def skills_under(folder, owner):
    """Every skill folder below `folder` as the scorer sees it, tagged with `owner`."""
    found = []
    sdirs = score.find_skills(folder)
    for sd in sdirs:
        front, _ = score.parse_front_matter(score._read(os.path.join(sd, "SKILL.md")))
        files = score.skill_files(sd, sdirs, {"md"})
        found.append({
            "owner": owner, "name": front.get("name") or "", "description": front.get("description") or "",
            "text": score.norm("\n".join(score._read(f) for f in files)),
        })
    return found


TEXT_CACHE = {}


def plain_text(doc):
    """pdftotext's reading of a benchmark document (the naive anchor's text)."""
    if doc not in TEXT_CACHE:
        result = subprocess.run(["pdftotext", "-layout", os.path.join(SHARED, doc), "-"], capture_output=True,
                                text=True, errors="replace")
        TEXT_CACHE[doc] = result.stdout
    return TEXT_CACHE[doc]


def route(tasks, pool, right_owners):
    """routing@1, routing@3 and answerability of the first skill, for tasks whose right owners are given."""
    index = score.BM25([score.tokens(s["name"].replace("-", " ") + " " + s["description"]) for s in pool])
    at1 = at3 = answered = 0
    for task in tasks:
        scores = index.scores(score.tokens(task["task"]))

        def tie(i, tid=task["id"]):
            return hashlib.sha1((tid + "\0" + pool[i]["owner"] + pool[i]["name"]).encode()).hexdigest()

        ranked = sorted((i for i in range(len(pool)) if scores[i] > 0), key=lambda i: (-round(scores[i], 9), tie(i)))
        owners = right_owners(task)
        ranks = [r for r, i in enumerate(ranked, 1) if pool[i]["owner"] in owners]
        at1 += bool(ranks) and ranks[0] == 1
        at3 += bool(ranks) and ranks[0] <= 3
        if ranked and all(score.contains(pool[ranked[0]]["text"], a) for a in task["answers"]):
            answered += 1
    n = len(tasks)
    return {"routing@1": round(at1 / n, 3), "routing@3": round(at3 / n, 3), "answerable_routed": round(answered / n, 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default=os.path.join(HERE, "..", ".build", "release", "skillspool"))
    parser.add_argument("--json-out")
    parser.add_argument("--keep", help="keep the skills in this folder")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    engine = os.path.abspath(args.engine)
    tasks = json.load(open(os.path.join(SHARED, "tools", "skill-routing", "tasks.json")))
    tasks = tasks["tasks"] if isinstance(tasks, dict) else tasks
    docs = sorted({t["doc"] for t in tasks})
    family = {t["doc"]: t["group"] for t in tasks}
    work = args.keep or tempfile.mkdtemp(prefix="case-routing-")
    os.makedirs(work, exist_ok=True)

    def package(doc):
        out = os.path.join(work, "documents", score.doc_key(doc))
        shutil.rmtree(out, ignore_errors=True)
        run([engine, "package", os.path.join(SHARED, doc), "-o", out])
        return doc

    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(package, docs))
    per_document = [s for doc in docs for s in skills_under(os.path.join(work, "documents", score.doc_key(doc)), doc)]

    groupings = {
        "by family (5 cases)": {doc: sorted(set(family.values())).index(family[doc]) for doc in docs},
        "mixed (6 cases)": {doc: rank % 6 for rank, doc in
                            enumerate(sorted(docs, key=lambda d: hashlib.sha1(d.encode()).hexdigest()))},
    }
    report = {"documents": len(docs), "tasks": len(tasks), "groupings": {}}
    report["per-document"] = route(tasks, per_document, lambda t: {t["doc"]})
    for label, assignment in groupings.items():
        cases = sorted(set(assignment.values()))
        case_skills = []

        def build(case):
            members = [os.path.join(SHARED, d) for d in docs if assignment[d] == case]
            out = os.path.join(work, "cases", label.split()[0], f"matter-{case + 1}")
            shutil.rmtree(out, ignore_errors=True)
            run([engine, "cases", "build", f"Matter {case + 1}", *members, "-o", out])
            return out

        with ThreadPoolExecutor(args.jobs) as pool:
            folders = list(pool.map(build, cases))
        for case, folder in zip(cases, folders):
            case_skills += skills_under(folder, f"case:{case}")
        own_case = lambda t, a=assignment: {f"case:{a[t['doc']]}"}
        # The naive anchor: each case described by an equal share of 1,024 characters of each document's text.
        naive = []
        for case in cases:
            members = [d for d in docs if assignment[d] == case]
            share = 1024 // len(members)
            texts = [" ".join(plain_text(d).split())[:share] for d in members]
            naive.append({"owner": f"case:{case}", "name": f"matter-{case + 1}", "description": " ".join(texts),
                          "text": score.norm("\n".join(plain_text(d) for d in members))})
        report["groupings"][label] = {
            "case count": len(cases),
            "documents per case": round(len(docs) / len(cases), 1),
            "cases": route(tasks, case_skills, own_case),
            "mixed pool": route(tasks, per_document + case_skills, lambda t, o=own_case: o(t) | {t["doc"]}),
            "naive cases": route(tasks, naive, own_case),
            "description chars (mean)": round(sum(len(s["description"]) for s in case_skills) / len(case_skills), 1),
        }
    print(f"{len(tasks)} tasks on {len(docs)} documents; BM25 over name + description (skill-routing's scorer)\n")
    print("| pool | skills | routing@1 | routing@3 | answer in the routed skill |")
    print("| --- | --- | --- | --- | --- |")
    p = report["per-document"]
    print(f"| per-document skills | {len(per_document)} | {p['routing@1']} | {p['routing@3']} | {p['answerable_routed']} |")
    for label, result in report["groupings"].items():
        c, m = result["cases"], result["mixed pool"]
        print(f"| case skills, {label} | {result['case count']} | "
              f"{c['routing@1']} | {c['routing@3']} | {c['answerable_routed']} |")
        print(f"| case + per-document skills, {label} (either counts) | | {m['routing@1']} | {m['routing@3']} | "
              f"{m['answerable_routed']} |")
        n = result["naive cases"]
        print(f"| naive case skills, {label}: 1,024 characters of the documents' text (pdftotext) | "
              f"{result['case count']} | {n['routing@1']} | {n['routing@3']} | {n['answerable_routed']} |")
    if args.json_out:
        with open(args.json_out, "w") as fh:
            json.dump(report, fh, indent=2)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
