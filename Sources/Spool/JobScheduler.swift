import SpoolConfig
import Synchronization

/// Claimed jobs waiting for a worker, one queue per tenant, served round-robin so that one tenant's thousands of
/// files cannot starve another's one. Enforces each tenant's concurrent-jobs and jobs-per-hour limits: a job over
/// a limit waits, it does not fail.
///
/// A lock rather than an actor: worker threads block on conversions and ask for the next job synchronously.
final class JobScheduler: Sendable {
    private let state = Mutex(State())

    fileprivate struct State {
        var queues: [String: TenantQueue] = [:]
        var order: [String] = []
        var cursor = 0
        var queued = Set<String>()
    }

    fileprivate struct TenantQueue {
        var configuration: TenantConfiguration
        var waiting: [String] = []
        var head = 0
        var running = 0
        /// Start times (monotonic seconds) within the last hour.
        var starts: [Double] = []

        var depth: Int { waiting.count - head }
    }

    /// Adds or updates a tenant; `startedLastHour` seeds the hourly limit after a restart.
    func register(_ configuration: TenantConfiguration, startedLastHour: Int, now: Double) {
        state.withLock { $0.register(configuration, startedLastHour: startedLastHour, now: now) }
    }

    func enqueue(_ job: String, tenant: String) { state.withLock { $0.enqueue(job, tenant: tenant) } }

    func next(now: Double) -> (tenant: String, job: String)? { state.withLock { $0.next(now: now) } }

    func finished(_ job: String, tenant: String) { state.withLock { $0.finished(job, tenant: tenant) } }

    /// Jobs waiting per tenant.
    func depths() -> [String: Int] { state.withLock { $0.queues.mapValues(\.depth) } }

    /// Jobs running across all tenants.
    func runningCount() -> Int { state.withLock { $0.queues.values.reduce(0) { $0 + $1.running } } }

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
        for step in 0..<order.count {
            let index = (cursor + step) % order.count
            let name = order[index]
            guard var queue = queues[name], queue.depth > 0 else { continue }
            queue.starts.removeAll { now - $0 >= 3_600 }
            guard queue.running < queue.configuration.plan.concurrentJobs,
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

    /// Marks a job as no longer running.
    mutating func finished(_ job: String, tenant: String) {
        queues[tenant]?.running -= 1
        queued.remove(tenant + "/" + job)
    }
}
