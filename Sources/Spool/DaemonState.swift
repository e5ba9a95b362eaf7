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
    let scheduler = JobScheduler()
    let mailbox = WatchMailbox()
    let metrics = SpoolMetrics()
    let runner: JobRunner
    let intake: JobIntake
    let reviewDesk: ReviewDesk
    let outboxIndex: OutboxIndex
    let workerCount: Int

    private let tenants = Mutex<[String: TenantSpool]>([:])
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    /// Tenants whose dashboard is out of date.
    private let dirty = Mutex<Set<String>>([])
    /// The watcher's overflow count, for metrics written from intake.
    private let overflowCount = Atomic<Int>(0)

    init(configuration: SpoolConfiguration, ledger: Ledger, spool: Directory, logger: Logger) {
        self.configuration = configuration
        self.ledger = ledger
        self.spool = spool
        self.logger = logger
        runner = JobRunner(ledger: ledger, configuration: configuration, logger: logger)
        intake = JobIntake(ledger: ledger, logger: logger)
        reviewDesk = ReviewDesk(ledger: ledger, runner: runner, logger: logger)
        outboxIndex = OutboxIndex(ledger: ledger)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        workerCount = configuration.workers > 0 ? configuration.workers : max(1, cores)
    }

    var tenantNames: [String] { tenants.withLock { $0.keys.sorted() } }
    var runningJobs: Int { running.load(ordering: .relaxed) }
    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    func beginShutdown() {
        stopping.store(true, ordering: .relaxed)
        logger.notice("shutting down: no new claims, running jobs finish", metadata: ["running": "\(runningJobs)"])
    }

    func tenant(_ name: String) -> TenantSpool? { tenants.withLock { $0[name] } }

    func inboxPaths() -> [String: String] { tenants.withLock { $0.mapValues(\.inbox.path) } }

    /// Loads (or reloads) `etc/tenants/*.json`; a tenant whose file turns invalid keeps its last good settings.
    /// Returns the tenants that are new.
    @discardableResult
    func loadTenants() throws -> [TenantSpool] {
        let loaded = try TenantConfiguration.loadAll(folder: configuration.tenantsPath)
        var added: [TenantSpool] = []
        let hourAgo = Timestamp.format(seconds: Int(time(nil)) - 3_600)
        for tenantConfiguration in loaded {
            if let current = tenant(tenantConfiguration.name), current.configuration == tenantConfiguration { continue }
            let spoolTenant = try TenantSpool(configuration: tenantConfiguration, spool: spool)
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

    /// Recovers every tenant's leftovers and queues the jobs to run again.
    func recover() throws {
        let recovery = JobRecovery(ledger: ledger, logger: logger)
        for name in tenantNames {
            guard let tenant = tenant(name) else { continue }
            for job in try recovery.recover(tenant) { scheduler.enqueue(job, tenant: name) }
            try reviewDesk.decide(tenant)
            try outboxIndex.regenerate(tenant)
        }
    }

    /// One worker thread: takes jobs round-robin until shutdown.
    func workLoop(_ index: Int) {
        while !isStopping {
            guard let (name, job) = scheduler.next(now: Timestamp.monotonicSeconds()), let tenant = tenant(name) else {
                usleep(20_000)
                continue
            }
            running.add(1, ordering: .relaxed)
            let outcome = runner.run(job, tenant: tenant)
            running.subtract(1, ordering: .relaxed)
            scheduler.finished(job, tenant: name)
            metrics.finished(name, status: outcome.rawValue)
            markDirty(name)
        }
    }

    func markDirty(_ tenant: String) { _ = dirty.withLock { $0.insert(tenant) } }

    /// Writes `spool/metrics.prom`.
    func writeMetrics(trackers: [String: InboxTracker] = [:], overflows: Int? = nil) {
        if let overflows { overflowCount.store(overflows, ordering: .relaxed) }
        let now = Timestamp.monotonicSeconds()
        let text = metrics.render(
            tenants: tenantNames,
            queueDepth: scheduler.depths(),
            waitingFiles: trackers.mapValues(\.waitingCount),
            oldestWaiting: trackers.mapValues { $0.oldestWaitingAge(now: now) },
            running: runningJobs,
            overflows: overflowCount.load(ordering: .relaxed)
        )
        do { try spool.writeDurably("metrics.prom", Array(text.utf8)) } catch {
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
