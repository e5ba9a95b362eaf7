import FileSystem
import Foundation
import GRDB
import Ledger
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Load generator for ledger tests and benchmarks (not part of the product CLI).
///
///     skillspool-ledger-load seed PATH --jobs N --entries N     bulk history: N jobs, N credit entries
///     skillspool-ledger-load stream PATH --rate R --seconds S   R entries/s through the public API
///     skillspool-ledger-load jobs LEDGER --jobs N --threads T     the daemon's ledger calls of N jobs on T threads
@main
enum LedgerLoad {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else {
            print("usage: skillspool-ledger-load seed|stream PATH [--jobs N] [--entries N] [--rate R] [--seconds S]")
            exit(2)
        }
        let mode = arguments.removeFirst()
        let path = arguments.removeFirst()
        var options: [String: Int] = [:]
        while arguments.count >= 2, arguments[0].hasPrefix("--") {
            options[String(arguments[0].dropFirst(2))] = Int(arguments[1]) ?? 0
            arguments.removeFirst(2)
        }
        switch mode {
        case "seed": try seed(path: path, jobs: options["jobs"] ?? 100_000, entries: options["entries"] ?? 1_000_000)
        case "stream": try stream(path: path, rate: options["rate"] ?? 1000, seconds: options["seconds"] ?? 5)
        case "jobs": try jobs(setting: path, count: options["jobs"] ?? 2000, threads: options["threads"] ?? 2)
        default:
            print("unknown mode \(mode)")
            exit(2)
        }
    }

    /// Bulk-inserts a realistic history in large transactions: jobs spread over ten tenants and a year, each with
    /// a reserve and a settle or refund, plus monthly top-ups, until `entries` credit entries exist.
    static func seed(path: String, jobs: Int, entries: Int) throws {
        let ledger = try Ledger(path: path)
        _ = ledger
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let tenants = (0..<10).map { "tenant-\($0)" }
        try queue.write { db in
            for tenant in tenants {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO tenants (name, created_at) VALUES (?, '2025-01-01T00:00:00.000Z')",
                    arguments: [tenant]
                )
                try db.execute(
                    sql:
                        "INSERT OR IGNORE INTO credit_entries (tenant, kind, credits, idempotency_key, created_at) VALUES (?, 'topup', 1000000000, ?, '2025-01-01T00:00:00.000Z')",
                    arguments: [tenant, "topup:\(tenant):seed"]
                )
            }
        }
        var written = 0
        var job = 0
        let batch = 20_000
        // Jobs first (a reserve and a close each), then top-ups until `entries` entries exist.
        while job < jobs {
            try queue.write { db in
                let insertJob = try db.makeStatement(
                    sql:
                        "INSERT INTO jobs (id, tenant, status, current_stage, created_at, completed_at) VALUES (?, ?, ?, 'publish', ?, ?)"
                )
                let insertEntry = try db.makeStatement(
                    sql:
                        "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                )
                var inBatch = 0
                while inBatch < batch && job < jobs {
                    let id = "job-\(job)"
                    let tenant = tenants[job % tenants.count]
                    let second = job * 31 % (365 * 86400)
                    let created = Timestamp.format(seconds: 1_735_689_600 + second)
                    let failed = job % 17 == 0
                    try insertJob.execute(arguments: [id, tenant, failed ? "failed" : "complete", created, created])
                    let pages = 1 + job % 40
                    if written < entries {
                        try insertEntry.execute(arguments: [tenant, id, "reserve", pages, "job:\(id):reserve", created])
                        written += 1
                    }
                    if written < entries {
                        try insertEntry.execute(
                            arguments: [tenant, id, failed ? "refund" : "settle", pages, "job:\(id):close", created]
                        )
                        written += 1
                    }
                    job += 1
                    inBatch += 1
                }
            }
        }
        var topup = 0
        while written < entries {
            try queue.write { db in
                let insertEntry = try db.makeStatement(
                    sql:
                        "INSERT INTO credit_entries (tenant, kind, credits, idempotency_key, created_at) VALUES (?, 'topup', ?, ?, ?)"
                )
                var inBatch = 0
                while inBatch < batch && written < entries {
                    let tenant = tenants[topup % tenants.count]
                    let created = Timestamp.format(seconds: 1_735_689_600 + topup * 7 % (365 * 86400))
                    try insertEntry.execute(arguments: [
                        tenant, 10 + topup % 90, "topup:\(tenant):order-\(topup)", created,
                    ])
                    written += 1
                    topup += 1
                    inBatch += 1
                }
            }
        }
        print("seeded \(job) jobs and \(written) credit entries")
    }

    /// Accepts and settles jobs through the public API at `rate` entries per second (three entries per job), on the
    /// ledger `path` names: a SQLite file or a `postgresql://` URL.
    static func stream(path: String, rate: Int, seconds: Int) throws {
        let ledger = try Ledger(setting: path)
        let start = now()
        var count = 0
        let run = "\(getpid())-\(Int(start * 1000))"
        while now() - start < Double(seconds) {
            let id = "stream-\(run)-\(count)"
            try ledger.createJob(JobRecord(id: id, tenant: "stream"))
            try ledger.topUp(tenant: "stream", credits: 5, reference: "\(id)")
            try ledger.reserve(job: id, credits: 3, allowance: 0)
            try ledger.updateJob(id, status: .complete, stage: .publish)
            try ledger.settle(job: id, credits: 2)
            count += 1
            // Three entries per job (top-up, reserve, settle): pace to the requested entry rate.
            let due = start + Double(count * 3) / Double(rate)
            let wait = due - now()
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
        }
        print("streamed \(count) jobs, \(count * 3) entries")
    }

    /// Runs the ledger calls the daemon makes for one published job (claim, status check, four stage moves, the
    /// reservation, the finish with a document, an output and a QA score) `count` times on `threads` threads, and
    /// reports the wall time and the process's CPU time per job: the ledger's own cost, without any conversion.
    static func jobs(setting: String, count: Int, threads: Int) throws {
        let ledger = try Ledger(setting: setting)
        let run = "\(getpid())-\(Int(now() * 1000))"
        try ledger.topUp(tenant: "load", credits: 1_000_000_000, reference: run)
        let next = Mutex(0)
        let failures = Mutex<[String]>([])
        let startCPU = cpuSeconds()
        let start = now()
        let work: @Sendable () -> Void = {
            while true {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                let id = "load-\(run)-\(index)"
                do {
                    guard try ledger.jobStatus(id) == nil else { continue }
                    try ledger.createJob(JobRecord(id: id, tenant: "load", currentStage: .intake))
                    _ = try ledger.jobStatus(id)
                    try ledger.updateJob(id, status: .processing, stage: .inspect)
                    try ledger.reserve(job: id, credits: 1, allowance: 100)
                    for stage in [JobStage.extract, .qa, .publish] {
                        try ledger.updateJob(id, status: .processing, stage: stage)
                    }
                    try ledger.finishJob(
                        id,
                        status: .complete,
                        stage: .publish,
                        documents: [DocumentRecord(fileName: "a.pdf", sha256: "00", bytes: 1, pages: 1)],
                        outputs: [OutputRecord(format: "skill", path: "\(id)/a.zip", bytes: 1, sha256: "00")],
                        qaScores: [QAScoreRecord(skill: "a", agent: "qa", score: 90, passed: true)],
                        settle: 1
                    )
                } catch {
                    failures.withLock { $0.append("\(id): \(error)") }
                }
            }
        }
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            Thread {
                work()
                finished.leave()
            }.start()
        }
        finished.wait()
        let wall = now() - start
        let cpu = cpuSeconds() - startCPU
        for failure in failures.withLock({ $0 }).prefix(5) { print("failed: \(failure)") }
        print(
            String(
                format: "%d jobs on %d threads: %.1f jobs/s, %.2f ms wall and %.2f ms CPU of this process per job",
                count,
                threads,
                Double(count) / wall,
                wall * 1000 / Double(count),
                cpu * 1000 / Double(count)
            )
        )
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
