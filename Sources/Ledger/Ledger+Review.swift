import FileSystem
import GRDB

extension Ledger {
    /// The error code of a job a reviewer rejected; such a failed job is charged (its work was done and read).
    public static let rejectedCode = "ERR::REVIEW::REJECTED"

    /// Records that an operator refunds `job` when its rejection is carried out (`skillspool review reject
    /// --refund`); only a job held in review can be refunded so. Replaying is a no-op.
    ///
    /// - Throws: `ERR::LEDGER::UNKNOWN_JOB` for a job the ledger does not hold in review.
    public func requestReviewRefund(job: String, at time: String = Timestamp.now()) throws {
        try write { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM jobs WHERE id = ?", arguments: [job])
            guard status == JobStatus.review.rawValue else {
                throw LedgerError(.unknownJob, "no job '\(job)' is held in review")
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO review_refunds (job_id, requested_at) VALUES (?, ?)",
                arguments: [job, time]
            )
        }
    }

    /// Whether an operator asked for `job`'s rejection to be refunded.
    public func hasReviewRefund(job: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM review_refunds WHERE job_id = ?)",
                arguments: [job]
            ) ?? false
        }
    }
}
