import FileSystem

extension Ledger {
    /// The error code of a job a reviewer rejected; such a failed job is charged (its work was done and read).
    public static let rejectedCode = "ERR::REVIEW::REJECTED"

    /// Records that an operator refunds `job` when its rejection is carried out (`skillspool review reject
    /// --refund`); only a job held in review can be refunded so. Replaying is a no-op.
    ///
    /// - Throws: `ERR::LEDGER::UNKNOWN_JOB` for a job the ledger does not hold in review.
    public func requestReviewRefund(job: String, at time: String = Timestamp.now()) throws {
        try update { db in
            let status = try db.value(String.self, "SELECT status FROM jobs WHERE id = ?", job)
            guard status == JobStatus.review.rawValue else {
                throw LedgerError(.unknownJob, "no job '\(job)' is held in review")
            }
            try db.execute(
                "INSERT INTO review_refunds (job_id, requested_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                job,
                time
            )
        }
    }

    /// Whether an operator asked for `job`'s rejection to be refunded.
    public func hasReviewRefund(job: String) throws -> Bool {
        try query { db in
            try db.value(Int64.self, "SELECT 1 FROM review_refunds WHERE job_id = ?", job) != nil
        }
    }
}
