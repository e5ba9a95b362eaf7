import FileSystem
import Ledger
import Logging
import SpoolConfig
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Everything the daemon's intake task and worker threads share.
final class DaemonState: Sendable {
    let configuration: SpoolConfiguration
    let ledger: Ledger
    let spool: Directory
    let logger: Logger
    let scheduler: JobScheduler
    let signals = DaemonSignals()
    let metrics = SpoolMetrics()
    let runner: JobRunner
    let intake: JobIntake
    let reviewDesk: ReviewDesk
    let caseDesk: CaseDesk
    let outboxIndex: OutboxIndex
    let workerCount: Int
    /// This daemon's name when several share the spool through a PostgreSQL ledger; nil when it serves the spool
    /// alone (then every tenant is its own).
    let node: String?

    /// The tenants this node holds leases for (nil: alone, all of them), and its share at the last lease round.
    let leases = Mutex<(owned: Set<String>?, share: Int)>((nil, .max))
    /// Held around every change of this node's leases (a lease round, a tenant given back), so that a round running
    /// while intake gives a tenant back cannot record it as still held.
    let leaseChange = Mutex<Void>(())
    /// Tenants above this node's share that take no new files, to be given back once their jobs here are done.
    let draining = Mutex<Set<String>>([])

    /// Rings once per worker thread that has returned (for the shutdown's grace period).
    let workerExits: AsyncStream<Void>
    private let workerExited: AsyncStream<Void>.Continuation

    private let tenants = Mutex<[String: TenantSpool]>([:])
    /// Whether the spool was below its free-space floor at the last look.
    let lowSpace = Atomic<Bool>(false)
    /// Until when (monotonic seconds) no file is claimed because the ledger was unreachable; 0 when claiming.
    let claimsPausedUntil = Mutex<Double>(0)
    /// Runs so far of jobs that failed for a passing reason, for their backoff.
    private let retries = Mutex<[String: Int]>([:])
    /// Tenants whose folders or leftovers could not be used, with why (`ERR::…: message`).
    private let degraded = Mutex<[String: String]>([:])
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    /// Tenants whose dashboard is out of date.
    private let dirty = Mutex<Set<String>>([])
    /// The watcher's overflow count, for metrics written from intake.
    private let overflowCount = Atomic<Int>(0)

    init(configuration: SpoolConfiguration, ledger: Ledger, spool: Directory, logger: Logger, node: String? = nil) {
        self.configuration = configuration
        self.node = node
        self.ledger = ledger
        self.spool = spool
        self.logger = logger
        runner = JobRunner(
            ledger: ledger,
            configuration: configuration,
            logger: logger,
            worker: WorkerProcess(configurationPath: configuration.sourcePath)
        )
        intake = JobIntake(ledger: ledger, logger: logger)
        reviewDesk = ReviewDesk(ledger: ledger, runner: runner, logger: logger)
        caseDesk = CaseDesk(ledger: ledger, intake: intake, logger: logger)
        outboxIndex = OutboxIndex(ledger: ledger)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        workerCount =
            configuration.workers > 0
            ? configuration.workers : Self.defaultWorkers(cores: cores, ledger: ledger.location)
        scheduler = JobScheduler(workers: workerCount)
        (workerExits, workerExited) = AsyncStream.makeStream(of: Void.self)
    }

    /// Workers when the configuration leaves it to the daemon: one per core with the embedded ledger; twice that
    /// with a ledger over the network, where every job waits on its round trips (claim, reservation, stage changes,
    /// settlement) and the other workers keep the cores busy meanwhile.
    static func defaultWorkers(cores: Int, ledger: LedgerLocation) -> Int {
        switch ledger {
        case .sqlite: max(1, cores)
        case .postgresql: 2 * max(1, cores)
        }
    }

