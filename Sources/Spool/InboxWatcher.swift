import CInotifyTools
import FileSystem
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches every tenant's inbox and review folders with libinotifytools from one dedicated thread, posting
/// ``WatchEvent``s to intake.
///
/// The library keeps one process-wide inotify descriptor and static buffers, so it is touched from this thread
/// only and strings it returns are copied at once. The thread blocks in the library until an event arrives; to
/// stop it or hand it a new tenant, ``wake()`` interrupts that wait with a signal (`SIGUSR2`, whose handler does
/// nothing: `select` returns `EINTR` and the loop looks at its flags). Nothing runs on a timer, except a retry every
/// 2 s while a folder that should be watched cannot be.
final class InboxWatcher: Sendable {
    /// A tenant's folders to watch.
    struct Folders: Sendable, Hashable {
        var inbox: String
        var review: String
    }

    /// What one watch descriptor watches.
    fileprivate struct Target: Hashable {
        enum Kind { case inbox, caseFolder, reviewRoot, reviewJob }
        var tenant: String
        var kind: Kind
        var path: String
    }

    private let signals: DaemonSignals
    private let wanted: Mutex<[String: Folders]>
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let exited = Atomic<Bool>(false)
    private let failed = Atomic<Bool>(false)
    private let threadID = Mutex<pthread_t?>(nil)
    private let thread = Mutex<DaemonThread?>(nil)

    /// Overflows of the kernel queue seen so far.
    let overflows = Atomic<Int>(0)

