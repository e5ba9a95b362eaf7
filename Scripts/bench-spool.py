#!/usr/bin/env python3
"""Spool burst benchmark (issue 6): N one-page PDFs dropped at once into T tenants, with the kernel's inotify
queue lowered so that it overflows; reports total time and close→published latency percentiles.

Runs the real release daemon on a temporary spool. Needs root to lower /proc/sys/fs/inotify/max_queued_events
(restored afterwards); without it the burst still runs, without forced overflows.

`--engines sqlite,postgresql` runs the same burst once per ledger engine, one after the other in the same run, and
reports PostgreSQL's throughput as a ratio of SQLite's; the PostgreSQL run needs SKILLSPOOL_TEST_POSTGRESQL (a server
started by Scripts/with-postgres.sh) and uses a new database on it. BENCH_KEEP=1 keeps each run's folder (its
daemon.log, to see when jobs were claimed and published) under .build/.
"""
import argparse, json, os, shutil, signal, subprocess, sys, tempfile, time
from datetime import datetime


def pdf(text: str) -> bytes:
    """A minimal one-page PDF showing `text` in Helvetica."""
    content = f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def parse_time(text: str) -> float:
    return datetime.strptime(text.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--daemon", default=".build/release/skillspool")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--queue", type=int, default=64, help="max_queued_events during the run")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--engines", default="sqlite", help="comma-separated ledger engines: sqlite, postgresql")
    parser.add_argument("--rounds", type=int, default=1, help="bursts per engine, alternating engines")
    parser.add_argument("--workers", type=int, default=0, help="the daemon's workers (0: its default, one per core)")
    args = parser.parse_args()
    engines = args.engines.split(",")
    if "postgresql" in engines and not os.environ.get("SKILLSPOOL_TEST_POSTGRESQL"):
        print("note: SKILLSPOOL_TEST_POSTGRESQL is not set: no PostgreSQL run", file=sys.stderr)
        engines.remove("postgresql")
    results = {engine: [] for engine in engines}
    for _ in range(args.rounds):
        for engine in engines:
            results[engine].append(burst(args, engine))
    if "sqlite" in results and "postgresql" in results:
        # Alternating rounds on a shared machine: the ratio of the medians.
        rates = {engine: sorted(run["jobs_per_second"] for run in runs) for engine, runs in results.items()}
        median = {engine: values[len(values) // 2] for engine, values in rates.items()}
        ratio = median["postgresql"] / median["sqlite"]
        print()
        print(f"PostgreSQL ledger throughput / SQLite ledger throughput, same bursts, same run, median of "
              f"{args.rounds}: {ratio:.2f} ({median['postgresql']:.1f} vs {median['sqlite']:.1f} jobs/s; "
              f"PostgreSQL {', '.join(f'{v:.1f}' for v in rates['postgresql'])}, "
              f"SQLite {', '.join(f'{v:.1f}' for v in rates['sqlite'])}; goal ≥ 0.85)")
    runs = [run for engine_runs in results.values() for run in engine_runs]
    return 0 if runs and all(run["complete"] for run in runs) else 1


def ledger_setting(root: str, engine: str) -> str:
    if engine == "sqlite":
        return f"{root}/spool/ledger.sqlite"
    server = os.environ["SKILLSPOOL_TEST_POSTGRESQL"]
    name = f"bench_spool_{os.getpid()}"
    subprocess.run(["psql", "--no-psqlrc", "-q", "-d", server, "-c", f"DROP DATABASE IF EXISTS {name}",
                    "-c", f"CREATE DATABASE {name}"], check=True)
    return server.replace("/postgres?", f"/{name}?")


def burst(args, engine: str) -> dict:

    root = tempfile.mkdtemp(prefix="skillspool-burst-", dir=os.getcwd() + "/.build")
    tenants = [f"t{index:02d}" for index in range(args.tenants)]
    os.makedirs(f"{root}/etc/tenants")
    with open(f"{root}/etc/skillspool.json", "w") as handle:
        json.dump({"spool": f"{root}/spool", "ledger": ledger_setting(root, engine),
                   "tenants": f"{root}/etc/tenants", "rescanSeconds": 10, "workers": args.workers}, handle)
    for tenant in tenants:
        with open(f"{root}/etc/tenants/{tenant}.json", "w") as handle:
            json.dump({"name": tenant, "quietSeconds": 0.5, "settleSeconds": 0.5, "defaultFormats": ["json"],
                       "plan": {"monthlyCredits": 10 * args.files, "jobsPerHour": 10 * args.files,
                                "concurrentJobs": 10}}, handle)
    staging = f"{root}/staging"
    os.makedirs(staging)
    names = []
    for index in range(args.files):
        tenant = tenants[index % len(tenants)]
        name = f"burst-{index:05d}.pdf"
        with open(f"{staging}/{tenant}-{name}", "wb") as handle:
            handle.write(pdf(f"Burst document {index} for {tenant}"))
        names.append((tenant, name))

    queue_path = "/proc/sys/fs/inotify/max_queued_events"
    saved = open(queue_path).read().strip()
    lowered = False
    try:
        with open(queue_path, "w") as handle:
            handle.write(str(args.queue))
        lowered = True
    except OSError:
        print(f"note: cannot lower {queue_path} (not root); running without forced overflows", file=sys.stderr)

    log = open(f"{root}/daemon.log", "w")
    daemon = subprocess.Popen([os.path.abspath(args.daemon), "serve", "--config", f"{root}/etc/skillspool.json",
                               "--log-format", "json"], cwd=root, stdout=log, stderr=log)
    try:
        deadline = time.time() + 30
        while not all(os.path.isdir(f"{root}/spool/{tenant}/inbox") for tenant in tenants):
            if time.time() > deadline:
                raise SystemExit("daemon did not start")
            time.sleep(0.05)
        time.sleep(2.5)  # the watcher's first watch round
        dropped = {}
        start = time.time()
        for tenant, name in names:
            os.rename(f"{staging}/{tenant}-{name}", f"{root}/spool/{tenant}/inbox/{name}")
            dropped[(tenant, name)] = time.time()
        drop_seconds = time.time() - start

        published = {}
        deadline = time.time() + args.timeout
        pending_tenants = set(tenants)
        while len(published) < args.files and time.time() < deadline:
            time.sleep(1)
            for tenant in sorted(pending_tenants):
                outbox = f"{root}/spool/{tenant}/outbox"
                for job in os.listdir(outbox):
                    if (tenant, job) in published or not job.startswith("j-"):
                        continue
                    try:
                        with open(f"{outbox}/{job}/status.json") as handle:
                            status = json.load(handle)
                    except (OSError, ValueError):
                        continue
                    if status.get("status") == "complete":
                        published[(tenant, job)] = (status["documents"][0]["filename"], parse_time(status["timestamps"]["completed"]))
        end = max((when for _, when in published.values()), default=time.time())
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        if lowered:
            with open(queue_path, "w") as handle:
                handle.write(saved)

    latencies = sorted(when - dropped[(tenant, name)] for (tenant, _), (name, when) in published.items())
    # metrics.prom, or metrics-NODE.prom for a node on a PostgreSQL ledger.
    metrics = "".join(open(f"{root}/spool/{name}").read() for name in os.listdir(f"{root}/spool")
                      if name.startswith("metrics") and name.endswith(".prom"))

    def metric(name: str) -> int:
        return sum(int(float(line.split()[-1])) for line in metrics.splitlines() if line.startswith(name))

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] if latencies else float("nan")

    print()
    print(f"## Spool burst ({args.files:,} one-page PDFs, {args.tenants} tenants, "
          f"max_queued_events {args.queue if lowered else saved}, {engine} ledger)")
    print()
    print("| metric | value |")
    print("|---|---|")
    print(f"| published | {len(published):,} / {args.files:,} |")
    print(f"| drop (rename of all files) | {drop_seconds:.1f} s |")
    print(f"| total, first drop → last published | {end - start:.1f} s ({len(published) / max(end - start, 1e-9):.0f} jobs/s) |")
    print(f"| close → published latency p50 / p99 | {percentile(0.50):.1f} s / {percentile(0.99):.1f} s |")
    print(f"| inotify queue overflows | {metric('skillspool_inotify_overflows_total')} |")
    print(f"| files found by listings that events missed | {metric('skillspool_rescan_found_files_total')} |")
    if not os.environ.get("BENCH_KEEP"): shutil.rmtree(root, ignore_errors=True)
    return {"complete": len(published) == args.files, "jobs_per_second": len(published) / max(end - start, 1e-9)}


if __name__ == "__main__":
    sys.exit(main())
