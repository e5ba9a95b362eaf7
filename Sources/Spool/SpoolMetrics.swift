import Synchronization

/// Counters and gauges for `spool/metrics.prom` (Prometheus textfile-collector format).
final class SpoolMetrics: Sendable {
    private struct Counters {
        var filesSeen: [String: Int] = [:]
        var jobs: [String: [String: Int]] = [:]
        var missedByEvents: [String: Int] = [:]
        var quarantined: [String: Int] = [:]
        var rescans = 0
        var webhookAttempts: [String: [WebhookOutcome: Int]] = [:]
    }

    /// How a webhook delivery attempt ended.
    enum WebhookOutcome: String, CaseIterable {
        case delivered
        /// Failed; tried again later.
        case failed
        /// Failed past the give-up time.
        case givenUp = "given_up"
    }

    private let counters = Mutex(Counters())

    func sawFile(_ tenant: String) { counters.withLock { $0.filesSeen[tenant, default: 0] += 1 } }

    func finished(_ tenant: String, status: String) {
        counters.withLock { $0.jobs[tenant, default: [:]][status, default: 0] += 1 }
    }

    func missed(_ tenant: String, count: Int) {
        guard count > 0 else { return }
        counters.withLock { $0.missedByEvents[tenant, default: 0] += count }
    }

    func quarantined(_ tenant: String) { counters.withLock { $0.quarantined[tenant, default: 0] += 1 } }

    func rescanned() { counters.withLock { $0.rescans += 1 } }

    func webhookAttempt(_ tenant: String, outcome: WebhookOutcome) {
        counters.withLock { $0.webhookAttempts[tenant, default: [:]][outcome, default: 0] += 1 }
    }

    /// The textfile, with gauges measured by the caller.
    func render(
        tenants: [String],
        queueDepth: [String: Int],
        waitingFiles: [String: Int],
        oldestWaiting: [String: Double],
        running: Int,
        overflows: Int,
        degraded: [String] = [],
        pendingWebhooks: [String: Int] = [:]
    ) -> String {
        let snapshot = counters.withLock { $0 }
        var text = ""
        func family(_ name: String, _ type: String, _ help: String, _ values: [(String, String)]) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for (labels, value) in values { text += "\(name)\(labels) \(value)\n" }
        }
        func perTenant(_ values: [String: Int]) -> [(String, String)] {
            tenants.map { ("{tenant=\"\($0)\"}", "\(values[$0, default: 0])") }
        }
        /// Per tenant and `label` value, each of `values` counted by `count`.
        func perTenant(_ label: String, _ values: [String], _ count: (String, String) -> Int) -> [(String, String)] {
            tenants.flatMap { tenant in
                values.map { ("{tenant=\"\(tenant)\",\(label)=\"\($0)\"}", "\(count(tenant, $0))") }
            }
        }
        family(
            "skillspool_files_seen_total",
            "counter",
            "Inbox files reported by the watcher.",
            perTenant(snapshot.filesSeen)
        )
        let jobs = perTenant("status", ["complete", "failed", "review", "retry"]) { snapshot.jobs[$0]?[$1] ?? 0 }
        family("skillspool_jobs_total", "counter", "Jobs finished since the daemon started, by outcome.", jobs)
        family(
            "skillspool_tenant_degraded",
            "gauge",
            "1 while a tenant's folders or leftovers keep it from being served (see the log and `skillspool doctor`).",
            (Set(tenants).union(degraded)).sorted().map { ("{tenant=\"\($0)\"}", degraded.contains($0) ? "1" : "0") }
        )
        family("skillspool_queue_depth", "gauge", "Claimed jobs waiting for a worker.", perTenant(queueDepth))
        family("skillspool_inbox_waiting_files", "gauge", "Files in the inbox not yet taken.", perTenant(waitingFiles))
        family(
            "skillspool_oldest_waiting_file_seconds",
            "gauge",
            "Age of the oldest file waiting in the inbox.",
            tenants.map { ("{tenant=\"\($0)\"}", String(format3(oldestWaiting[$0, default: 0]))) }
        )
        family(
            "skillspool_rescan_found_files_total",
            "counter",
            "Files a periodic listing found that no event had reported.",
            perTenant(snapshot.missedByEvents)
        )
        family(
            "skillspool_quarantined_total",
            "counter",
            "Files refused and moved to failed/.",
            perTenant(snapshot.quarantined)
        )
        let attempts = perTenant("outcome", WebhookOutcome.allCases.map(\.rawValue)) { tenant, outcome in
            WebhookOutcome(rawValue: outcome).flatMap { snapshot.webhookAttempts[tenant]?[$0] } ?? 0
        }
        family(
            "skillspool_webhook_attempts_total",
            "counter",
            "Webhook delivery attempts since the daemon started, by outcome (failed: tried again later).",
            attempts
        )
        family(
            "skillspool_webhook_pending",
            "gauge",
            "Webhook deliveries not yet delivered nor given up (`skillspool webhooks list --state pending`).",
            perTenant(pendingWebhooks)
        )
        family("skillspool_rescans_total", "counter", "Full inbox listings.", [("", "\(snapshot.rescans)")])
        family("skillspool_inotify_overflows_total", "counter", "Kernel event queue overflows.", [("", "\(overflows)")])
        family("skillspool_jobs_running", "gauge", "Jobs being processed now.", [("", "\(running)")])
        return text
    }

    private func format3(_ value: Double) -> String {
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
