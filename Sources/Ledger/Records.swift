import FileSystem

/// The status of a job, as in AI Skill Mill's job detail.
public enum JobStatus: String, Sendable, CaseIterable, Codable {
    case created
    case processing
    case complete
    case failed
    case review

    /// A terminal job has settled or refunded its reservation.
    public var isTerminal: Bool { self == .complete || self == .failed }
}

/// The stage a job is in, as `status.json` and the ledger's job events record it.
public enum JobStage: String, Sendable, CaseIterable, Codable {
    case intake
    case inspect
    case extract
    case structure
    case classify
    case package
    case qa
    case publish
    /// Outputs held in `review/<job>/` for a person.
    case review
    /// The job ended failed (its inputs are in `failed/<job>/`).
    case failed
    /// A restart found the job's claim gone and closed it.
    case recovery
}

/// One job as the ledger records it.
public struct JobRecord: Sendable, Hashable, Codable {
    public var id: String
    public var tenant: String
    public var reference: String?
    public var manifestSHA256: String?
    public var status: JobStatus
    public var currentStage: JobStage?
    public var errorCode: String?
    public var createdAt: String
    public var startedAt: String?
    public var completedAt: String?

    public init(
        id: String,
        tenant: String,
        reference: String? = nil,
        manifestSHA256: String? = nil,
        status: JobStatus = .created,
        currentStage: JobStage? = nil,
        errorCode: String? = nil,
        createdAt: String = Timestamp.now(),
        startedAt: String? = nil,
        completedAt: String? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.reference = reference
        self.manifestSHA256 = manifestSHA256
        self.status = status
        self.currentStage = currentStage
        self.errorCode = errorCode
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}

/// A document of a job.
public struct DocumentRecord: Sendable, Hashable, Decodable {
    public var fileName: String
    public var sha256: String
    public var bytes: Int
    public var pages: Int
    public var sizeTier: String?
    public var documentType: String?
    public var category: String?
    public var status: String

    public init(
        fileName: String,
        sha256: String,
        bytes: Int,
        pages: Int,
        sizeTier: String? = nil,
        documentType: String? = nil,
        category: String? = nil,
        status: String = "complete"
    ) {
        self.fileName = fileName
        self.sha256 = sha256
        self.bytes = bytes
        self.pages = pages
        self.sizeTier = sizeTier
        self.documentType = documentType
        self.category = category
        self.status = status
    }
}

/// A published output of a job.
public struct OutputRecord: Sendable, Hashable, Decodable {
    public var format: String
    public var path: String
    public var bytes: Int
    public var sha256: String

    public init(format: String, path: String, bytes: Int, sha256: String) {
        self.format = format
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// One QA agent's score for one skill of a job.
public struct QAScoreRecord: Sendable, Hashable, Decodable {
    public var skill: String
    public var agent: String
    public var score: Int
    public var passed: Bool

    public init(skill: String, agent: String, score: Int, passed: Bool) {
        self.skill = skill
        self.agent = agent
        self.score = score
        self.passed = passed
    }
}

/// The kinds of credit entries.
public enum CreditKind: String, Sendable, CaseIterable, Codable {
    /// Credits held when a job is accepted.
    case reserve
    /// The job finished: the pages actually converted are charged, the rest of the reservation released.
    case settle
    /// The job failed: nothing is charged, the whole reservation released.
    case refund
    /// Purchased credits (never expire).
    case topup
}

/// One append-only credit entry.
public struct CreditEntry: Sendable, Hashable, Decodable {
    public var id: Int64
    public var tenant: String
    public var jobID: String?
    public var kind: CreditKind
    public var credits: Int
    public var idempotencyKey: String
    public var createdAt: String
}

/// A tenant's credits: the monthly subscription bucket is drained first, then purchased top-ups.
public struct Balance: Sendable, Hashable {
    public var month: String
    public var allowance: Int
    /// Credits charged (settled) in the month.
    public var settled: Int
    /// Credits held by reservations that have not closed yet.
    public var held: Int
    public var subscriptionRemaining: Int
    public var purchasedRemaining: Int
    /// What a new reservation may use.
    public var available: Int { max(0, subscriptionRemaining) + purchasedRemaining }
}

/// One line of `ledger summary`.
public struct TenantSummary: Sendable, Hashable {
    public var tenant: String
    public var month: String
    public var reserved: Int
    public var settled: Int
    public var refunded: Int
    public var topups: Int
    public var balance: Balance
}

/// A job with everything recorded about it (the `status.json` shape).
public struct JobDetail: Sendable, Hashable {
    public var job: JobRecord
    public var documents: [DocumentRecord]
    public var outputs: [OutputRecord]
    public var qaScores: [QAScoreRecord]
    public var events: [JobEventRecord]
    public var creditsReserved: Int
    public var creditsCharged: Int

    public static func == (lhs: JobDetail, rhs: JobDetail) -> Bool {
        lhs.job == rhs.job && lhs.documents == rhs.documents && lhs.outputs == rhs.outputs
            && lhs.qaScores == rhs.qaScores && lhs.creditsReserved == rhs.creditsReserved
            && lhs.creditsCharged == rhs.creditsCharged && lhs.events == rhs.events
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(job) }
}

/// One transition of a job (`job_events`).
public struct JobEventRecord: Sendable, Hashable, Decodable {
    public var status: JobStatus
    public var stage: JobStage?
    public var at: String
}
