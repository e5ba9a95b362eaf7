import JSON
import Ledger

/// What `.work/<job>/job.json` records about a claimed job: enough to run it again from its inputs after a crash.
///
/// The inputs themselves sit next to it in `.work/<job>/input/`.
public struct JobTicket: Sendable, Hashable {
    /// How the job came in.
    public enum Source: String, Sendable, Hashable {
        case manifest
        case lone
        case archive
    }

    public var id: String
    public var tenant: String
    public var source: Source
    /// The manifest or archive file name, or the lone PDF's name.
    public var trigger: String
    /// Every input file name (moved into `input/`).
    public var inputs: [String]
    /// The size of each input as read by the claim; an input that grows afterwards was still being uploaded.
    public var inputSizes: [Int] = []
    public var createdAt: String
    /// Runs started so far, crashed ones included.
    public var attempts: Int
    /// The failure being recorded, set before the inputs move to `failed/` so a crash half-way resumes it.
    public var failure: JobFailure?
    /// The case the job's documents join (dropped into `inbox/<case>/` or named by the manifest).
    public var caseLink: CaseLink?
    /// The case folder below `inbox/` the inputs were taken from (nil: the inbox itself); an interrupted claim puts
    /// them back there.
    public var origin: String?

    public static let fileName = "job.json"

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("tenant", .string(tenant)), ("source", .string(source.rawValue)),
            ("trigger", .string(trigger)), ("inputs", .array(inputs.map { .string($0) })),
            ("createdAt", .string(createdAt)), ("attempts", .int(attempts)),
        ]
        if !inputSizes.isEmpty { members.append(("inputSizes", .array(inputSizes.map { .int($0) }))) }
        if let failure { members.append(("failure", failure.json)) }
        if let origin { members.append(("origin", .string(origin))) }
        if let caseLink {
            var link: [(String, JSONValue)] = [("slug", .string(caseLink.slug)), ("name", .string(caseLink.name))]
            if let claim = caseLink.claimNumber { link.append(("claimNumber", .string(claim))) }
            members.append(("case", .object(link)))
        }
        return .object(members)
    }

    public var bytes: [UInt8] { Array((JSONWriter.serialize(json, pretty: true) + "\n").utf8) }

    public init(
        id: String,
        tenant: String,
        source: Source,
        trigger: String,
        inputs: [String],
        createdAt: String,
        attempts: Int = 0
    ) {
        self.id = id
        self.tenant = tenant
        self.source = source
        self.trigger = trigger
        self.inputs = inputs
        self.createdAt = createdAt
        self.attempts = attempts
    }

    /// Reads a ticket written by ``bytes``.
    public init(bytes: [UInt8]) throws {
        guard let value = try? JSONParser.parse(bytes), let id = value["id"]?.stringValue,
            let tenant = value["tenant"]?.stringValue,
            let source = value["source"]?.stringValue.flatMap(Source.init(rawValue:)),
            let trigger = value["trigger"]?.stringValue, case .array(let inputs)? = value["inputs"],
            let createdAt = value["createdAt"]?.stringValue, let attempts = value["attempts"]?.intValue
        else { throw SpoolError(.io, "job.json is damaged") }
        self.init(
            id: id,
            tenant: tenant,
            source: source,
            trigger: trigger,
            inputs: inputs.compactMap(\.stringValue),
            createdAt: createdAt,
            attempts: attempts
        )
        if case .array(let sizes)? = value["inputSizes"] { inputSizes = sizes.compactMap(\.intValue) }
        origin = value["origin"]?.stringValue
        if let link = value["case"], let slug = link["slug"]?.stringValue, let name = link["name"]?.stringValue {
            caseLink = CaseLink(slug: slug, name: name, claimNumber: link["claimNumber"]?.stringValue)
        }
        if let failure = value["failure"], let code = failure["code"]?.stringValue {
            self.failure = JobFailure(
                code: code,
                message: failure["message"]?.stringValue ?? "",
                isRetryable: failure["retryable"] == .bool(true)
            )
        }
    }
}

extension JobFailure {
    var json: JSONValue {
        .object([("code", .string(code)), ("message", .string(message)), ("retryable", .bool(isRetryable))])
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
