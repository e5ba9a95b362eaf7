import FileSystem
import GRDB

/// Which jobs `jobs list` shows.
public struct JobFilter: Sendable, Hashable {
    public var tenant: String?
    public var status: JobStatus?
    /// Jobs created at or after this time (an ISO 8601 prefix such as `2026-11-01`).
    public var since: String?

    public init(tenant: String? = nil, status: JobStatus? = nil, since: String? = nil) {
        self.tenant = tenant
        self.status = status
        self.since = since
    }
}

/// One page of jobs, newest first.
public struct JobPage: Sendable, Hashable {
    public var jobs: [JobRecord]
    public var page: Int
    public var pageSize: Int
    public var total: Int
}

extension Ledger {
    private static let jobColumns =
        "id, tenant, reference, manifest_sha256, status, current_stage, error_code, created_at, started_at, completed_at"

    static func job(_ row: Row) -> JobRecord {
        JobRecord(
            id: row[0],
            tenant: row[1],
            reference: row[2],
            manifestSHA256: row[3],
            status: JobStatus(rawValue: row[4]) ?? .created,
            currentStage: row[5],
            errorCode: row[6],
            createdAt: row[7],
            startedAt: row[8],
            completedAt: row[9]
        )
    }

    /// A page (1-based) of the jobs matching `filter`, newest first; served by the tenant, status and creation
    /// time indexes.
    public func jobs(_ filter: JobFilter, page: Int = 1, pageSize: Int = 50) throws -> JobPage {
        guard page >= 1, (1...10_000).contains(pageSize) else {
            throw LedgerError(.invalidArgument, "page must be ≥ 1 and page size within 1…10000")
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let tenant = filter.tenant {
            conditions.append("tenant = ?")
            arguments += [tenant]
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let since = filter.since {
            conditions.append("created_at >= ?")
            arguments += [since]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs \(whereClause)", arguments: arguments) ?? 0
            var pageArguments = arguments
            pageArguments += [pageSize, (page - 1) * pageSize]
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT \(Self.jobColumns) FROM jobs \(whereClause) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: pageArguments
            )
            return JobPage(jobs: rows.map(Self.job), page: page, pageSize: pageSize, total: total)
        }
    }

    /// Everything recorded about one job, or nil.
    public func jobDetail(_ id: String) throws -> JobDetail? {
        try read { db in
            guard
                let row = try Row.fetchOne(db, sql: "SELECT \(Self.jobColumns) FROM jobs WHERE id = ?", arguments: [id])
            else { return nil }
            let documents = try Row.fetchAll(
                db,
                sql: """
                    SELECT file_name, sha256, bytes, pages, size_tier, document_type, category, status
                    FROM documents WHERE job_id = ? ORDER BY id
                    """,
                arguments: [id]
            ).map { row in
                DocumentRecord(
                    fileName: row[0],
                    sha256: row[1],
                    bytes: row[2],
                    pages: row[3],
                    sizeTier: row[4],
                    documentType: row[5],
                    category: row[6],
                    status: row[7]
                )
            }
            let outputs = try Row.fetchAll(
                db,
                sql: "SELECT format, path, bytes, sha256 FROM outputs WHERE job_id = ? ORDER BY path",
                arguments: [id]
            ).map { OutputRecord(format: $0[0], path: $0[1], bytes: $0[2], sha256: $0[3]) }
            let scores = try Row.fetchAll(
                db,
                sql: "SELECT skill, agent, score, passed FROM qa_scores WHERE job_id = ? ORDER BY skill, agent",
                arguments: [id]
            ).map { QAScoreRecord(skill: $0[0], agent: $0[1], score: $0[2], passed: $0[3]) }
            let events = try Row.fetchAll(
                db,
                sql: "SELECT status, stage, at FROM job_events WHERE job_id = ? ORDER BY id",
                arguments: [id]
            ).map { (status: $0[0] as String, stage: $0[1] as String?, at: $0[2] as String) }
            let entries = try Row.fetchAll(
                db,
                sql: "SELECT kind, credits FROM credit_entries WHERE job_id = ?",
                arguments: [id]
            )
            let reserved = entries.filter { $0[0] == "reserve" }.reduce(0) { $0 + ($1[1] as Int) }
            let charged = entries.filter { $0[0] == "settle" }.reduce(0) { $0 + ($1[1] as Int) }
            return JobDetail(
                job: Self.job(row),
                documents: documents,
                outputs: outputs,
                qaScores: scores,
                events: events,
                creditsReserved: reserved,
                creditsCharged: charged
            )
        }
    }

    /// Per tenant for a month: credits reserved, settled, refunded, topped up, and the balance.
    ///
    /// `allowances` gives each tenant's monthly subscription allowance (from its configuration); a tenant without
    /// one has none.
    public func summary(month: String, tenant: String? = nil, allowances: [String: Int]) throws -> [TenantSummary] {
        guard Timestamp.isMonth(month) else { throw LedgerError(.invalidArgument, "'\(month)' is not a YYYY-MM month") }
        return try read { db in
            var tenants = try String.fetchAll(db, sql: "SELECT name FROM tenants ORDER BY name")
            if let tenant { tenants = tenants.filter { $0 == tenant } }
            var result: [TenantSummary] = []
            for name in tenants {
                var sums: [String: Int] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT kind, SUM(credits) FROM credit_entries
                        WHERE tenant = ? AND created_at >= ? AND created_at < ? GROUP BY kind
                        """,
                    arguments: [name, month, month + "-32"]
                )
                while let row = try rows.next() { sums[row[0]] = row[1] }
                let balance = try Self.balance(db, tenant: name, allowance: allowances[name] ?? 0, month: month)
                result.append(
                    TenantSummary(
                        tenant: name,
                        month: month,
                        reserved: sums["reserve"] ?? 0,
                        settled: sums["settle"] ?? 0,
                        refunded: sums["refund"] ?? 0,
                        topups: sums["topup"] ?? 0,
                        balance: balance
                    )
                )
            }
            return result
        }
    }
}
