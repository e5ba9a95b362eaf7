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
    /// tenant's purchased credits go below zero in any month; the per-month sums balances read (`credit_months`)
    /// equal the entries'.
    public func verify(allowances: [String: Int]) throws -> [LedgerViolation] {
        try read { db in
            var violations: [LedgerViolation] = []
            func flag(_ rule: String, _ message: String, _ rows: [String]) {
                violations.append(LedgerViolation(rule: rule, message: message, rows: rows))
            }
            struct Reserve: Decodable {
                var entry: Int64
                var job: String
                var status: JobStatus
                var closes: Int
            }
            let unclosed = try db.fetchAll(
                Reserve.self,
                """
                SELECT r.id AS entry, r.job_id AS job, j.status AS status,
                       (SELECT COUNT(*) FROM credit_entries c WHERE c.job_id = r.job_id AND c.kind IN ('settle','refund'))
                       AS closes
                FROM credit_entries r JOIN jobs j ON j.id = r.job_id
                WHERE r.kind = 'reserve'
                """
            )
            for reserve in unclosed {
                let (entry, job, status, closes) = (reserve.entry, reserve.job, reserve.status, reserve.closes)
                if closes > 1 {
                    flag("closed-twice", "job \(job) has \(closes) settles/refunds", ["\(entry)"])
                } else if status.isTerminal && closes == 0 {
                    flag("reserve-not-closed", "job \(job) is \(status.rawValue) but its reserve is open", ["\(entry)"])
                }
            }
            struct Repeated: Decodable {
                var job: String
                var count: Int
            }
            let reserves = try db.fetchAll(
                Repeated.self,
                """
                SELECT job_id AS job, COUNT(*) AS count FROM credit_entries WHERE kind = 'reserve'
                GROUP BY job_id HAVING COUNT(*) > 1
                """
            )
            for repeated in reserves {
                flag("reserved-twice", "job \(repeated.job) has \(repeated.count) reserves", [repeated.job])
            }
            struct Close: Decodable {
                var entry: Int64
                var job: String?
                var kind: CreditKind
                var credits: Int
                var reserved: Int?
                var status: JobStatus?
                var errorCode: String?
            }
            let closes = try db.fetchAll(
                Close.self,
                """
                SELECT c.id AS entry, c.job_id AS job, c.kind AS kind, c.credits AS credits,
                       r.credits AS reserved, j.status AS status, j.error_code AS error_code
                FROM credit_entries c
                LEFT JOIN credit_entries r ON r.job_id = c.job_id AND r.kind = 'reserve'
                LEFT JOIN jobs j ON j.id = c.job_id
                WHERE c.kind IN ('settle', 'refund')
                """
            )
            for close in closes {
                let (entry, job, kind, credits, status) = (
                    close.entry, close.job, close.kind, close.credits, close.status
                )
                guard let reserved = close.reserved else {
                    flag("close-without-reserve", "\(kind) for job \(job ?? "-") has no reserve", ["\(entry)"])
                    continue
                }
                if kind == .settle && credits > reserved {
                    flag(
                        "settle-exceeds-reserve",
                        "job \(job ?? "-") settled \(credits) of \(reserved) reserved",
                        ["\(entry)"]
                    )
                }
                if kind == .refund && credits != reserved {
                    flag(
                        "partial-refund",
                        "job \(job ?? "-") refunded \(credits) of \(reserved) reserved",
                        ["\(entry)"]
                    )
                }
                // A rejected review is failed yet charged: the work was done and its outputs were readable.
                if kind == .settle && credits > 0 && status == .failed && close.errorCode != Self.rejectedCode {
                    flag("failed-job-charged", "failed job \(job ?? "-") was charged \(credits)", ["\(entry)"])
                }
            }
            try checkCreditMonths(db, flag: flag)
            struct TenantMonth: Decodable {
                var tenant: String
                var month: String
            }
            let months = try db.fetchAll(
                TenantMonth.self,
                "SELECT DISTINCT tenant, substr(created_at, 1, 7) AS month FROM credit_entries ORDER BY 1, 2"
            )
            var reported = Set<String>()
            for tenantMonth in months {
                let (tenant, month) = (tenantMonth.tenant, tenantMonth.month)
                guard !reported.contains(tenant) else { continue }
                let balance = try Self.balance(db, tenant: tenant, allowance: allowances[tenant] ?? 0, month: month)
                if balance.purchasedRemaining < 0 {
                    reported.insert(tenant)
                    let below = -balance.purchasedRemaining
                    flag("negative-balance", "tenant \(tenant) is \(below) credits below zero in \(month)", [tenant])
                }
            }
            return violations
        }
    }

    /// Flags every tenant month whose kept sums differ from the sums of its credit entries (months whose sums are
    /// all zero count as absent).
    private func checkCreditMonths(
        _ db: any SQLTransaction,
        flag: (String, String, [String]) -> Void
    ) throws {
        struct Row: Decodable {
            var tenant: String
            var month: String
            var settled: Int
            var held: Int
            var topups: Int
        }
        func sums(_ sql: String) throws -> [String: Row] {
            var rows: [String: Row] = [:]
            for row in try db.fetchAll(Row.self, sql) where row.settled != 0 || row.held != 0 || row.topups != 0 {
                rows["\(row.tenant) \(row.month)"] = row
            }
            return rows
        }
        let kept = try sums("SELECT tenant, month, settled, held, topups FROM credit_months")
        let computed = try sums(SharedSchema.creditMonthsComputed)
        for key in Set(kept.keys).union(computed.keys).sorted() {
            let (have, want) = (kept[key], computed[key])
            guard have?.settled != want?.settled || have?.held != want?.held || have?.topups != want?.topups else {
                continue
            }
            let describe = { (row: Row?) in
                row.map { "settled \($0.settled), held \($0.held), purchased \($0.topups)" } ?? "nothing"
            }
            flag(
                "credit-months",
                "\(key): balances read \(describe(have)), the credit entries sum to \(describe(want))",
                [key]
            )
        }
    }
}
