/// A webhook event for one endpoint, recorded with the job change it reports (see ``Ledger/createJob(_:events:)``).
///
/// The event id names the job and its new status: a job enters each status at most once, so replaying a change
/// after a crash records nothing twice, and a receiver that sees an id again has seen that event.
public struct WebhookEventRecord: Sendable, Hashable {
    public var eventID: String
    public var tenant: String
    public var jobID: String
    public var event: JobStatus
    /// The endpoint's URL, as the tenant's configuration names it.
    public var endpoint: String
    /// The JSON body, signed and sent as is on every attempt.
    public var body: String
    public var createdAt: String
    /// Wall-clock milliseconds after which a failing delivery is given up.
    public var expiresMilliseconds: Int64

    public init(
        eventID: String,
        tenant: String,
        jobID: String,
        event: JobStatus,
        endpoint: String,
        body: String,
        createdAt: String,
        expiresMilliseconds: Int64
    ) {
        self.eventID = eventID
        self.tenant = tenant
        self.jobID = jobID
        self.event = event
        self.endpoint = endpoint
        self.body = body
        self.createdAt = createdAt
        self.expiresMilliseconds = expiresMilliseconds
    }

    /// The id of the event reporting that `job` entered `status`.
    public static func eventID(job: String, status: JobStatus) -> String { "\(job).\(status.rawValue)" }
}

/// One row of `webhook_deliveries`: an event for one endpoint (its ``WebhookEventRecord``, whose members read as
/// the delivery's own) and how its delivery went so far.
@dynamicMemberLookup
public struct WebhookDelivery: Sendable, Hashable, Decodable {
    enum CodingKeys: String, CodingKey {
        case id, eventID, tenant, jobID, event, endpoint, body, createdAt, expiresMilliseconds, attempts
        case nextAttemptMilliseconds, lastStatus, lastError, deliveredAt, givenUpAt
    }

    public var id: Int64
    public var record: WebhookEventRecord
    public var attempts: Int
    public var nextAttemptMilliseconds: Int64
    /// The HTTP status of the last attempt, when one came back.
    public var lastStatus: Int?
    public var lastError: String?
    public var deliveredAt: String?
    public var givenUpAt: String?

    public subscript<Value>(dynamicMember member: KeyPath<WebhookEventRecord, Value>) -> Value {
        record[keyPath: member]
    }

    public init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        id = try row.decode(Int64.self, forKey: .id)
        record = WebhookEventRecord(
            eventID: try row.decode(String.self, forKey: .eventID),
            tenant: try row.decode(String.self, forKey: .tenant),
            jobID: try row.decode(String.self, forKey: .jobID),
            event: try row.decode(JobStatus.self, forKey: .event),
            endpoint: try row.decode(String.self, forKey: .endpoint),
            body: try row.decode(String.self, forKey: .body),
            createdAt: try row.decode(String.self, forKey: .createdAt),
            expiresMilliseconds: try row.decode(Int64.self, forKey: .expiresMilliseconds)
        )
        attempts = try row.decode(Int.self, forKey: .attempts)
        nextAttemptMilliseconds = try row.decode(Int64.self, forKey: .nextAttemptMilliseconds)
        lastStatus = try row.decodeIfPresent(Int.self, forKey: .lastStatus)
        lastError = try row.decodeIfPresent(String.self, forKey: .lastError)
        deliveredAt = try row.decodeIfPresent(String.self, forKey: .deliveredAt)
        givenUpAt = try row.decodeIfPresent(String.self, forKey: .givenUpAt)
    }

    /// Where the delivery stands.
    public var state: WebhookDeliveryState {
        if deliveredAt != nil { return .delivered }
        if givenUpAt != nil { return .givenUp }
        return .pending
    }
}

/// Where a webhook delivery stands.
public enum WebhookDeliveryState: String, Sendable, CaseIterable {
    /// Not yet delivered: waiting for its first attempt or for a retry.
    case pending
    case delivered
    /// Failed until its give-up time; `skillspool webhooks retry` sends it again.
    case givenUp = "given-up"
}

/// How one delivery attempt ended.
public enum WebhookAttemptOutcome: Sendable, Hashable {
    /// The endpoint answered 2xx.
    case delivered(status: Int)
    /// It did not; tried again at `retryAt` (wall-clock milliseconds) unless that is past the give-up time.
    case failed(status: Int?, error: String, retryAt: Int64)
}
