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
            let changed = try db.execute(
                """
                UPDATE jobs SET status = ?, current_stage = ?, error_code = COALESCE(?, error_code),
                    started_at = CASE WHEN started_at IS NULL AND ? = 'processing' THEN ? ELSE started_at END,
                    completed_at = CASE WHEN ? IN ('complete', 'failed') THEN ? ELSE completed_at END,
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
            try Self.insert(events, db)
        }
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
        try update { db in try Self.insert(document, job: job, db) }
    }

    static func insert(_ document: DocumentRecord, job: String, _ db: any SQLTransaction) throws {
        try db.execute(
            """
            INSERT INTO documents (job_id, file_name, sha256, bytes, pages, size_tier, document_type, category, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            job,
            document.fileName,
            document.sha256,
            document.bytes,
            document.pages,
            document.sizeTier,
            document.documentType,
            document.category,
            document.status
        )
    }

    /// Records a published output; recording the same path again replaces it (a retried publish).
    public func addOutput(_ output: OutputRecord, job: String) throws {
        try update { db in try Self.insert(output, job: job, db) }
    }

    static func insert(_ output: OutputRecord, job: String, _ db: any SQLTransaction) throws {
        try db.execute(
            """
            INSERT INTO outputs (job_id, format, path, bytes, sha256) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (job_id, path) DO UPDATE SET format = excluded.format, bytes = excluded.bytes,
                sha256 = excluded.sha256
            """,
            job,
            output.format,
            output.path,
            output.bytes,
            output.sha256
        )
    }

    /// Records a QA agent's score for a skill of a job (a rerun replaces it).
    public func addQAScore(_ score: QAScoreRecord, job: String) throws {
        try update { db in try Self.insert(score, job: job, db) }
    }

    static func insert(_ score: QAScoreRecord, job: String, _ db: any SQLTransaction) throws {
        try db.execute(
            """
            INSERT INTO qa_scores (job_id, skill, agent, score, passed) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (job_id, skill, agent) DO UPDATE SET score = excluded.score, passed = excluded.passed
            """,
            job,
            score.skill,
            score.agent,
            score.score,
            score.passed
        )
    }
}
