import FileSystem
import SpoolConfig

/// Claimed jobs waiting for a worker, one queue per tenant, served round-robin so that one tenant's thousands of
/// files cannot starve another's one. Enforces each tenant's concurrent-jobs and jobs-per-hour limits: a job over
/// a limit waits, it does not fail.
///
/// A lock rather than an actor: worker threads block on conversions and sleep in ``take()`` until a job may start
/// (queued, a concurrency slot freed, an hourly slot due) or the scheduler stops — never on a timer.
final class JobScheduler: Sendable {
    private let state: ConditionLock<State>

    /// - Parameter workers: the daemon's worker threads; with more than one tenant, no tenant may hold all of them,
    ///   so one worker is always free for the others however long one tenant's jobs run.
    init(workers: Int = 1) { state = ConditionLock(State(workers: workers)) }

    fileprivate struct State {
        var workers: Int
        var queues: [String: TenantQueue] = [:]
        var order: [String] = []
        var cursor = 0
        var queued = Set<String>()
        var stopped = false
    }

    fileprivate struct TenantQueue {
        var configuration: TenantConfiguration
        var waiting: [String] = []
        var head = 0
        /// Jobs to run again once their backoff has passed (monotonic seconds).
        var delayed: [(due: Double, job: String)] = []
        var running = 0
        /// Start times (monotonic seconds) within the last hour.
        var starts: [Double] = []

        var depth: Int { waiting.count - head }
    }

    /// Adds or updates a tenant; `startedLastHour` seeds the hourly limit after a restart.
    func register(_ configuration: TenantConfiguration, startedLastHour: Int, now: Double) {
        state.withLockAndBroadcast { $0.register(configuration, startedLastHour: startedLastHour, now: now) }
    }

    func enqueue(_ job: String, tenant: String) { state.withLockAndBroadcast { $0.enqueue(job, tenant: tenant) } }

    /// Queues a job that failed for a passing reason (disk full, a busy database) to run again at `due`.
    func enqueue(_ job: String, tenant: String, due: Double) {
        state.withLockAndBroadcast { state in
            guard state.queued.insert(tenant + "/" + job).inserted else { return }
            state.queues[tenant]?.delayed.append((due, job))
        }
    }

    /// The next job that may start now, without waiting; nil when none may.
    func next(now: Double) -> (tenant: String, job: String)? { state.withLock { $0.next(now: now) } }

    /// The next job, waiting until one may start; nil once ``stop()`` was called.
    func take() -> (tenant: String, job: String)? {
        state.wait { state in
            if state.stopped { return .done(nil) }
            let now = Timestamp.monotonicSeconds()
            if let next = state.next(now: now) { return .done(next) }
            let wake = [state.nextHourlySlot(now: now), state.nextRetry()].compactMap { $0 }.min()
            return .sleep(until: wake)
        }
    }

    /// Wakes every worker waiting in ``take()`` and makes it return nil: no job starts after this.
    func stop() { state.withLockAndBroadcast { $0.stopped = true } }

    func finished(_ job: String, tenant: String) {
        state.withLockAndBroadcast { $0.finished(job, tenant: tenant) }
    }

    /// Jobs waiting per tenant.
    func depths() -> [String: Int] { state.withLock { $0.queues.mapValues(\.depth) } }

    /// Jobs running across all tenants.
    func runningCount() -> Int { state.withLock { $0.queues.values.reduce(0) { $0 + $1.running } } }

    /// Whether nothing of `tenant` waits, runs or waits for a retry (it may be handed to another node).
    func isIdle(tenant: String) -> Bool {
        state.withLock { state in
            guard let queue = state.queues[tenant] else { return true }
            return queue.depth == 0 && queue.running == 0 && queue.delayed.isEmpty
        }
    }

    /// Whether `job` is queued or running.
    func contains(_ job: String, tenant: String) -> Bool { state.withLock { $0.queued.contains(tenant + "/" + job) } }
}

extension JobScheduler.State {
    mutating func register(_ configuration: TenantConfiguration, startedLastHour: Int, now: Double) {
        if queues[configuration.name] == nil {
            queues[configuration.name] = JobScheduler.TenantQueue(
                configuration: configuration,
                starts: Array(repeating: now, count: startedLastHour)
            )
            order.append(configuration.name)
            order.sort()
        } else {
            queues[configuration.name]?.configuration = configuration
        }
    }

    /// Queues a job unless it is queued already.
    mutating func enqueue(_ job: String, tenant: String) {
        guard queued.insert(tenant + "/" + job).inserted else { return }
        queues[tenant]?.waiting.append(job)
    }

    /// The next job to run, taking tenants in turn; nil when none may start now.
    mutating func next(now: Double) -> (tenant: String, job: String)? {
        guard !order.isEmpty else { return nil }
        let share = order.count > 1 && workers > 1 ? workers - 1 : Int.max
        for step in 0..<order.count {
            let index = (cursor + step) % order.count
            let name = order[index]
            if let delayed = queues[name]?.delayed, delayed.contains(where: { $0.due <= now }) {
                queues[name]?.waiting += delayed.filter { $0.due <= now }.map(\.job)
                queues[name]?.delayed = delayed.filter { $0.due > now }
            }
            guard var queue = queues[name], queue.depth > 0 else { continue }
            queue.starts.removeAll { now - $0 >= 3_600 }
            guard queue.running < min(queue.configuration.plan.concurrentJobs, share),
                queue.starts.count < queue.configuration.plan.jobsPerHour
            else {
                queues[name] = queue
                continue
            }
            let job = queue.waiting[queue.head]
            queue.head += 1
            if queue.head > 1_024, queue.head * 2 > queue.waiting.count {
                queue.waiting.removeFirst(queue.head)
                queue.head = 0
            }
            queue.running += 1
            queue.starts.append(now)
            queues[name] = queue
            cursor = (index + 1) % order.count
            return (name, job)
        }
        return nil
    }

    /// When a tenant whose jobs wait only for its hourly limit may start the next one; nil when no such tenant.
    func nextHourlySlot(now: Double) -> Double? {
        queues.values.compactMap { queue -> Double? in
            guard queue.depth > 0, queue.running < queue.configuration.plan.concurrentJobs,
                queue.starts.count >= queue.configuration.plan.jobsPerHour, let oldest = queue.starts.min()
            else { return nil }
            return oldest + 3_600
        }.min()
    }

    /// When the earliest job waiting out a backoff is due; nil when none is.
    func nextRetry() -> Double? { queues.values.flatMap { $0.delayed.map(\.due) }.min() }

    /// Marks a job as no longer running.
    mutating func finished(_ job: String, tenant: String) {
        queues[tenant]?.running -= 1
        queued.remove(tenant + "/" + job)
    }
}
