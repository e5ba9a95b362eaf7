import JSON
import Ledger

/// A job's `status.json`: the "Get Job Detail" shape of AI Skill Mill, written atomically at every stage and last
/// of all files when the job ends.
public struct JobReport: Sendable {
    /// One document of the job.
    public struct DocumentReport: Sendable, Hashable {
        public var id: String
        public var fileName: String
        public var sha256: String
        public var bytes: Int
        public var pageCount: Int = 0
        public var selectedPages: String?
        public var status = "pending"
        public var documentType: String?
        public var category: String?
        /// `pdf`, `docx`, `html`, `markdown` or `text`, when the worker read it.
        public var format: String?
        /// The URL a document named by URL was fetched from.
        public var url: String?

        /// AI Skill Mill's size tiers by page count.
        public var sizeTier: String {
            switch pageCount {
            case ..<11: "small"
            case ..<51: "medium"
            case ..<201: "large"
            default: "xlarge"
            }
        }
    }

    public var id: String
    public var tenant: String
    public var status: JobStatus = .created
    public var stage: JobStage? = .intake
    public var reference: String?
    public var documents: [DocumentReport] = []
    public var outputs: [OutputRecord] = []
    public var qaScores: [QAScoreRecord] = []
    public var creditsReserved = 0
    public var creditsCharged = 0
    public var createdAt: String
    public var startedAt: String?
    public var completedAt: String?
    public var error: JobFailure?
    public var duplicateOf: String?
    /// Where a held job's outputs wait for a reviewer.
    public var reviewPath: String?

    public init(id: String, tenant: String, createdAt: String) {
        self.id = id
        self.tenant = tenant
        self.createdAt = createdAt
    }

    public static let fileName = "status.json"

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("tenant", .string(tenant)), ("status", .string(status.rawValue)),
            ("currentStage", stage.map { .string($0.rawValue) } ?? .null),
        ]
        if let reference { members.append(("reference", .string(reference))) }
        if let duplicateOf { members.append(("duplicateOf", .string(duplicateOf))) }
        members.append(("documents", .array(documents.map(\.json))))
        members.append(("outputs", .array(outputs.map(\.json))))
        members.append(("qaScores", .array(qaScores.map(\.json))))
        members.append(("credits", .object([("reserved", .int(creditsReserved)), ("charged", .int(creditsCharged))])))
        members.append(
            (
                "timestamps",
                .object([
                    ("created", .string(createdAt)), ("started", startedAt.map { .string($0) } ?? .null),
                    ("completed", completedAt.map { .string($0) } ?? .null),
                ])
            )
        )
        if let reviewPath { members.append(("reviewPath", .string(reviewPath))) }
        members.append(("error", error?.json ?? .null))
        return .object(members)
    }

    public var bytes: [UInt8] { Array((JSONWriter.serialize(json, pretty: true) + "\n").utf8) }

    /// The `error.json` of a failed job.
    public static func errorBytes(_ failure: JobFailure, job: String) -> [UInt8] {
        let value = JSONValue.object([
            ("job", .string(job)), ("code", .string(failure.code)), ("message", .string(failure.message)),
            ("retryable", .bool(failure.isRetryable)),
        ])
        return Array((JSONWriter.serialize(value, pretty: true) + "\n").utf8)
    }
}

extension OutputRecord {
    /// A published output as `status.json` and `jobs show` list it.
    public var json: JSONValue {
        .object([
            ("format", .string(format)), ("path", .string(path)), ("bytes", .int(bytes)), ("sha256", .string(sha256)),
        ])
    }
}

extension QAScoreRecord {
    /// One QA agent's score as `status.json`, `jobs show` and the worker's record list it.
    public var json: JSONValue {
        .object([
            ("skill", .string(skill)), ("agent", .string(agent)), ("score", .int(score)), ("passed", .bool(passed)),
        ])
    }
}

extension JobReport.DocumentReport {
    /// The document as `status.json` lists it.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(id)), ("filename", .string(fileName)), ("sha256", .string(sha256)), ("bytes", .int(bytes)),
            ("pageCount", .int(pageCount)), ("sizeTier", .string(sizeTier)),
        ]
        if let selectedPages { fields.append(("pages", .string(selectedPages))) }
        if let format { fields.append(("format", .string(format))) }
        if let url { fields.append(("url", .string(url))) }
        fields += [
            ("status", .string(status)), ("documentType", documentType.map { .string($0) } ?? .null),
            ("category", category.map { .string($0) } ?? .null),
        ]
        return .object(fields)
    }

    /// Reads what ``json`` wrote; nil when a required member is missing.
    init?(json value: JSONValue) {
        guard let id = value["id"]?.stringValue, let fileName = value["filename"]?.stringValue,
            let sha256 = value["sha256"]?.stringValue, let bytes = value["bytes"]?.intValue,
            let pageCount = value["pageCount"]?.intValue, let status = value["status"]?.stringValue
        else { return nil }
        self.init(id: id, fileName: fileName, sha256: sha256, bytes: bytes)
        self.pageCount = pageCount
        self.status = status
        selectedPages = value["pages"]?.stringValue
        documentType = value["documentType"]?.stringValue
        category = value["category"]?.stringValue
        format = value["format"]?.stringValue
        url = value["url"]?.stringValue
    }
}

extension JobReport {
    /// The report of a job as the ledger knows it (for jobs finished outside a worker: review decisions).
    public init(detail: JobDetail) {
        self.init(id: detail.job.id, tenant: detail.job.tenant, createdAt: detail.job.createdAt)
        status = detail.job.status
        stage = detail.job.currentStage
        reference = detail.job.reference
        documents = detail.documents.enumerated().map { index, document in
            var report = DocumentReport(
                id: "d\(index + 1)",
                fileName: document.fileName,
                sha256: document.sha256,
                bytes: document.bytes
            )
            report.pageCount = document.pages
            report.status = document.status
            report.documentType = document.documentType
            report.category = document.category
            return report
        }
        outputs = detail.outputs
        qaScores = detail.qaScores
        creditsReserved = detail.creditsReserved
        creditsCharged = detail.creditsCharged
        startedAt = detail.job.startedAt
        completedAt = detail.job.completedAt
    }
}
