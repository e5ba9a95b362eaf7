import Synchronization

/// What the watcher tells intake. Hints only: intake always checks the folder itself.
enum WatchEvent: Sendable, Hashable {
    /// A file was closed after writing or moved into a tenant's inbox.
    case file(tenant: String, name: String)
    /// Look at the whole inbox (nil: every inbox) — the queue overflowed or a watch was lost or added.
    case rescan(tenant: String?)
    /// Something changed in a tenant's `review/` folders: a decision may have been dropped.
    case review(tenant: String)
}

/// Why the intake task should look again.
enum DaemonSignal: Sendable, Hashable {
    case watch(WatchEvent)
    /// A worker finished a job of this tenant (its dashboard is out of date, a review may be due).
    case jobEnded(tenant: String)
    /// A deadline intake set for itself passed (a quiet period, the periodic listing, a coalesced write).
    case alarm
    /// The tenants this node holds leases for changed (several daemons on one spool).
    case leasesChanged
    /// Webhook deliveries were attempted (the metrics' counters and backlog changed).
    case webhooksAttempted
}

/// The intake task's inbox: any thread posts signals, and a doorbell — an `AsyncStream` holding at most one ring —
/// wakes the task, which then takes every signal posted so far in one batch. A burst of ten thousand inotify events
/// costs one intake pass, not ten thousand.
final class DaemonSignals: Sendable {
    private let pending = Mutex<[DaemonSignal]>([])
    /// Rings once for any number of posts since the intake task last took them.
    let doorbell: AsyncStream<Void>
    private let ringer: AsyncStream<Void>.Continuation

    init() {
        (doorbell, ringer) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func post(_ signal: DaemonSignal) {
        pending.withLock { $0.append(signal) }
        ringer.yield()
    }

    /// Every signal posted since the last call.
    func take() -> [DaemonSignal] {
        pending.withLock { signals in
            defer { signals = [] }
            return signals
        }
    }

    /// Ends the doorbell: the intake task's loop finishes after its current pass.
    func finish() { ringer.finish() }
}
