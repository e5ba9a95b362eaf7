import FileSystem

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
    /// A page (1-based) of the jobs matching `filter`, newest first; served by the tenant, status and creation
    /// time indexes.
    public func jobs(_ filter: JobFilter, page: Int = 1, pageSize: Int = 50) throws -> JobPage {
        guard page >= 1, (1...10_000).contains(pageSize) else {
            throw LedgerError(.invalidArgument, "page must be ≥ 1 and page size within 1…10000")
        }
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let tenant = filter.tenant {
            conditions.append("tenant = ?")
            arguments.append(.text(tenant))
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status.sqlValue)
        }
        if let since = filter.since {
            conditions.append("created_at >= ?")
            arguments.append(.text(since))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try db.rows("SELECT COUNT(*) FROM jobs \(whereClause)", arguments).first?[0].integer ?? 0
            let jobs = try db.rows(
                "SELECT * FROM jobs \(whereClause) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments + [pageSize.sqlValue, ((page - 1) * pageSize).sqlValue]
            ).map { try $0.decode(JobRecord.self) }
            return JobPage(jobs: jobs, page: page, pageSize: pageSize, total: Int(total))
        }
    }

    /// The rows of `table` that belong to the jobs `ids`, as records by job, each job's in `order` (a fixed column
    /// list, never input).
    static func rows<Record: Decodable>(
        _ type: Record.Type,
        of table: String,
        jobs ids: [String],
        orderedBy order: String,
        _ db: any SQLTransaction
    ) throws -> [String: [Record]] {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var grouped: [String: [Record]] = [:]
        try db.forEachRow(
            "SELECT * FROM \(table) WHERE job_id IN (\(marks)) ORDER BY job_id, \(order)",
            ids.map { .text($0) }
        ) { row in
            guard case .text(let job)? = row["job_id"] else {
                throw LedgerError(.database, "a row of \(table) has no job id")
            }
            grouped[job, default: []].append(try row.decode(Record.self))
        }
        return grouped
    }

    /// Everything recorded about one job, or nil.
    public func jobDetail(_ id: String) throws -> JobDetail? { try jobDetails([id]).first }

    /// Everything recorded about each of the jobs `ids` (in that order; unknown ids are left out), read in one
    /// snapshot with one query per table, however many jobs (the dashboard shows fifty).
    public func jobDetails(_ ids: [String]) throws -> [JobDetail] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            var jobs: [String: JobRecord] = [:]
            try db.forEachRow("SELECT * FROM jobs WHERE id IN (\(marks))", ids.map { .text($0) }) { row in
                let job = try row.decode(JobRecord.self)
                jobs[job.id] = job
            }
            let documents = try Self.rows(DocumentRecord.self, of: "documents", jobs: ids, orderedBy: "id", db)
            let outputs = try Self.rows(OutputRecord.self, of: "outputs", jobs: ids, orderedBy: "path", db)
            let scores = try Self.rows(QAScoreRecord.self, of: "qa_scores", jobs: ids, orderedBy: "skill, agent", db)
            let events = try Self.rows(JobEventRecord.self, of: "job_events", jobs: ids, orderedBy: "id", db)
            let entries = try Self.rows(CreditEntry.self, of: "credit_entries", jobs: ids, orderedBy: "id", db)
            return ids.compactMap { id in
                guard let job = jobs[id] else { return nil }
                let credits = entries[id] ?? []
                return JobDetail(
                    job: job,
                    documents: documents[id] ?? [],
                    outputs: outputs[id] ?? [],
                    qaScores: scores[id] ?? [],
                    events: events[id] ?? [],
                    creditsReserved: credits.filter { $0.kind == .reserve }.reduce(0) { $0 + $1.credits },
                    creditsCharged: credits.filter { $0.kind == .settle }.reduce(0) { $0 + $1.credits }
                )
            }
        }
    }

    /// Per tenant for a month: credits reserved, settled, refunded, topped up, and the balance.
    ///
    /// `allowances` gives each tenant's monthly subscription allowance (from its configuration); a tenant without
    /// one has none.
    public func summary(month: String, tenant: String? = nil, allowances: [String: Int]) throws -> [TenantSummary] {
        guard Timestamp.isMonth(month) else { throw LedgerError(.invalidArgument, "'\(month)' is not a YYYY-MM month") }
        return try read { db in
            var tenants = try db.values(String.self, "SELECT name FROM tenants ORDER BY name")
            if let tenant { tenants = tenants.filter { $0 == tenant } }
            var result: [TenantSummary] = []
            for name in tenants {
                var sums: [CreditKind: Int] = [:]
                let rows = try db.rows(
                    """
                    SELECT kind, CAST(SUM(credits) AS BIGINT) AS credits FROM credit_entries
                    WHERE tenant = ? AND created_at >= ? AND created_at < ? GROUP BY kind
                    """,
                    [.text(name), .text(month), .text(month + "-32")]
                )
                for row in rows {
                    sums[try row[0].decoded(CreditKind.self, column: "kind")] = try row[1].decoded(
                        Int.self,
                        column: "credits"
                    )
                }
                let balance = try Self.balance(db, tenant: name, allowance: allowances[name] ?? 0, month: month)
                result.append(
                    TenantSummary(
                        tenant: name,
                        month: month,
                        reserved: sums[.reserve] ?? 0,
                        settled: sums[.settle] ?? 0,
                        refunded: sums[.refund] ?? 0,
                        topups: sums[.topup] ?? 0,
                        balance: balance
                    )
                )
            }
            return result
        }
    }
}
