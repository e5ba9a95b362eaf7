/// A row of a table that belongs to one job (`documents`, `outputs`, `qa_scores`): what
/// ``Ledger/insert(_:job:_:)`` writes after the `job_id` column.
protocol JobRow {
    static var table: String { get }
    /// The columns after `job_id`, in the order of ``values``.
    static var columns: [String] { get }
    /// What recording the same key again does (empty: it is refused).
    static var onConflict: String { get }
    var values: [SQLValue] { get }
}

extension DocumentRecord: JobRow {
    static let table = "documents"
    static let columns = [
        "file_name", "sha256", "bytes", "pages", "size_tier", "document_type", "category", "status",
    ]
    static let onConflict = ""

    var values: [SQLValue] {
        [
            fileName.sqlValue, sha256.sqlValue, bytes.sqlValue, pages.sqlValue, sizeTier.sqlValue,
            documentType.sqlValue, category.sqlValue, status.sqlValue,
        ]
    }
}

extension OutputRecord: JobRow {
    static let table = "outputs"
    static let columns = ["format", "path", "bytes", "sha256"]
    /// A retried publish replaces the path's row.
    static let onConflict = """
        ON CONFLICT (job_id, path) DO UPDATE SET format = excluded.format, bytes = excluded.bytes,
            sha256 = excluded.sha256
        """

    var values: [SQLValue] { [format.sqlValue, path.sqlValue, bytes.sqlValue, sha256.sqlValue] }
}

extension QAScoreRecord: JobRow {
    static let table = "qa_scores"
    static let columns = ["skill", "agent", "score", "passed"]
    /// A rerun replaces the agent's score.
    static let onConflict = """
        ON CONFLICT (job_id, skill, agent) DO UPDATE SET score = excluded.score, passed = excluded.passed
        """

    var values: [SQLValue] { [skill.sqlValue, agent.sqlValue, score.sqlValue, passed.sqlValue] }
}