    var tenantNames: [String] { tenants.withLock { $0.keys.sorted() } }
    var runningJobs: Int { running.load(ordering: .relaxed) }
    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Stops claiming and starting jobs: intake ends its pass, idle workers return, running jobs finish.
    func beginShutdown() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        scheduler.stop()
        signals.finish()
        logger.notice("shutting down: no new claims, running jobs finish", metadata: ["running": "\(runningJobs)"])
    }

    func tenant(_ name: String) -> TenantSpool? { tenants.withLock { $0[name] } }

    /// Stops serving `name` (its lease went to another node): queued jobs of it are skipped by the workers.
    func dropTenant(_ name: String) { tenants.withLock { _ = $0.removeValue(forKey: name) } }

    func tenantConfigurations() -> [String: TenantConfiguration] { tenants.withLock { $0.mapValues(\.configuration) } }

    /// Whether some tenant's dashboard is out of date.
    var hasDirtyDashboards: Bool { dirty.withLock { !$0.isEmpty } }

    /// The folders the watcher watches, per tenant.
    func watchedFolders() -> [String: InboxWatcher.Folders] {
        tenants.withLock { $0.mapValues { InboxWatcher.Folders(inbox: $0.inbox.path, review: $0.review.path) } }
    }

    /// Loads (or reloads) `etc/tenants/*.json`; a tenant whose file turns invalid keeps its last good settings.
    /// Returns the tenants that are new.
    @discardableResult
    func loadTenants() throws -> [TenantSpool] {
        let loaded = try TenantConfiguration.loadAll(folder: configuration.tenantsPath)
        var added: [TenantSpool] = []
        let hourAgo = Timestamp.format(seconds: Int(time(nil)) - 3_600)
        let owned = leases.withLock { $0.owned }
        for tenantConfiguration in loaded {
            let name = tenantConfiguration.name
            // With several nodes, a tenant is served only by the node holding its lease.
            if let owned, !owned.contains(name) { continue }
            if let current = tenant(name), current.configuration == tenantConfiguration { continue }
            let spoolTenant: TenantSpool
            do {
                spoolTenant = try TenantSpool.open(configuration: tenantConfiguration, spool: spool)
                clearDegraded(name)
            } catch {
                // One tenant's folders (planted links, permissions) never keep the others from being served.
                markDegraded(name, error)
                continue
            }
            let isNew = tenant(tenantConfiguration.name) == nil
            tenants.withLock { $0[tenantConfiguration.name] = spoolTenant }
            scheduler.register(
                tenantConfiguration,
                startedLastHour: try ledger.startedJobCount(tenant: tenantConfiguration.name, since: hourAgo),
                now: Timestamp.monotonicSeconds()
            )
            if isNew { added.append(spoolTenant) }
        }
        return added
    }

    /// Recovers every tenant's leftovers and queues the jobs to run again; a tenant whose recovery fails is logged
    /// and marked degraded, and the others are served.
    func recover() {
        for name in tenantNames { recover(name) }
    }

    /// Recovers one tenant (at start, or when it is added or comes back from being degraded).
    func recover(_ name: String) {
        guard let tenant = tenant(name) else { return }
        let recovery = JobRecovery(ledger: ledger, logger: logger)
        // One tenant's leftovers (a planted folder, a damaged ticket) must not keep the others from being served.
        do {
            for job in try recovery.recover(tenant) { scheduler.enqueue(job, tenant: name) }
            try reviewDesk.decide(tenant)
            try outboxIndex.regenerate(tenant)
        } catch {
            markDegraded(name, error)
        }
    }

    /// One worker thread: sleeps until a job may start, runs it, and returns once shutdown has begun.
    func workLoop(_ index: Int) {
        defer { workerExited.yield() }
        while let (name, job) = scheduler.take() {
            guard let tenant = tenant(name) else {
                scheduler.finished(job, tenant: name)
                continue
            }
            running.add(1, ordering: .relaxed)
            let outcome = runner.run(job, tenant: tenant)
            running.subtract(1, ordering: .relaxed)
            scheduler.finished(job, tenant: name)
            if outcome == .retry {
                // 2, 4, 8 … seconds, at most five minutes, per job.
                let count = retries.withLock { counts -> Int in
                    counts[name + "/" + job, default: 0] += 1
                    return counts[name + "/" + job]!
                }
                let delay = min(300.0, Double(1 << min(count, 9)))
                scheduler.enqueue(job, tenant: name, due: Timestamp.monotonicSeconds() + delay)
            } else {
                retries.withLock { _ = $0.removeValue(forKey: name + "/" + job) }
            }
            metrics.finished(name, status: outcome.rawValue)
            markDirty(name)
            signals.post(.jobEnded(tenant: name))
        }
    }

    /// Waits until `count` workers have returned or `seconds` have passed; true when all returned.
    func waitForWorkers(_ count: Int, within seconds: Double) async -> Bool {
        guard count > 0 else { return true }
        let exits = workerExits
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var returned = 0
                for await _ in exits {
                    returned += 1
                    if returned == count { return true }
                }
                return returned == count
            }
            group.addTask {
                do { try await Task.sleep(for: .seconds(seconds)) } catch { return false }
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    func markDirty(_ tenant: String) { _ = dirty.withLock { $0.insert(tenant) } }

    /// Records that `tenant` cannot be served as it is; logged once per distinct reason, shown in the metrics, and
    /// tried again at every tenant reload.
    func markDegraded(_ tenant: String, _ error: any Error) {
        let reason = "\(error)"
        let isNew = degraded.withLock { $0.updateValue(reason, forKey: tenant) != reason }
        if isNew {
            logger.error(
                "tenant degraded: not served until fixed",
                metadata: ["tenant": "\(tenant)", "error": "\(reason)"]
            )
        }
    }

    func clearDegraded(_ tenant: String) {
        if degraded.withLock({ $0.removeValue(forKey: tenant) }) != nil {
            logger.notice("tenant served again", metadata: ["tenant": "\(tenant)"])
        }
    }

    func isDegraded(_ tenant: String) -> Bool { degraded.withLock { $0[tenant] != nil } }

    var degradedTenants: [String] { degraded.withLock { $0.keys.sorted() } }

    /// The metrics file: `metrics.prom`, or `metrics-NODE.prom` per node when several share the spool.
    var metricsFileName: String { node.map { "metrics-\($0).prom" } ?? "metrics.prom" }

    /// Writes `spool/metrics.prom` (per node: `metrics-NODE.prom`).
    func writeMetrics(
        trackers: [String: InboxTracker] = [:],
        caseTrackers: [String: [String: InboxTracker]] = [:],
        overflows: Int? = nil
    ) {
        if let overflows { overflowCount.store(overflows, ordering: .relaxed) }
        let now = Timestamp.monotonicSeconds()
        // A tenant's waiting files are those of its inbox and of its case folders.
        var waiting = trackers.mapValues(\.waitingCount)
        var oldest = trackers.mapValues { $0.oldestWaitingAge(now: now) }
        for (tenant, folders) in caseTrackers {
            for tracker in folders.values {
                waiting[tenant, default: 0] += tracker.waitingCount
                oldest[tenant] = max(oldest[tenant] ?? 0, tracker.oldestWaitingAge(now: now))
            }
        }
        let text = metrics.render(
            tenants: tenantNames,
            queueDepth: scheduler.depths(),
            waitingFiles: waiting,
            oldestWaiting: oldest,
            running: runningJobs,
            overflows: overflowCount.load(ordering: .relaxed),
            degraded: degradedTenants,
            pendingWebhooks: (try? ledger.pendingWebhookCounts()) ?? [:]
        )
        do { try spool.writeDurably(metricsFileName, Array(text.utf8)) } catch {
            logger.error("cannot write metrics", metadata: ["error": "\(error)"])
        }
    }

    /// Regenerates the dashboards of tenants whose jobs changed.
    func refreshDashboards() {
        let names = dirty.withLock { names in
            defer { names = [] }; return names
        }
        for name in names.sorted() {
            guard let tenant = tenant(name) else { continue }
            do { try outboxIndex.regenerate(tenant) } catch {
                logger.error("cannot regenerate the dashboard", metadata: ["tenant": "\(name)", "error": "\(error)"])
            }
        }
    }
}
