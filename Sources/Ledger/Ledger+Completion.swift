import FileSystem

extension Ledger {
    /// Records a finished job in one transaction: its documents, outputs and QA scores (each list given replaces
    /// what an earlier, interrupted attempt recorded; nil keeps it), the close of its reservation, and its new
    /// status.
    ///
    /// Safe to replay after a crash: the same call again changes nothing but adds a status event.
    /// - Parameters:
    ///   - events: webhook deliveries of the new status, inserted in the same transaction.
    ///   - settle: credits to charge; nil refunds the reservation (a failed job is never charged). Jobs without a
    ///     reservation (refused before one was made) close nothing.
    public func finishJob(
        _ id: String,
        status: JobStatus,
        stage: JobStage?,
        errorCode: String? = nil,
        documents: [DocumentRecord]? = nil,
        outputs: [OutputRecord]? = nil,
        qaScores: [QAScoreRecord]? = nil,
        settle: Int?,
        events: [WebhookEventRecord] = [],
        at time: String = Timestamp.now()
    ) throws {
        try write { db in
            // Rows an earlier, interrupted attempt recorded are replaced; the common first attempt finds none and
            // spends one round trip on learning so instead of three DELETEs.
            let replaced = [
                ("documents", documents != nil), ("outputs", outputs != nil), ("qa_scores", qaScores != nil),
            ].filter(\.1).map(\.0)
            if !replaced.isEmpty {
                let recorded = try db.rows(
                    replaced.map { "SELECT '\($0)' FROM \($0) WHERE job_id = ?" }.joined(separator: " UNION ALL "),
                    replaced.map { _ in id.sqlValue }
                ).map { $0[0] }
                for table in replaced where recorded.contains(.text(table)) {
                    try db.execute("DELETE FROM \(table) WHERE job_id = ?", id)
                }
            }
            // One statement per table, whatever the number of rows (the tables were emptied for this job above).
            try Self.insert(documents ?? [], job: id, db)
            try Self.insert(outputs ?? [], job: id, db)
            try Self.insert(qaScores ?? [], job: id, db)
            let state = try reservationState(db, job: id)
            if state.reservation != nil, status.isTerminal {
                _ = try closeReservation(
                    db,
                    job: id,
                    kind: settle == nil ? .refund : .settle,
                    credits: settle,
                    at: time,
                    state: state
                )
            }
            try Self.move(id, to: status, stage: stage, errorCode: errorCode, at: time, db)
            try Self.insert(events, db)
        }
        if !events.isEmpty { webhookObserver.withLockedValue { $0 }?() }
    }

    /// The status of a job, or nil when the ledger does not know it.
    public func jobStatus(_ id: String) throws -> JobStatus? {
        try query { db in
            try db.value(JobStatus.self, "SELECT status FROM jobs WHERE id = ?", id)
        }
    }

    /// The ids of a tenant's jobs that are neither finished nor held for review.
    public func openJobs(tenant: String) throws -> [String] {
        try query { db in
            try db.values(
                String.self,
                "SELECT id FROM jobs WHERE tenant = ? AND status IN ('created', 'processing') ORDER BY id",
                tenant
            )
        }
    }

    /// How many of a tenant's jobs started at or after `since` (for the jobs-per-hour limit after a restart).
    public func startedJobCount(tenant: String, since: String) throws -> Int {
        try query { db in
            try db.value(Int.self, "SELECT COUNT(*) FROM jobs WHERE tenant = ? AND started_at >= ?", tenant, since) ?? 0
        }
    }

    /// Per job of `tenant` that has QA scores: how many skills were scored, the lowest score and whether every agent
    /// passed (for the dashboard).
    public func qaSummaries(tenant: String) throws -> [String: (skills: Int, lowest: Int, passed: Bool)] {
        try query { db in
            struct Summary: Decodable {
                var job: String
                var skills: Int
                var lowest: Int
                var passed: Bool
            }
            let rows = try db.fetchAll(
                Summary.self,
                """
                SELECT q.job_id AS job, COUNT(DISTINCT q.skill) AS skills, MIN(q.score) AS lowest,
                       MIN(q.passed) AS passed
                FROM qa_scores q JOIN jobs j ON j.id = q.job_id WHERE j.tenant = ? GROUP BY q.job_id
                """,
                tenant
            )
            var summaries: [String: (skills: Int, lowest: Int, passed: Bool)] = [:]
            for row in rows { summaries[row.job] = (row.skills, row.lowest, row.passed) }
            return summaries
        }
    }

    /// Inserts `rows` into `table` with multi-row INSERTs of at most 1,000 rows (far below both engines' limits on
    /// parameters): one round trip where a row at a time would take one each.
    static func insertRows(
        into table: String,
        columns: [String],
        _ rows: [[SQLValue]],
        _ db: any SQLTransaction,
        onConflict: String = ""
    ) throws {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + 1_000, rows.endIndex)
            let values = Array(repeating: tuple, count: end - start).joined(separator: ", ")
            try db.execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values) \(onConflict)",
                Array(rows[start..<end].joined())
            )
            start = end
        }
    }
}
