import Ledger
import Testing

@Suite("Finishing a job")
struct CompletionTests {
    static func document(_ name: String) -> DocumentRecord {
        DocumentRecord(fileName: name, sha256: "00", bytes: 1, pages: 1)
    }

    @Test(
        "a replayed finish replaces what the earlier attempt recorded, keeps what it is not given, closes once",
        arguments: TestEngine.available
    )
    func replay(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try ledger.createJob(JobRecord(id: "j", tenant: "acme"))
        #expect(try ledger.createJob(JobRecord(id: "j", tenant: "acme")) == false)
        try ledger.topUp(tenant: "acme", credits: 10, reference: "order")
        try ledger.reserve(job: "j", credits: 3, allowance: 0)
        let output = OutputRecord(format: "skill", path: "j/a.zip", bytes: 1, sha256: "00")
        let score = QAScoreRecord(skill: "a", agent: "qa", score: 90, passed: true)
        try ledger.finishJob(
            "j",
            status: .review,
            stage: .review,
            documents: [Self.document("a.pdf"), Self.document("b.pdf")],
            outputs: [output],
            qaScores: [score],
            settle: nil
        )
        // Finished, then the same finish replayed (a crash after the commit).
        for _ in 0..<2 {
            try ledger.finishJob(
                "j",
                status: .complete,
                stage: .publish,
                documents: [Self.document("c.pdf")],
                settle: 2
            )
        }
        let detail = try #require(try ledger.jobDetail("j"))
        #expect(detail.documents.map(\.fileName) == ["c.pdf"])
        #expect(detail.outputs == [output] && detail.qaScores == [score])
        #expect(detail.job.status == .complete && detail.creditsCharged == 2)
        #expect(try ledger.creditEntries(job: "j").map(\.kind) == [.reserve, .settle])
        #expect(try ledger.verify(allowances: [:]).isEmpty)
    }
}
