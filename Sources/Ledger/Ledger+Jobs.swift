import FileSystem
import GRDB

extension Ledger {
    /// Records a new job (and its tenant, the first time) with a `created` event.
    public func createJob(_ job: JobRecord) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO tenants (name, created_at) VALUES (?, ?)",
                arguments: [job.tenant, job.createdAt]
            )
            try job.insert(db)
            try db.execute(
                sql: "INSERT INTO job_events (job_id, status, stage, at) VALUES (?, ?, ?, ?)",
                arguments: [job.id, job.status.rawValue, job.currentStage, job.createdAt]
            )
        }
    }

    /// Whether a job with this id exists.
    public func hasJob(_ id: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ?)", arguments: [id]) ?? false
        }
    }

    /// Moves a job to a status and stage, recording the transition.
    ///
    /// The first move to `processing` sets `started_at`; a terminal status sets `completed_at`.
    public func updateJob(
        _ id: String,
        status: JobStatus,
        stage: JobStage?,
        errorCode: String? = nil,
        at time: String = Timestamp.now()
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET status = ?, current_stage = ?, error_code = COALESCE(?, error_code),
                        started_at = CASE WHEN started_at IS NULL AND ? = 'processing' THEN ? ELSE started_at END,
                        completed_at = CASE WHEN ? IN ('complete', 'failed') THEN ? ELSE completed_at END
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, stage, errorCode, status.rawValue, time, status.rawValue, time, id]
            )
            guard db.changesCount == 1 else { throw LedgerError(.unknownJob, "no job '\(id)'") }
            try db.execute(
                sql: "INSERT INTO job_events (job_id, status, stage, at) VALUES (?, ?, ?, ?)",
                arguments: [id, status.rawValue, stage, time]
            )
        }
    }

    /// Records a document of a job.
    public func addDocument(_ document: DocumentRecord, job: String) throws {
        try write { db in try Self.insert(document, job: job, db) }
    }

    static func insert(_ document: DocumentRecord, job: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO documents (job_id, file_name, sha256, bytes, pages, size_tier, document_type, category, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job, document.fileName, document.sha256, document.bytes, document.pages, document.sizeTier,
                document.documentType, document.category, document.status,
            ]
        )
    }

    /// Records a published output; recording the same path again replaces it (a retried publish).
    public func addOutput(_ output: OutputRecord, job: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO outputs (job_id, format, path, bytes, sha256) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (job_id, path) DO UPDATE SET format = excluded.format, bytes = excluded.bytes,
                        sha256 = excluded.sha256
                    """,
                arguments: [job, output.format, output.path, output.bytes, output.sha256]
            )
        }
    }

    /// Records a QA agent's score for a skill of a job (a rerun replaces it).
    public func addQAScore(_ score: QAScoreRecord, job: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO qa_scores (job_id, skill, agent, score, passed) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (job_id, skill, agent) DO UPDATE SET score = excluded.score, passed = excluded.passed
                    """,
                arguments: [job, score.skill, score.agent, score.score, score.passed]
            )
        }
    }
}
