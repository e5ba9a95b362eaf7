/// A case as the ledger records it: a tenant's matter (a claim, a project) that documents join over time.
public struct CaseRecord: Sendable, Hashable, Decodable {
    public var tenant: String
    /// The case's folder name below `inbox/` and `outbox/cases/`.
    public var slug: String
    public var name: String
    public var claimNumber: String?
    public var createdAt: String
    /// Set while the case is archived.
    public var archivedAt: String?
    /// The version of the case skill last published (nil before the first).
    public var version: String?
    /// Documents' jobs folded into the case skill.
    public var documents: Int

    public var isArchived: Bool { archivedAt != nil }
}

/// The case a job joins when it is created: the case is created by the first job that names it.
public struct CaseLink: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var claimNumber: String?

    public init(slug: String, name: String, claimNumber: String? = nil) {
        self.slug = slug
        self.name = name
        self.claimNumber = claimNumber
    }
}

/// A job of a case and whether the case skill includes it yet.
public struct CaseJobRecord: Sendable, Hashable, Decodable {
    public var job: String
    public var tenant: String
    public var slug: String
    public var addedAt: String
    /// When the case skill first included the job's documents (nil while pending, or for a job that brought none).
    public var foldedAt: String?
    /// The case skill version that first included them; nil for a job folded without documents.
    public var version: String?
    /// The job's status.
    public var status: JobStatus
}

/// What happened to a case, in order.
public struct CaseEventRecord: Sendable, Hashable, Decodable {
    public enum Kind: String, Sendable, Decodable, CaseIterable {
        case created
        case document
        case published
        case archived
        case reopened
    }

    public var event: Kind
    public var job: String?
    public var version: String?
    public var detail: String?
    public var at: String
}
