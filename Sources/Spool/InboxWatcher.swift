import CInotifyTools
import FileSystem
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What the watcher tells intake. Hints only: intake always checks the folder itself.
enum WatchEvent: Sendable, Hashable {
    /// A file was closed after writing or moved in.
    case file(tenant: String, name: String)
    /// Look at the whole inbox (nil: every inbox) — the queue overflowed or a watch was lost or added.
    case rescan(tenant: String?)
}

/// Events posted by one thread and taken by another.
final class WatchMailbox: Sendable {
    private let events = Mutex<[WatchEvent]>([])

    func post(_ event: WatchEvent) { events.withLock { $0.append(event) } }

    func take() -> [WatchEvent] {
        events.withLock { events in
            defer { events = [] }; return events
        }
    }
}

/// Watches every tenant's inbox with libinotifytools from one dedicated thread.
///
/// The library keeps one process-wide inotify descriptor and static buffers, so it is touched from this thread
/// only and strings it returns are copied at once. `next_event` with a 1 s timeout lets the thread notice `stop()`.
final class InboxWatcher: Sendable {
    private let mailbox: WatchMailbox
    private let inboxes: Mutex<[String: String]>
    private let stopping = Atomic<Bool>(false)
    private let failed = Atomic<Bool>(false)
    private let logger: Logger
    private let thread = Mutex<DaemonThread?>(nil)

    /// Overflows of the kernel queue seen so far.
    let overflows = Atomic<Int>(0)

    init(inboxes: [String: String], mailbox: WatchMailbox, logger: Logger) {
        self.inboxes = Mutex(inboxes)
        self.mailbox = mailbox
        self.logger = logger
    }

    /// Whether the watcher could not start (intake then lists inboxes on the poll interval instead).
    var hasFailed: Bool { failed.load(ordering: .relaxed) }

    /// Adds an inbox to watch (a tenant added while running).
    func watch(tenant: String, path: String) { inboxes.withLock { $0[tenant] = path } }

    func start() {
        let started = DaemonThread { [self] in loop() }
        thread.withLock { $0 = started }
    }

    func stop() {
        stopping.store(true, ordering: .relaxed)
        thread.withLock { $0?.join() }
    }

    private func loop() {
        guard inotifytools_initialize() != 0 else {
            logger.error(
                "inotify is unavailable; falling back to polling",
                metadata: ["errno": "\(inotifytools_error())"]
            )
            failed.store(true, ordering: .relaxed)
            return
        }
        defer { inotifytools_cleanup() }
        let mask = Int32(
            bitPattern: UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)
        )
        var tenantsByDescriptor: [Int32: String] = [:]
        var lastAttempt = -Double.infinity
        while !stopping.load(ordering: .relaxed) {
            let now = Timestamp.monotonicSeconds()
            if now - lastAttempt >= 2 {
                lastAttempt = now
                let wanted = inboxes.withLock { $0 }
                let watched = Set(tenantsByDescriptor.values)
                for (tenant, path) in wanted.sorted(by: { $0.key < $1.key }) where !watched.contains(tenant) {
                    guard inotifytools_watch_file(path, mask) != 0 else { continue }
                    var descriptor = inotifytools_wd_from_filename(path)
                    if descriptor < 0 { descriptor = inotifytools_wd_from_filename(path + "/") }
                    tenantsByDescriptor[descriptor] = tenant
                    // Files created before the watch existed are found by listing right after it.
                    mailbox.post(.rescan(tenant: tenant))
                    logger.debug("watching", metadata: ["tenant": "\(tenant)", "path": "\(path)"])
                }
            }
            guard let event = inotifytools_next_event(1) else { continue }
            let flags = event.pointee.mask
            if flags & UInt32(IN_Q_OVERFLOW) != 0 {
                overflows.add(1, ordering: .relaxed)
                mailbox.post(.rescan(tenant: nil))
                continue
            }
            let tenant = tenantsByDescriptor[event.pointee.wd]
            if flags & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                tenantsByDescriptor[event.pointee.wd] = nil
                if let tenant { mailbox.post(.rescan(tenant: tenant)) }
                continue
            }
            if let tenant, flags & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                let name = String(cString: skillspool_inotify_event_name(event))
                if !name.isEmpty { mailbox.post(.file(tenant: tenant, name: name)) }
            }
        }
    }
}
