import GRDB

/// A broken ledger invariant, with the rows that break it.
public struct LedgerViolation: Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the invariant, e.g. `reserve-not-closed`.
    public var rule: String
    public var message: String
    /// The ids of the credit entries (or job ids) involved.
    public var rows: [String]

    public var description: String { "\(rule): \(message) [\(rows.joined(separator: ", "))]" }
}

extension Ledger {
    /// Checks the money invariants:
    /// every reserve of a terminal job has exactly one settle or refund; no settle or refund without a reserve;
    /// no settle above its reserve; a refund returns the whole reserve; a failed job is never charged; no
    /// tenant's purchased credits go below zero in any month.
    public func verify(allowances: [String: Int]) throws -> [LedgerViolation] {
        try read { db in
            var violations: [LedgerViolation] = []
            let unclosed = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.job_id, j.status,
                           (SELECT COUNT(*) FROM credit_entries c WHERE c.job_id = r.job_id AND c.kind IN ('settle','refund'))
                    FROM credit_entries r JOIN jobs j ON j.id = r.job_id
                    WHERE r.kind = 'reserve'
                    """
            )
            for row in unclosed {
                let entry: Int64 = row[0]
                let job: String = row[1]
                let status = JobStatus(rawValue: row[2]) ?? .created
                let closes: Int = row[3]
                if closes > 1 {
                    violations.append(
                        LedgerViolation(
                            rule: "closed-twice",
                            message: "job \(job) has \(closes) settles/refunds",
                            rows: ["\(entry)"]
                        )
                    )
                } else if status.isTerminal && closes == 0 {
                    violations.append(
                        LedgerViolation(
                            rule: "reserve-not-closed",
                            message: "job \(job) is \(status.rawValue) but its reserve is open",
                            rows: ["\(entry)"]
                        )
                    )
                }
            }
            let reserves = try Row.fetchAll(
                db,
                sql:
                    "SELECT COUNT(*), job_id FROM credit_entries WHERE kind = 'reserve' GROUP BY job_id HAVING COUNT(*) > 1"
            )
            for row in reserves {
                violations.append(
                    LedgerViolation(
                        rule: "reserved-twice",
                        message: "job \(row[1] as String) has \(row[0] as Int) reserves",
                        rows: [row[1]]
                    )
                )
            }
            let closes = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.job_id, c.kind, c.credits, r.credits, j.status FROM credit_entries c
                    LEFT JOIN credit_entries r ON r.job_id = c.job_id AND r.kind = 'reserve'
                    LEFT JOIN jobs j ON j.id = c.job_id
                    WHERE c.kind IN ('settle', 'refund')
                    """
            )
            for row in closes {
                let entry: Int64 = row[0]
                let job: String? = row[1]
                let kind: String = row[2]
                let credits: Int = row[3]
                let reserved: Int? = row[4]
                let status: String? = row[5]
                guard let reserved else {
                    violations.append(
                        LedgerViolation(
                            rule: "close-without-reserve",
                            message: "\(kind) for job \(job ?? "-") has no reserve",
                            rows: ["\(entry)"]
                        )
                    )
                    continue
                }
                if kind == "settle" && credits > reserved {
                    violations.append(
                        LedgerViolation(
                            rule: "settle-exceeds-reserve",
                            message: "job \(job ?? "-") settled \(credits) of \(reserved) reserved",
                            rows: ["\(entry)"]
                        )
                    )
                }
                if kind == "refund" && credits != reserved {
                    violations.append(
                        LedgerViolation(
                            rule: "partial-refund",
                            message: "job \(job ?? "-") refunded \(credits) of \(reserved) reserved",
                            rows: ["\(entry)"]
                        )
                    )
                }
                if kind == "settle" && credits > 0 && status == JobStatus.failed.rawValue {
                    violations.append(
                        LedgerViolation(
                            rule: "failed-job-charged",
                            message: "failed job \(job ?? "-") was charged \(credits)",
                            rows: ["\(entry)"]
                        )
                    )
                }
            }
            let months = try Row.fetchAll(
                db,
                sql: "SELECT DISTINCT tenant, substr(created_at, 1, 7) FROM credit_entries ORDER BY 1, 2"
            )
            var reported = Set<String>()
            for row in months {
                let tenant: String = row[0]
                let month: String = row[1]
                guard !reported.contains(tenant) else { continue }
                let balance = try Self.balance(db, tenant: tenant, allowance: allowances[tenant] ?? 0, month: month)
                if balance.purchasedRemaining < 0 {
                    reported.insert(tenant)
                    violations.append(
                        LedgerViolation(
                            rule: "negative-balance",
                            message:
                                "tenant \(tenant) is \(-balance.purchasedRemaining) credits below zero in \(month)",
                            rows: [tenant]
                        )
                    )
                }
            }
            return violations
        }
    }
}
