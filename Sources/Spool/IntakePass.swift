import FileSystem
import SpoolConfig

/// What the intake task remembers between passes, and when it must look again without being told.
struct IntakePass {
    var trackers: [String: InboxTracker] = [:]
    /// The trackers of each tenant's case folders (`inbox/<case>/`), by tenant and folder name.
    var caseTrackers: [String: [String: InboxTracker]] = [:]
    var lastListing = -Double.infinity
    var listingInterval = 60.0
    var lastMetrics = -Double.infinity
    var metricsDirty = false
    var lastDashboards = -Double.infinity
    var dashboardsDirty = false

    /// While files wait, intake looks at least this often (a writer that keeps a file open sends no event).
    static let longestWaitWithFiles = 5.0

    /// The next moment intake must look on its own: the periodic listing, the next quiet period or upload window
    /// of a waiting file, and the coalesced dashboard (1 s) and metrics (2 s) writes. An idle daemon sleeps until
    /// the periodic listing.
    func nextDeadline(tenants: [String: TenantConfiguration]) -> Double {
        var deadline = lastListing + listingInterval
        let now = Timestamp.monotonicSeconds()
        let all =
            trackers.map { ($0.key, $0.value) }
            + caseTrackers.flatMap { tenant, folders in folders.values.map { (tenant, $0) } }
        for (name, tracker) in all where tracker.waitingCount > 0 {
            let due = tenants[name].flatMap { tracker.nextDue(tenant: $0, after: now) } ?? .infinity
            deadline = min(deadline, due, now + Self.longestWaitWithFiles)
        }
        if dashboardsDirty { deadline = min(deadline, lastDashboards + 1) }
        if metricsDirty { deadline = min(deadline, lastMetrics + 2) }
        return deadline
    }
}