    private static let inboxMask =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)
    private static let caseFolderMask =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW)
    private static let reviewRootMask =
        UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)
    private static let reviewJobMask =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    init(tenants: [String: Folders], signals: DaemonSignals, logger: Logger) {
        wanted = Mutex(tenants)
        self.signals = signals
        self.logger = logger
    }

    /// Whether the watcher could not start (intake then lists inboxes on the poll interval instead).
    var hasFailed: Bool { failed.load(ordering: .relaxed) }

    /// Adds a tenant's folders to watch (a tenant added while running).
    func watch(tenant: String, folders: Folders) {
        let changed = wanted.withLock { wanted in
            defer { wanted[tenant] = folders }
            return wanted[tenant] != folders
        }
        if changed { wake() }
    }

    func start() {
        Self.installWakeHandler()
        let started = DaemonThread { [self] in
            // Threads started from Swift's executors inherit a mask that blocks every signal.
            var wakeSignal = sigset_t()
            sigemptyset(&wakeSignal)
            sigaddset(&wakeSignal, SIGUSR2)
            pthread_sigmask(SIG_UNBLOCK, &wakeSignal, nil)
            threadID.withLock { $0 = pthread_self() }
            loop()
            exited.store(true, ordering: .releasing)
        }
        thread.withLock { $0 = started }
    }

    /// Stops the thread and waits for it. A wake-up that lands just before the thread enters its wait is lost, so
    /// it is repeated until the thread is seen to have left.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        while thread.withLock({ $0 }) != nil, !exited.load(ordering: .acquiring) {
            wake()
            usleep(5_000)
        }
        thread.withLock { $0?.join() }
    }

    private func wake() {
        if let id = threadID.withLock({ $0 }) { pthread_kill(id, SIGUSR2) }
    }

    private static let handlerInstalled = Atomic<Bool>(false)

    /// A handler that does nothing, so that `SIGUSR2` interrupts the watcher's wait instead of ending the process.
    private static func installWakeHandler() {
        guard !handlerInstalled.exchange(true, ordering: .relaxed) else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGUSR2, &action, nil)
    }

    private func loop() {
        guard inotifytools_initialize() != 0 else {
            logger.error(
                "inotify is unavailable; falling back to polling",
                metadata: ["errno": "\(inotifytools_error())"]
            )
            failed.store(true, ordering: .relaxed)
            signals.post(.watch(.rescan(tenant: nil)))
            return
        }
        defer { inotifytools_cleanup() }
        var targets: [Int32: Target] = [:]
        while !stopping.load(ordering: .relaxed) {
            let incomplete = addMissingWatches(&targets)
            guard !stopping.load(ordering: .relaxed) else { break }
            // 0 blocks until an event or a wake-up; 2 s when a folder must be tried again.
            guard let event = inotifytools_next_event(incomplete ? 2 : 0) else { continue }
            handle(event.pointee, name: String(cString: skillspool_inotify_event_name(event)), targets: &targets)
        }
    }

    /// Watches every wanted inbox and review folder not watched yet; true when one could not be.
    private func addMissingWatches(_ targets: inout [Int32: Target]) -> Bool {
        let watched = Set(
            targets.values.filter { $0.kind == .inbox || $0.kind == .reviewRoot }.map { "\($0.kind):\($0.tenant)" }
        )
        var incomplete = false
        for (tenant, folders) in wanted.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let roots: [(kind: Target.Kind, children: Target.Kind, path: String, listed: WatchEvent)] = [
                (.inbox, .caseFolder, folders.inbox, .rescan(tenant: tenant)),
                (.reviewRoot, .reviewJob, folders.review, .review(tenant: tenant)),
            ]
            for root in roots where !watched.contains("\(root.kind):\(tenant)") {
                guard add(Target(tenant: tenant, kind: root.kind, path: root.path), to: &targets) else {
                    incomplete = true
                    continue
                }
                let children =
                    root.kind == .inbox
                    ? Self.caseFolders(root.path) : (try? Directory.open(path: root.path).names()) ?? []
                for child in children {
                    _ = add(Target(tenant: tenant, kind: root.children, path: root.path + "/" + child), to: &targets)
                }
                // What was created before the watch existed is found by listing right after it.
                signals.post(.watch(root.listed))
            }
        }
        return incomplete
    }

    /// The case folders of an inbox (not dot-folders; links are not followed).
    private static func caseFolders(_ inbox: String) -> [String] {
        guard let folder = try? Directory.open(path: inbox) else { return [] }
        return ((try? folder.names()) ?? []).filter { !$0.hasPrefix(".") && folder.signature($0)?.kind == .folder }
    }

    private func add(_ target: Target, to targets: inout [Int32: Target]) -> Bool {
        let mask: UInt32
        switch target.kind {
        case .inbox: mask = Self.inboxMask
        case .caseFolder: mask = Self.caseFolderMask
        case .reviewRoot: mask = Self.reviewRootMask
        case .reviewJob: mask = Self.reviewJobMask
        }
        guard inotifytools_watch_file(target.path, Int32(bitPattern: mask)) != 0 else { return false }
        var descriptor = inotifytools_wd_from_filename(target.path)
        if descriptor < 0 { descriptor = inotifytools_wd_from_filename(target.path + "/") }
        targets[descriptor] = target
        logger.debug("watching", metadata: ["tenant": "\(target.tenant)", "path": "\(target.path)"])
        return true
    }

    private func handle(_ event: inotify_event, name: String, targets: inout [Int32: Target]) {
        let flags = event.mask
        if flags & UInt32(IN_Q_OVERFLOW) != 0 {
            overflows.add(1, ordering: .relaxed)
            signals.post(.watch(.rescan(tenant: nil)))
            return
        }
        guard let target = targets[event.wd] else { return }
        if flags & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // The folder went (a decided review job) or was replaced: watched again on the next pass if wanted.
            targets[event.wd] = nil
            if target.kind == .inbox { signals.post(.watch(.rescan(tenant: target.tenant))) }
            return
        }
        switch target.kind {
        case .inbox:
            if flags & UInt32(IN_ISDIR) != 0, flags & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.isEmpty {
                // A case folder: watched from now on, and listed (files may have landed before the watch).
                if !name.hasPrefix(".") {
                    _ = add(
                        Target(tenant: target.tenant, kind: .caseFolder, path: target.path + "/" + name),
                        to: &targets
                    )
                }
                signals.post(.watch(.rescan(tenant: target.tenant)))
            } else if flags & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0, !name.isEmpty {
                signals.post(.watch(.file(tenant: target.tenant, name: name)))
            }
        case .caseFolder:
            signals.post(.watch(.rescan(tenant: target.tenant)))
        case .reviewRoot:
            if flags & UInt32(IN_ISDIR) != 0, !name.isEmpty {
                _ = add(Target(tenant: target.tenant, kind: .reviewJob, path: target.path + "/" + name), to: &targets)
            }
            signals.post(.watch(.review(tenant: target.tenant)))
        case .reviewJob:
            signals.post(.watch(.review(tenant: target.tenant)))
        }
    }
}
