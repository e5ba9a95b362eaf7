import Ledger
import Testing

@Suite("Job queries")
struct QueryTests {
    @Test("jobs list filters, pages newest first; show returns the full record", arguments: TestEngine.available)
    func listAndShow(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        for index in 0..<12 {
            let tenant = index % 3 == 0 ? "beta" : "acme"
            try store.job(
                "job-\(index)",
                tenant: tenant,
                settle: index % 2 == 0 ? 1 : nil,
                at: "2026-11-\(10 + index)T00:00:00.000Z"
            )
        }
        let page = try store.ledger.jobs(JobFilter(tenant: "acme"), page: 2, pageSize: 3)
        #expect(page.total == 8)
        #expect(page.jobs.map(\.id) == ["job-7", "job-5", "job-4"])
        let complete = try store.ledger.jobs(JobFilter(status: .complete, since: "2026-11-15"))
        #expect(complete.jobs.map(\.id) == ["job-10", "job-8", "job-6"])
        try store.ledger.addDocument(DocumentRecord(fileName: "a.pdf", sha256: "ab", bytes: 10, pages: 2), job: "job-0")
        try store.ledger.addOutput(
            OutputRecord(format: "json", path: "out/a.json", bytes: 5, sha256: "cd"),
            job: "job-0"
        )
        try store.ledger.addQAScore(
            QAScoreRecord(skill: "a", agent: "structure", score: 90, passed: true),
            job: "job-0"
        )
        let detail = try #require(try store.ledger.jobDetail("job-0"))
        #expect(detail.job.status == .complete && detail.job.completedAt != nil)
        #expect(detail.documents.count == 1 && detail.outputs.count == 1 && detail.qaScores.count == 1)
        #expect(detail.creditsReserved == 10 && detail.creditsCharged == 1)
        #expect(detail.events.map(\.status) == [.created, .complete])
        #expect(try store.ledger.jobDetail("nope") == nil)
    }

    @Test(
        "a stage the ledger does not know fails the read instead of becoming a default",
        arguments: TestEngine.available
    )
    func unknownStage(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.job("job-1")
        try store.execute("UPDATE jobs SET current_stage = 'teleport' WHERE id = 'job-1'")
        #expect(throws: (any Error).self) { _ = try store.ledger.jobDetail("job-1") }
        #expect(throws: (any Error).self) { _ = try store.ledger.jobs(JobFilter()) }
    }
}
