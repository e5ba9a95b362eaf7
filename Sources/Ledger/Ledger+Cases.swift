import FileSystem

extension Ledger {
    static let caseColumns = "tenant, slug, name, claim_number, created_at, archived_at, version, documents"
    /// A case's jobs with their status (``CaseJobRecord``'s columns).
    static let caseJobsQuery = """
        SELECT c.job_id AS job, c.tenant, c.slug, c.added_at, c.folded_at, c.version, j.status
        FROM case_jobs c JOIN jobs j ON j.id = c.job_id
        """

    /// Joins `job` to the case `link` names, creating the case the first time; replaying is a no-op.
    static func link(_ job: String, tenant: String, to link: CaseLink, at time: String, _ db: any SQLTransaction) throws
    {
        let existing = try db.fetchOne(
            CaseRecord.self,
            "SELECT \(caseColumns) FROM cases WHERE tenant = ? AND slug = ?",
            tenant,
            link.slug
        )
        if let claim = link.claimNumber, existing?.claimNumber != claim {
            if let holder = try db.value(
                String.self,
                "SELECT slug FROM cases WHERE tenant = ? AND claim_number = ?",
                tenant,
                claim
            ), holder != link.slug {
                throw LedgerError(.caseConflict, "claim number '\(claim)' belongs to the case '\(holder)'")
            }
            if let held = existing?.claimNumber {
                throw LedgerError(
                    .caseConflict,
                    "the case '\(link.slug)' has the claim number '\(held)', not '\(claim)'"
                )
            }
        }
        if existing == nil {
            try db.execute(
                "INSERT INTO cases (tenant, slug, name, claim_number, created_at) VALUES (?, ?, ?, ?, ?)",
                tenant,
                link.slug,
                link.name,
                link.claimNumber,
                time
            )
            try event(.created, tenant: tenant, slug: link.slug, detail: link.name, at: time, db)
        } else if let claim = link.claimNumber, existing?.claimNumber == nil {
            try db.execute(
                "UPDATE cases SET claim_number = ? WHERE tenant = ? AND slug = ?",
                claim,
                tenant,
                link.slug
            )
        }
        let added = try db.execute(
            """
            INSERT INTO case_jobs (job_id, tenant, slug, added_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (job_id) DO NOTHING
            """,
            job,
            tenant,
            link.slug,
            time
        )
        if added == 1 { try event(.document, tenant: tenant, slug: link.slug, job: job, at: time, db) }
    }

    static func event(
        _ kind: CaseEventRecord.Kind,
        tenant: String,
        slug: String,
        job: String? = nil,
        version: String? = nil,
        detail: String? = nil,
        at time: String,
        _ db: any SQLTransaction
    ) throws {
        try db.execute(
            "INSERT INTO case_events (tenant, slug, event, job_id, version, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tenant,
            slug,
            kind.rawValue,
            job,
            version,
            detail,
            time
        )
    }

    /// The slug of the tenant's case with this claim number, if there is one.
    public func caseSlug(tenant: String, claimNumber: String) throws -> String? {
        try query { db in
            try db.value(
                String.self,
                "SELECT slug FROM cases WHERE tenant = ? AND claim_number = ?",
                tenant,
                claimNumber
            )
        }
    }

    /// One case.
    public func caseRecord(tenant: String, slug: String) throws -> CaseRecord? {
        try query { db in
            try db.fetchOne(
                CaseRecord.self,
                "SELECT \(Self.caseColumns) FROM cases WHERE tenant = ? AND slug = ?",
                tenant,
                slug
            )
        }
    }

    /// The cases of one tenant (or of all), by tenant and slug.
    public func cases(tenant: String? = nil) throws -> [CaseRecord] {
        try query { db in
            if let tenant {
                return try db.fetchAll(
                    CaseRecord.self,
                    "SELECT \(Self.caseColumns) FROM cases WHERE tenant = ? ORDER BY slug",
                    tenant
                )
            }
            return try db.fetchAll(CaseRecord.self, "SELECT \(Self.caseColumns) FROM cases ORDER BY tenant, slug")
        }
    }

    /// The jobs of a case, in the order they joined it.
    public func caseJobs(tenant: String, slug: String) throws -> [CaseJobRecord] {
        try query { db in
            try db.fetchAll(
                CaseJobRecord.self,
                "\(Self.caseJobsQuery) WHERE c.tenant = ? AND c.slug = ? ORDER BY c.added_at, c.job_id",
                tenant,
                slug
            )
        }
    }

    /// What happened to a case, oldest first.
    public func caseEvents(tenant: String, slug: String) throws -> [CaseEventRecord] {
        try query { db in
            try db.fetchAll(
                CaseEventRecord.self,
                "SELECT event, job_id AS job, version, detail, at FROM case_events WHERE tenant = ? AND slug = ? ORDER BY id",
                tenant,
                slug
            )
        }
    }

    /// Completed jobs of the tenant's open cases that the case skill does not include yet, in the order they
    /// completed.
    public func pendingCaseJobs(tenant: String) throws -> [CaseJobRecord] {
        try query { db in
            try db.fetchAll(
                CaseJobRecord.self,
                """
                \(Self.caseJobsQuery)
                JOIN cases k ON k.tenant = c.tenant AND k.slug = c.slug
                WHERE c.tenant = ? AND c.folded_at IS NULL AND j.status = 'complete' AND k.archived_at IS NULL
                ORDER BY j.completed_at, c.job_id
                """,
                tenant
            )
        }
    }

    /// Records that the case skill now includes `job`: published as `version` with `documents` documents, or
    /// (`version` nil) that the job brought no document to it (an info or dry-run job).
    public func foldCaseJob(
        _ job: String,
        tenant: String,
        slug: String,
        version: String?,
        documents: Int,
        detail: String? = nil,
        at time: String = Timestamp.now()
    ) throws {
        try update { db in
            let changed = try db.execute(
                "UPDATE case_jobs SET folded_at = ?, version = ? WHERE job_id = ? AND folded_at IS NULL",
                time,
                version,
                job
            )
            guard changed == 1, let version else { return }
            try db.execute(
                "UPDATE cases SET version = ?, documents = ? WHERE tenant = ? AND slug = ?",
                version,
                documents,
                tenant,
                slug
            )
            try Self.event(
                .published,
                tenant: tenant,
                slug: slug,
                job: job,
                version: version,
                detail: detail,
                at: time,
                db
            )
        }
    }

    /// Archives (or reopens) a case; returns whether its state changed.
    /// - Throws: `ERR::CASE::UNKNOWN` for a case the tenant does not have.
    @discardableResult
    public func setCaseArchived(
        _ archived: Bool,
        tenant: String,
        slug: String,
        at time: String = Timestamp.now()
    ) throws -> Bool {
        try update { db in
            guard try db.value(Int64.self, "SELECT 1 FROM cases WHERE tenant = ? AND slug = ?", tenant, slug) != nil
            else { throw LedgerError(.unknownCase, "tenant '\(tenant)' has no case '\(slug)'") }
            let changed = try db.execute(
                archived
                    ? "UPDATE cases SET archived_at = ? WHERE tenant = ? AND slug = ? AND archived_at IS NULL"
                    : "UPDATE cases SET archived_at = NULL WHERE tenant = ? AND slug = ? AND archived_at IS NOT NULL",
                archived ? [.text(time), .text(tenant), .text(slug)] : [.text(tenant), .text(slug)]
            )
            guard changed == 1 else { return false }
            try Self.event(archived ? .archived : .reopened, tenant: tenant, slug: slug, at: time, db)
            return true
        }
    }
}
