import FileSystem

extension Ledger {
    /// Records a new job (and its tenant, the first time); the database records its `created` event, and
    /// `events` (webhook deliveries of that event) are inserted in the same transaction.
    ///
    /// Recording a job the ledger already has changes nothing (a claim replayed after a crash) but inserts the
    /// events that are missing. With `link`, the job joins that case in the same transaction (the case is created
    /// by its first job).
    /// - Returns: whether the job was new.
    /// - Throws: `ERR::CASE::CONFLICT` when the link's claim number belongs to another case.
    @discardableResult
    public func createJob(
        _ job: JobRecord,
        events: [WebhookEventRecord] = [],
        case link: CaseLink? = nil
    ) throws -> Bool {
        // Tenants are never deleted: a tenant this process has recorded once needs no statement again.
        if !knownTenants.withLockedValue({ $0.contains(job.tenant) }) {
            try change { db in
                try db.execute(
                    "INSERT INTO tenants (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    job.tenant,
                    job.createdAt
                )
            }
            knownTenants.withLockedValue { _ = $0.insert(job.tenant) }
        }
        return try recording(events, transaction: link != nil) { db in
            let created =
                try db.execute(
                    """
                    INSERT INTO jobs (id, tenant, reference, manifest_sha256, status, current_stage, error_code,
                                      created_at, started_at, completed_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    job.id,
                    job.tenant,
                    job.reference,
                    job.manifestSHA256,
                    job.status,
                    job.currentStage,
                    job.errorCode,
                    job.createdAt,
                    job.startedAt,
                    job.completedAt,
                    job.createdAt
                ) == 1
            if let link { try Self.link(job.id, tenant: job.tenant, to: link, at: job.createdAt, db) }
            try Self.insert(events, db)
            return created
        }
    }

    /// Whether a job with this id exists.
    public func hasJob(_ id: String) throws -> Bool {
        try query { db in try db.value(Int64.self, "SELECT 1 FROM jobs WHERE id = ?", id) != nil }
    }

    /// Moves a job to a status and stage; the database records the transition in `job_events` in the same
    /// statement (a trigger), so this is one statement, one round trip — two when `events` (webhook deliveries of
    /// the move) are inserted with it, in one transaction.
    ///
    /// The first move to `processing` sets `started_at`; a terminal status sets `completed_at`.
    public func updateJob(
        _ id: String,
        status: JobStatus,
        stage: JobStage?,
        errorCode: String? = nil,
        events: [WebhookEventRecord] = [],
        at time: String = Timestamp.now()
    ) throws {
        try recording(events) { db in
            try Self.move(id, to: status, stage: stage, errorCode: errorCode, at: time, db)
            try Self.insert(events, db)
        }
    }

    /// Moves job `id` to `status` and `stage` in one statement (a trigger records the transition): every status
    /// after `created` stamps `started_at` once, a terminal one stamps `completed_at` once, any other clears it.
    static func move(
        _ id: String,
        to status: JobStatus,
        stage: JobStage?,
        errorCode: String?,
        at time: String,
        _ db: any SQLTransaction
    ) throws {
        let changed = try db.execute(
            """
            UPDATE jobs SET status = ?, current_stage = ?, error_code = COALESCE(?, error_code),
                started_at = CASE WHEN ? = 'created' THEN started_at ELSE COALESCE(started_at, ?) END,
                completed_at = CASE WHEN ? IN ('complete', 'failed') THEN COALESCE(completed_at, ?) ELSE NULL END,
                updated_at = ?
            WHERE id = ?
            """,
            status,
            stage,
            errorCode,
            status,
            time,
            status,
            time,
            time,
            id
        )
        guard changed == 1 else { throw LedgerError(.unknownJob, "no job '\(id)'") }
    }

    /// Runs a job change alone (one statement) or, with webhook events to insert, in a transaction with them; then
    /// tells the observer that deliveries are waiting.
    func recording<T>(
        _ events: [WebhookEventRecord],
        transaction: Bool = false,
        _ body: (any SQLTransaction) throws -> T
    ) throws -> T {
        let result = try engine.write(events.isEmpty && !transaction ? .statement : .rowLocked, body)
        if !events.isEmpty { webhookObserver.withLockedValue { $0 }?() }
        return result
    }

    /// Records a document of a job.
    public func addDocument(_ document: DocumentRecord, job: String) throws {
        try update { db in try Self.insert([document], job: job, db) }
    }

    /// Records a published output; recording the same path again replaces it (a retried publish).
    public func addOutput(_ output: OutputRecord, job: String) throws {
        try update { db in try Self.insert([output], job: job, db) }
    }

    /// Records a QA agent's score for a skill of a job (a rerun replaces it).
    public func addQAScore(_ score: QAScoreRecord, job: String) throws {
        try update { db in try Self.insert([score], job: job, db) }
    }

    /// Inserts rows of one job's table in multi-row statements.
    static func insert<Row: JobRow>(_ rows: [Row], job: String, _ db: any SQLTransaction) throws {
        try insertRows(
            into: Row.table,
            columns: ["job_id"] + Row.columns,
            rows.map { [job.sqlValue] + $0.values },
            db,
            onConflict: Row.onConflict
        )
    }
}
