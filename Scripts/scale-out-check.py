#!/usr/bin/env python3
"""Scale-out check (issue 15): three `skillspool serve` nodes on one machine share one spool and one PostgreSQL
ledger; N one-page PDFs are dropped across four tenants while one node at a time is killed with SIGKILL every K
seconds and restarted. Checks that every PDF is exactly one complete job with one set of outputs, one reserve and
one settle per job, `ledger verify` clean, and each tenant's concurrentJobs never exceeded (from the ledger's job
events); reports the total throughput.

Needs SKILLSPOOL_TEST_POSTGRESQL (run it under Scripts/with-postgres.sh) and the release build.
    Scripts/with-postgres.sh python3 Scripts/scale-out-check.py --files 2000 --kill-every 10
"""
import argparse, importlib.util, json, os, shutil, signal, subprocess, sys, tempfile, time
from collections import Counter, defaultdict

spec = importlib.util.spec_from_file_location("bench_spool", os.path.join(os.path.dirname(__file__), "bench-spool.py"))
bench_spool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_spool)


def psql(url: str, sql: str) -> list[list[str]]:
    out = subprocess.run(["psql", "--no-psqlrc", "-q", "-At", "-F", "\t", "-d", url, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--daemon", default=".build/release/skillspool")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--kill-every", type=float, default=10)
    parser.add_argument("--concurrent-jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    server = os.environ.get("SKILLSPOOL_TEST_POSTGRESQL")
    if not server:
        raise SystemExit("SKILLSPOOL_TEST_POSTGRESQL is not set: run under Scripts/with-postgres.sh")
    daemon = os.path.abspath(args.daemon)
    database = f"scale_out_{os.getpid()}"
    psql(server, f"CREATE DATABASE {database}")
    ledger = server.replace("/postgres?", f"/{database}?")
    root = tempfile.mkdtemp(prefix="skillspool-scale-out-", dir=os.getcwd() + "/.build")
    tenants = ["t1", "t2", "t3", "t4"]
    os.makedirs(f"{root}/etc/tenants")
    config = f"{root}/etc/skillspool.json"
    with open(config, "w") as handle:
        json.dump({"spool": f"{root}/spool", "ledger": ledger, "tenants": f"{root}/etc/tenants",
                   "rescanSeconds": 5, "leaseSeconds": 6, "workers": 2}, handle)
    for tenant in tenants:
        with open(f"{root}/etc/tenants/{tenant}.json", "w") as handle:
            json.dump({"name": tenant, "quietSeconds": 0.5, "settleSeconds": 0.5, "defaultFormats": ["json"],
                       "plan": {"monthlyCredits": 10 * args.files, "jobsPerHour": 10 * args.files,
                                "concurrentJobs": args.concurrent_jobs}}, handle)
    nodes = [f"node{index + 1}" for index in range(args.nodes)]
    processes = {}

    def start(node: str) -> None:
        log = open(f"{root}/{node}.log", "a")
        processes[node] = subprocess.Popen([daemon, "serve", "--config", config, "--node", node, "--log-format",
                                            "json"], cwd=root, stdout=log, stderr=log)

    for node in nodes:
        start(node)
    deadline = time.time() + 60
    while not all(os.path.isdir(f"{root}/spool/{tenant}/inbox") for tenant in tenants):
        if time.time() > deadline:
            raise SystemExit("the nodes did not start serving every tenant")
        time.sleep(0.1)
    names = [(tenants[index % len(tenants)], f"doc-{index:05d}.pdf") for index in range(args.files)]
    staging = f"{root}/staging"
    os.makedirs(staging)
    for index, (tenant, name) in enumerate(names):
        with open(f"{staging}/{tenant}-{name}", "wb") as handle:
            handle.write(bench_spool.pdf(f"Scale-out document {index} for {tenant}"))

    kills = 0
    start_time = time.time()
    next_kill = start_time + args.kill_every
    dropped = 0
    finished = False
    deadline = time.time() + args.timeout
    while time.time() < deadline:
        # Everything is dropped at once (a burst, as in bench-spool.py); the kills land during intake and conversion.
        while dropped < args.files:
            tenant, name = names[dropped]
            os.rename(f"{staging}/{tenant}-{name}", f"{root}/spool/{tenant}/inbox/{name}")
            dropped += 1
        if time.time() >= next_kill and not finished:
            victim = nodes[kills % len(nodes)]
            processes[victim].send_signal(signal.SIGKILL)
            processes[victim].wait()
            start(victim)
            kills += 1
            next_kill += args.kill_every
        if dropped == args.files:
            complete = 0
            for tenant in tenants:
                outbox = f"{root}/spool/{tenant}/outbox"
                for job in os.listdir(outbox):
                    try:
                        with open(f"{outbox}/{job}/status.json") as handle:
                            complete += json.load(handle).get("status") in ("complete", "failed")
                    except (OSError, ValueError):
                        pass
            busy = any(os.listdir(f"{root}/spool/{tenant}/{area}") for tenant in tenants for area in ("inbox", ".work"))
            if complete >= args.files and not busy:
                finished = True
                break
        time.sleep(0.5)
    elapsed = time.time() - start_time
    for process in processes.values():
        process.send_signal(signal.SIGTERM)
    for process in processes.values():
        process.wait(timeout=120)

    problems = []
    published = Counter()
    failed = 0
    for tenant in tenants:
        outbox = f"{root}/spool/{tenant}/outbox"
        for job in os.listdir(outbox):
            if not job.startswith("j-"):
                continue
            with open(f"{outbox}/{job}/status.json") as handle:
                status = json.load(handle)
            if status.get("status") == "complete":
                for document in status.get("documents", []):
                    published[(tenant, document["filename"])] += 1
        failed += len(os.listdir(f"{root}/spool/{tenant}/failed"))
    twice = [key for key, count in published.items() if count > 1]
    missing = [key for key in names if key not in published]
    if twice:
        problems.append(f"{len(twice)} documents published twice")
    if missing:
        problems.append(f"{len(missing)} documents not published ({failed} in failed/)")
    kinds = defaultdict(Counter)
    for job, kind, count in psql(ledger, "SELECT job_id, kind, COUNT(*) FROM credit_entries WHERE job_id IS NOT NULL "
                                         "GROUP BY job_id, kind"):
        kinds[job][kind] = int(count)
    jobs = {job for job, in psql(ledger, "SELECT id FROM jobs WHERE status = 'complete'")}
    bad_billing = [job for job in jobs if kinds[job]["reserve"] != 1 or kinds[job]["settle"] != 1
                   or kinds[job]["refund"] != 0]
    if bad_billing:
        problems.append(f"{len(bad_billing)} jobs without exactly one reserve and one settle")
    verify = subprocess.run([daemon, "ledger", "verify", "--config", config], capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append("ledger verify: " + verify.stdout.strip()[:500])
    # Each job's last run: from its last 'inspect' event to its terminal event; the most overlapping per tenant.
    events = psql(ledger, "SELECT j.tenant, e.job_id, e.status, e.stage, e.at FROM job_events e JOIN jobs j "
                          "ON j.id = e.job_id ORDER BY e.id")
    runs = {}
    for tenant, job, status, stage, at in events:
        if status == "processing" and stage == "inspect":
            runs[job] = [tenant, at, None]
        elif status in ("complete", "failed", "review") and job in runs and runs[job][2] is None:
            runs[job][2] = at
    peak = Counter()
    for tenant in tenants:
        edges = []
        for owner, begin, end in runs.values():
            if owner == tenant and end:
                edges += [(begin, 1), (end, -1)]
        level = 0
        for _, step in sorted(edges, key=lambda edge: (edge[0], edge[1])):
            level += step
            peak[tenant] = max(peak[tenant], level)
    if any(value > args.concurrent_jobs for value in peak.values()):
        problems.append(f"concurrentJobs {args.concurrent_jobs} exceeded: {dict(peak)}")
    served = {node: open(f"{root}/{node}.log").read().count('"message":"claimed"') for node in nodes}

    print()
    print(f"## Scale-out ({args.nodes} nodes, one spool, PostgreSQL ledger; {args.files:,} one-page PDFs, 4 tenants, "
          f"SIGKILL every {args.kill_every:g} s)")
    print()
    print("| metric | value |")
    print("|---|---|")
    print(f"| complete jobs / PDFs | {len(published):,} / {args.files:,} (failed {failed}) |")
    print(f"| published twice | {len(twice)} |")
    print(f"| jobs with exactly one reserve and one settle | {len(jobs) - len(bad_billing):,} / {len(jobs):,} |")
    print(f"| ledger verify | {'clean' if verify.returncode == 0 else 'VIOLATIONS'} |")
    print(f"| peak running jobs per tenant (limit {args.concurrent_jobs}) | "
          f"{', '.join(f'{tenant} {peak[tenant]}' for tenant in tenants)} |")
    print(f"| kills | {kills} |")
    print(f"| jobs claimed per node (restarts included) | {', '.join(f'{n} {c}' for n, c in served.items())} |")
    print(f"| total, first drop → last finished | {elapsed:.1f} s ({len(published) / max(elapsed, 1e-9):.1f} jobs/s) |")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if not problems:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print(f"kept for inspection: {root}")
    return 0 if not problems and finished else 1


if __name__ == "__main__":
    sys.exit(main())
