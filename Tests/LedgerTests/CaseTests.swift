import Foundation
import Ledger
import TestServers
import Testing

@Suite("ledger cases")
struct CaseTests {
    static let time = "2026-12-06T10:00:00.000Z"

    func created(_ ledger: Ledger, _ job: String, case link: CaseLink?, tenant: String = "acme") throws {
        try ledger.createJob(JobRecord(id: job, tenant: tenant, createdAt: Self.time), case: link)
    }

    @Test(
        "the first job creates its case; later jobs join it; folds publish versions in completion order",
        arguments: TestEngine.available
    )
    func joinAndFold(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        let link = CaseLink(slug: "harbor-claim", name: "Harbor claim", claimNumber: "CLM-1")
        try created(ledger, "j1", case: link)
        try created(ledger, "j2", case: CaseLink(slug: "harbor-claim", name: "ignored later"))
        // A replayed claim changes nothing.
        try created(ledger, "j1", case: link)
        let record = try #require(try ledger.caseRecord(tenant: "acme", slug: "harbor-claim"))
        #expect(record.name == "Harbor claim")
        #expect(record.claimNumber == "CLM-1")
        #expect(try ledger.caseSlug(tenant: "acme", claimNumber: "CLM-1") == "harbor-claim")
        #expect(try ledger.caseJobs(tenant: "acme", slug: "harbor-claim").map(\.job) == ["j1", "j2"])
        // Nothing is pending until a job completes.
        #expect(try ledger.pendingCaseJobs(tenant: "acme").isEmpty)
        try ledger.updateJob("j2", status: .complete, stage: .publish, at: "2026-12-06T10:01:00.000Z")
        try ledger.updateJob("j1", status: .complete, stage: .publish, at: "2026-12-06T10:02:00.000Z")
        #expect(try ledger.pendingCaseJobs(tenant: "acme").map(\.job) == ["j2", "j1"])
        try ledger.foldCaseJob(
            "j2",
            tenant: "acme",
            slug: "harbor-claim",
            version: "1.0.0",
            documents: 1,
            detail: "Added b"
        )
        try ledger.foldCaseJob(
            "j1",
            tenant: "acme",
            slug: "harbor-claim",
            version: "1.1.0",
            documents: 2,
            detail: "Added a"
        )
        // Folding twice is a no-op.
        try ledger.foldCaseJob("j1", tenant: "acme", slug: "harbor-claim", version: "1.2.0", documents: 3)
        #expect(try ledger.pendingCaseJobs(tenant: "acme").isEmpty)
        let folded = try #require(try ledger.caseRecord(tenant: "acme", slug: "harbor-claim"))
        #expect(folded.version == "1.1.0")
        #expect(folded.documents == 2)
        let events = try ledger.caseEvents(tenant: "acme", slug: "harbor-claim").map(\.event)
        #expect(events == [.created, .document, .document, .published, .published])
    }

    @Test("a claim number belongs to one case of a tenant; other tenants may use it", arguments: TestEngine.available)
    func claimNumbersAreUniquePerTenant(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try created(ledger, "j1", case: CaseLink(slug: "a", name: "A", claimNumber: "CLM-9"))
        #expect(throws: LedgerError.self) {
            try self.created(ledger, "j2", case: CaseLink(slug: "b", name: "B", claimNumber: "CLM-9"))
        }
        #expect(throws: LedgerError.self) {
            try self.created(ledger, "j3", case: CaseLink(slug: "a", name: "A", claimNumber: "CLM-10"))
        }
        // The refused jobs were not recorded (one transaction with the case link).
        #expect(try !ledger.hasJob("j2"))
        #expect(try !ledger.hasJob("j3"))
        try created(ledger, "j4", case: CaseLink(slug: "b", name: "B", claimNumber: "CLM-9"), tenant: "beta")
        #expect(try ledger.cases().count == 2)
    }

    @Test("archived cases are not folded until reopened; unknown cases are refused", arguments: TestEngine.available)
    func archiveStopsFolding(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try created(ledger, "j1", case: CaseLink(slug: "fleet", name: "Fleet"))
        #expect(try ledger.setCaseArchived(true, tenant: "acme", slug: "fleet"))
        #expect(try !ledger.setCaseArchived(true, tenant: "acme", slug: "fleet"))
        try ledger.updateJob("j1", status: .complete, stage: .publish)
        #expect(try ledger.pendingCaseJobs(tenant: "acme").isEmpty)
        #expect(try ledger.caseRecord(tenant: "acme", slug: "fleet")?.isArchived == true)
        #expect(try ledger.setCaseArchived(false, tenant: "acme", slug: "fleet"))
        #expect(try ledger.pendingCaseJobs(tenant: "acme").map(\.job) == ["j1"])
        #expect(throws: LedgerError.self) { try ledger.setCaseArchived(true, tenant: "acme", slug: "nothing") }
    }

    @Test(
        "cases, their jobs and events are copied by ledger migrate",
        .enabled(if: TestPostgres.url != nil, TestPostgres.skipped)
    )
    func migrated() throws {
        let source = try TemporaryLedger(.sqlite)
        try created(source.ledger, "j1", case: CaseLink(slug: "fleet", name: "Fleet", claimNumber: "F-1"))
        try source.ledger.updateJob("j1", status: .complete, stage: .publish)
        try source.ledger.foldCaseJob("j1", tenant: "acme", slug: "fleet", version: "1.0.0", documents: 1)
        let target = try TemporaryLedger(.postgresql)
        _ = try source.ledger.migrate(to: target.ledger)
        #expect(try target.ledger.cases() == source.ledger.cases())
        #expect(
            try target.ledger.caseEvents(tenant: "acme", slug: "fleet")
                == source.ledger.caseEvents(tenant: "acme", slug: "fleet")
        )
        #expect(
            try target.ledger.caseJobs(tenant: "acme", slug: "fleet")
                == source.ledger.caseJobs(tenant: "acme", slug: "fleet")
        )
    }
}
