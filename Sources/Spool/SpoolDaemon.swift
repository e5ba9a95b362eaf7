import CInotifyTools
import FileSystem
import Ledger
import Logging
import ServiceLifecycle
import SpoolConfig
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The spool daemon: watches every tenant's inbox, claims complete drops as jobs, runs them on worker threads
/// round-robin across tenants, publishes results and keeps the ledger, the dashboards and the metrics current.
///
/// A `Service`: on graceful shutdown it stops claiming, lets running jobs finish within the grace period and
/// returns; anything unfinished stays in `.work` and is recovered by the next start.
public struct SpoolDaemon: Service, CustomStringConvertible {
    let configuration: SpoolConfiguration
    let logger: Logger

    public init(configuration: SpoolConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public var description: String { "SpoolDaemon(\(configuration.spoolPath))" }

    public func run() async throws {
        // A worker that dies while the daemon answers it must fail the write (EPIPE), not end the daemon.
        signal(SIGPIPE, SIG_IGN)
        let spool = try Self.openSpool(configuration.spoolPath)
        let location = try LedgerLocation(configuration.ledger)
        // A PostgreSQL ledger coordinates several daemons (tenant leases); a SQLite one cannot, so its daemon
        // serves the spool alone. The spool lock is shared or exclusive accordingly: the two kinds never mix.
        let coordinated = if case .postgresql = location { true } else { false }
        let lock = try Self.lockSpool(spool, path: configuration.spoolPath, shared: coordinated)
        defer { withExtendedLifetime(lock) {} }
        let ledger = try Ledger(location: location)
        let node = coordinated ? configuration.node ?? Self.hostName : nil
        let state = DaemonState(configuration: configuration, ledger: ledger, spool: spool, logger: logger, node: node)
        // The first lease round comes before the tenants are loaded: only leased tenants are served.
        await state.announce()
        state.renewLeases()
        try state.loadTenants()
        let pollMode =
            configuration.watchMode == .poll
            || configuration.watchMode == .auto && Self.isNetworkFileSystem(configuration.spoolPath)
        logger.info(
            "starting",
            metadata: [
                "spool": "\(configuration.spoolPath)", "ledger": "\(ledger.location)",
                "tenants": "\(state.tenantNames.joined(separator: ","))", "workers": "\(state.workerCount)",
                "watch": "\(pollMode ? "poll" : "inotify")", "node": "\(node ?? "alone")",
            ]
        )
        state.recover()

        let watcher: InboxWatcher? =
            pollMode
            ? nil : InboxWatcher(tenants: state.watchedFolders(), signals: state.signals, logger: logger)
        watcher?.start()
        let workers = (0..<state.workerCount).map { index in DaemonThread { state.workLoop(index) } }
        let leaseKeeper = Task { await state.leaseLoop() }
        let dispatcher = WebhookDispatcher(
            ledger: ledger,
            node: node ?? Self.hostName,
            settings: configuration.webhooks,
            longestWaitSeconds: configuration.rescanSeconds,
            tenants: { state.tenantConfigurations() },
            metrics: state.metrics,
            logger: logger,
            attempted: { state.signals.post(.webhooksAttempted) }
        )
        let webhooks = Task { await dispatcher.run() }

        await withGracefulShutdownHandler {
            await state.intakeLoop(watcher: watcher)
        } onGracefulShutdown: {
            state.beginShutdown()
        }
        // Intake has stopped claiming (shutdown or cancellation); give running jobs the grace period.
        state.beginShutdown()
        if await state.waitForWorkers(workers.count, within: configuration.shutdownGraceSeconds) {
            for worker in workers { worker.join() }
        } else {
            logger.warning(
                "grace period over; unfinished jobs stay in .work for the next start",
                metadata: ["running": "\(state.runningJobs)"]
            )
        }
        // Deliveries stop with the jobs; what is pending is delivered after the next start.
        webhooks.cancel()
        await webhooks.value
        // Leases are kept until the last job here has finished, then given back at once.
        leaseKeeper.cancel()
        await leaseKeeper.value
        state.releaseLeases()
        watcher?.stop()
        state.writeMetrics(overflows: watcher?.overflows.load(ordering: .relaxed) ?? 0)
        logger.info("stopped")
    }

    /// Opens the spool folder, creating it if needed.
    static func openSpool(_ path: String) throws -> Directory {
        try Directory.open(path: path, create: true)
    }

    /// The lock file that keeps a second daemon off a spool.
    public static let lockName = ".lock"

    /// Takes the spool's lock, or refuses to start: a second daemon on the same folders would claim the same files
    /// into the same job folders, and each one's rollback would delete the other's claim.
    static func lockSpool(_ spool: Directory, path: String, shared: Bool) throws -> FileLock {
        switch try FileLock.acquire(lockName, in: spool, holder: "pid \(getpid()) on \(hostName)", shared: shared) {
        case .acquired(let lock):
            return lock
        case .heldBy(let holder):
            throw SpoolError(
                .spoolInUse,
                shared
                    ? "a daemon on a SQLite ledger (\(holder.isEmpty ? "holder unknown" : holder)) serves the spool "
                        + "\(path) alone; daemons sharing a spool all use the same PostgreSQL ledger"
                    : "another daemon (\(holder.isEmpty ? "holder unknown" : holder)) serves the spool \(path); "
                        + "several daemons share a spool only through a PostgreSQL ledger (docs/scale-out.md)"
            )
        }
    }

    /// This host's name: the default node name.
    static var hostName: String {
        var host = [CChar](repeating: 0, count: 256)
        return gethostname(&host, host.count) == 0 ? String(cString: host) : "unknown-host"
    }

    /// Whether `path` lies on NFS, SMB/CIFS or FUSE, where inotify sees nothing other machines write.
    public static func isNetworkFileSystem(_ path: String) -> Bool {
        let type = skillspool_filesystem_type(path)
        // NFS, SMB, CIFS, SMB2, FUSE, 9p.
        let networkTypes: Set<Int> = [0x6969, 0x517B, 0xFF53_4D42, 0xFE53_4D42, 0x6573_5546, 0x0102_1997]
        return networkTypes.contains(type)
    }
}
