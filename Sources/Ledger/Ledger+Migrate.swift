import FileSystem

/// What `ledger migrate` copied, and the checks that prove it: rows per table and credits per kind, equal in the
/// source and the target.
public struct LedgerMigration: Sendable, Hashable {
    /// One table's row count.
    public struct TableCount: Sendable, Hashable {
        public var table: String
        public var count: Int
    }

    /// Rows per table, in copy order (the same in both ledgers once the copy is verified).
    public var rows: [TableCount]
    /// Credits per entry kind (reserve, settle, refund, topup).
    public var credits: [CreditKind: Int]
    /// How long the copy and its checks took.
    public var seconds: Double
}

extension Ledger {
    /// The tables in the order a copy must fill them (references first), each with its columns and the key it is
    /// read in order of (text for ``textKeyedTables``, a generated integer id for the others).
    static let copiedTables: [(name: String, columns: [String], key: String)] = [
        ("tenants", ["name", "created_at"], "name"),
        (
            "jobs",
            [
                "id", "tenant", "reference", "manifest_sha256", "status", "current_stage", "error_code", "created_at",
                "started_at", "completed_at", "updated_at",
            ],
            "id"
        ),
        ("job_events", ["id", "job_id", "status", "stage", "at"], "id"),
        (
            "documents",
            [
                "id", "job_id", "file_name", "sha256", "bytes", "pages", "size_tier", "document_type", "category",
                "status",
            ],
            "id"
        ),
        ("outputs", ["id", "job_id", "format", "path", "bytes", "sha256"], "id"),
        ("qa_scores", ["id", "job_id", "skill", "agent", "score", "passed"], "id"),
        ("credit_entries", ["id", "tenant", "job_id", "kind", "credits", "idempotency_key", "created_at"], "id"),
        ("export_cursors", ["name", "last_id", "exported_at"], "name"),
        ("review_refunds", ["job_id", "requested_at"], "job_id"),
        (
            "webhook_deliveries",
            [
                "id", "event_id", "tenant", "job_id", "event", "endpoint", "body", "created_at", "expires_ms",
                "attempts", "next_attempt_ms", "claimed_by", "claim_until_ms", "last_status", "last_error",
                "delivered_at", "given_up_at",
            ],
            "id"
        ),
        (
            "cases",
            ["id", "tenant", "slug", "name", "claim_number", "created_at", "archived_at", "version", "documents"],
            "id"
        ),
        ("case_jobs", ["job_id", "tenant", "slug", "added_at", "folded_at", "version"], "job_id"),
        ("case_events", ["id", "tenant", "slug", "event", "job_id", "version", "detail", "at"], "id"),
    ]

    /// Copies every row of this ledger into `target`, an empty ledger (typically PostgreSQL, growing a one-host
    /// install into several), keeping ids so export cursors stay valid; then compares counts and sums.
    ///
    /// The source is read in one snapshot and the target written in one transaction: an interrupted copy leaves the
    /// target empty. Stop the daemon first, or entries written after the snapshot stay behind.
    /// - Throws: `ERR::LEDGER::TARGET_NOT_EMPTY` when the target holds rows; `ERR::LEDGER::MIGRATION_MISMATCH`
    ///   when the copy's counts or sums differ from the source's.
    public func migrate(to target: Ledger) throws -> LedgerMigration {
        let started = Timestamp.monotonicSeconds()
        try read { source in
            try target.write { destination in
                for table in Self.copiedTables {
                    guard try destination.value(Int64.self, "SELECT 1 FROM \(table.name) LIMIT 1") == nil else {
                        throw LedgerError(.targetNotEmpty, "the target ledger already has rows in \(table.name)")
                    }
                }
                // The kept monthly sums are filled once from the copied entries, not by the trigger once per row.
                let trigger = target.engine.creditMonthsTrigger
                try destination.execute(trigger.drop, [])
                for table in Self.copiedTables {
                    try Self.copy(table, from: source, to: destination)
                    if !Self.textKeyedTables.contains(table.name),
                        let reset = target.engine.identityReset(table: table.name)
                    {
                        try destination.execute(reset, [])
                    }
                }
                // Statistics first: the planner otherwise plans the fill for the empty table it last saw.
                try destination.execute("ANALYZE credit_entries", [])
                try destination.execute("DELETE FROM credit_months", [])
                try destination.execute(SharedSchema.creditMonthsFill, [])
                try destination.execute(trigger.create, [])
            }
        }
        let copied = try Self.census(self)
        let landed = try Self.census(target)
        guard copied.rows == landed.rows, copied.credits == landed.credits else {
            throw LedgerError(
                .migrationMismatch,
                "source \(copied.rows.map { "\($0.table)=\($0.count)" }) \(copied.credits) differs from target "
                    + "\(landed.rows.map { "\($0.table)=\($0.count)" }) \(landed.credits)"
            )
        }
        var result = copied
        result.seconds = Timestamp.monotonicSeconds() - started
        return result
    }

    /// The tables whose key is text (a name or job id) rather than a generated integer id.
    static let textKeyedTables: Set = ["tenants", "jobs", "export_cursors", "review_refunds", "case_jobs"]

    private static func copy(
        _ table: (name: String, columns: [String], key: String),
        from source: any SQLTransaction,
        to destination: any SQLTransaction
    ) throws {
        let columns = table.columns.joined(separator: ", ")
        let keyIndex = table.columns.firstIndex(of: table.key) ?? 0
        let isIntegerKey = !textKeyedTables.contains(table.name)
        var last: SQLValue = isIntegerKey ? .integer(Int64.min) : .text("")
        if table.name == "job_events" {
            // Inserting the jobs made the target's trigger record a `created` event each: the source's history
            // replaces them.
            try destination.execute("DELETE FROM job_events", [])
        }
        var pending: [[SQLValue]] = []
        // Text keys start below every string with `>=` on the empty string; ids with `>` from Int64.min.
        var comparison = isIntegerKey ? ">" : ">="
        while true {
            var batch = 0
            try source.forEachRow(
                "SELECT \(columns) FROM \(table.name) WHERE \(table.key) \(comparison) ? ORDER BY \(table.key) LIMIT 10000",
                [last]
            ) { row in
                pending.append(row.values)
                last = row[keyIndex]
                batch += 1
            }
            try insertRows(into: table.name, columns: table.columns, pending, destination)
            pending.removeAll(keepingCapacity: true)
            comparison = ">"
            if batch < 10_000 { break }
        }
    }

    /// Counts and sums a migration compares.
    private static func census(_ ledger: Ledger) throws -> LedgerMigration {
        try ledger.read { db in
            var rows: [LedgerMigration.TableCount] = []
            for table in copiedTables {
                let count = try db.value(Int.self, "SELECT COUNT(*) FROM \(table.name)") ?? 0
                rows.append(LedgerMigration.TableCount(table: table.name, count: count))
            }
            var credits: [CreditKind: Int] = [:]
            for row in try db.rows(
                "SELECT kind, CAST(SUM(credits) AS BIGINT) FROM credit_entries GROUP BY kind",
                []
            ) {
                credits[try row[0].decoded(CreditKind.self, column: "kind")] = try row[1].decoded(
                    Int.self,
                    column: "sum"
                )
            }
            return LedgerMigration(rows: rows, credits: credits, seconds: 0)
        }
    }
}
