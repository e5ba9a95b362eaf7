import FileSystem
import Foundation
import Ledger
import Testing

@Suite("Webhook deliveries: the outbox of job events")
struct WebhookTests {
    static func event(
        _ job: String,
        _ status: JobStatus,
        endpoint: String = "https://hooks.example/a",
        tenant: String = "acme",
        expiresIn: Int64 = 60_000
    ) -> WebhookEventRecord {
        WebhookEventRecord(
            eventID: WebhookEventRecord.eventID(job: job, status: status),
            tenant: tenant,
            jobID: job,
            event: status,
            endpoint: endpoint,
            body: #"{"event":{"id":"\#(job).\#(status.rawValue)"},"id":"\#(job)"}"#,
            createdAt: "2026-12-06T10:00:00.000Z",
            expiresMilliseconds: Timestamp.epochMilliseconds() + expiresIn
        )
    }

    @Test(
        "events are recorded with the job change, once, however often the change is replayed",
        arguments: TestEngine.available
    )
    func recordedWithTheChange(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        let observed = Counter()
        ledger.observeWebhookEvents { observed.add() }
        let job = JobRecord(id: "j1", tenant: "acme", createdAt: "2026-12-06T10:00:00.000Z")
        let created = [Self.event("j1", .created), Self.event("j1", .created, endpoint: "https://hooks.example/b")]
        #expect(try ledger.createJob(job, events: created))
        // A claim replayed after a crash: no second row.
        #expect(try !ledger.createJob(job, events: created))
        try ledger.updateJob("j1", status: .processing, stage: .inspect, events: [Self.event("j1", .processing)])
        try ledger.updateJob("j1", status: .processing, stage: .extract)
        try ledger.finishJob(
            "j1",
            status: .complete,
            stage: .publish,
            settle: nil,
            events: [Self.event("j1", .complete)]
        )
        try ledger.finishJob(
            "j1",
            status: .complete,
            stage: .publish,
            settle: nil,
            events: [Self.event("j1", .complete)]
        )
        let rows = try ledger.webhookDeliveries(job: "j1")
        #expect(rows.map(\.eventID).sorted() == ["j1.complete", "j1.created", "j1.created", "j1.processing"])
        #expect(Set(rows.filter { $0.eventID == "j1.created" }.map(\.endpoint)).count == 2)
        #expect(rows.allSatisfy { $0.state == .pending && $0.attempts == 0 })
        #expect(observed.value == 5)
        #expect(try ledger.pendingWebhookCounts() == ["acme": 4])
    }

    @Test("a failed job change records no event", arguments: TestEngine.available)
    func rolledBackWithTheChange(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        #expect(throws: LedgerError.self) {
            try ledger.updateJob(
                "nobody",
                status: .processing,
                stage: .inspect,
                events: [Self.event("nobody", .processing)]
            )
        }
        #expect(try ledger.webhookDeliveries().isEmpty)
    }

    @Test(
        "claims exclude other nodes until they run out; attempts retry, deliver or give up",
        arguments: TestEngine.available
    )
    func claimsAndAttempts(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try ledger.createJob(
            JobRecord(id: "j1", tenant: "acme", createdAt: "2026-12-06T10:00:00.000Z"),
            events: [
                Self.event("j1", .created),
                Self.event("j1", .created, endpoint: "https://hooks.example/b", expiresIn: 1),
            ]
        )
        try ledger.createJob(
            JobRecord(id: "k1", tenant: "beta", createdAt: "2026-12-06T10:00:00.000Z"),
            events: [Self.event("k1", .created, tenant: "beta")]
        )
        let now = Timestamp.epochMilliseconds() + 10
        // Only the tenants asked for; a claimed row is not claimed again while its claim lasts.
        let first = try ledger.claimWebhookDeliveries(
            node: "a",
            tenants: ["acme"],
            limit: 10,
            claimMilliseconds: 5_000,
            now: now
        )
        #expect(first.map(\.tenant) == ["acme", "acme"])
        #expect(
            try ledger.claimWebhookDeliveries(
                node: "b",
                tenants: ["acme"],
                limit: 10,
                claimMilliseconds: 5_000,
                now: now
            ).isEmpty
        )
        #expect(try ledger.nextWebhookDue(tenants: ["acme"]) == now + 5_000)
        // Node a dies: node b takes the rows once the claim is over.
        let taken = try ledger.claimWebhookDeliveries(
            node: "b",
            tenants: ["acme"],
            limit: 10,
            claimMilliseconds: 5_000,
            now: now + 5_000
        )
        #expect(taken.count == 2)

        let durable = try #require(taken.first { $0.endpoint == "https://hooks.example/a" })
        let fragile = try #require(taken.first { $0.endpoint == "https://hooks.example/b" })
        try ledger.recordWebhookAttempt(
            durable.id,
            .failed(status: 503, error: "ERR::WEBHOOK::HTTP_STATUS", retryAt: now + 6_000)
        )
        try ledger.recordWebhookAttempt(
            fragile.id,
            .failed(status: nil, error: "ERR::WEBHOOK::TIMEOUT", retryAt: now + 6_000)
        )
        #expect(try ledger.nextWebhookDue(tenants: ["acme"]) == now + 6_000)
        var rows = try ledger.webhookDeliveries(tenant: "acme")
        #expect(rows.first { $0.id == durable.id }?.state == .pending)
        #expect(rows.first { $0.id == durable.id }?.lastStatus == 503)
        #expect(rows.first { $0.id == fragile.id }?.state == .givenUp)

        let again = try ledger.claimWebhookDeliveries(
            node: "b",
            tenants: ["acme"],
            limit: 10,
            claimMilliseconds: 5_000,
            now: now + 6_000
        )
        #expect(again.map(\.id) == [durable.id])
        #expect(again.first?.attempts == 1)
        try ledger.recordWebhookAttempt(durable.id, .delivered(status: 204))
        rows = try ledger.webhookDeliveries(tenant: "acme", state: .delivered)
        #expect(rows.map(\.id) == [durable.id])
        #expect(rows.first?.attempts == 2)
        // A late failure report for a delivered row (a claim that ran out while the post was in flight) changes nothing.
        try ledger.recordWebhookAttempt(durable.id, .failed(status: nil, error: "late", retryAt: now + 7_000))
        #expect(try ledger.webhookDeliveries(tenant: "acme", state: .delivered).count == 1)

        // An operator's retry makes the given-up row pending and due at once.
        #expect(
            try ledger.retryWebhookDeliveries(eventID: "j1.created", extraMilliseconds: 60_000, now: now + 8_000) == 1
        )
        #expect(try ledger.webhookDeliveries(tenant: "acme", state: .givenUp).isEmpty)
        let retried = try ledger.claimWebhookDeliveries(
            node: "b",
            tenants: ["acme"],
            limit: 10,
            claimMilliseconds: 5_000,
            now: now + 8_000
        )
        #expect(retried.map(\.id) == [fragile.id])
        // A restarted node releases what its previous life claimed.
        try ledger.releaseWebhookClaims(node: "b")
        #expect(
            try ledger.claimWebhookDeliveries(
                node: "c",
                tenants: ["acme"],
                limit: 10,
                claimMilliseconds: 5_000,
                now: now + 8_000
            ).count == 1
        )
        #expect(try ledger.pendingWebhookCounts() == ["acme": 1, "beta": 1])
    }
}

/// A count shared with a `@Sendable` closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
