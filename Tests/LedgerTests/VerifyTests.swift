import Ledger
import Testing

@Suite("ledger verify")
struct VerifyTests {
    @Test("a clean ledger verifies", arguments: TestEngine.available)
    func clean(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.job("ok-1", settle: 4)
        try store.job("ok-2", refund: true)
        try store.job("running")
        #expect(try store.ledger.verify(allowances: [:]).isEmpty)
    }

    @Test(
        "each planted violation is caught",
        arguments: TestEngine.available,
        [
            ("reserve-not-closed", "UPDATE jobs SET status = 'complete' WHERE id = 'open'"),
            (
                "close-without-reserve",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'bare', 'settle', 1, 'x1', '2026-11-05T10:00:00.000Z')"
            ),
            (
                "settle-exceeds-reserve",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'open', 'settle', 99, 'x2', '2026-11-05T10:00:00.000Z')"
            ),
            (
                "partial-refund",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'open', 'refund', 1, 'x3', '2026-11-05T10:00:00.000Z')"
            ),
            (
                "closed-twice",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'done', 'settle', 1, 'x4', '2026-11-05T10:00:00.000Z')"
            ),
            ("failed-job-charged", "UPDATE jobs SET status = 'failed' WHERE id = 'done'"),
            (
                "reserved-twice",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'done', 'reserve', 10, 'x5', '2026-11-05T10:00:00.000Z')"
            ),
            ("credit-months", "UPDATE credit_months SET held = held + 3 WHERE tenant = 'acme'"),
            (
                "negative-balance",
                "INSERT INTO credit_entries (tenant, job_id, kind, credits, idempotency_key, created_at) VALUES ('acme', 'bare', 'reserve', 1000, 'x6', '2026-11-05T10:00:00.000Z')"
            ),
        ]
    )
    func planted(engine: TestEngine, violation: (rule: String, sql: String)) throws {
        let (rule, sql) = violation
        let store = try TemporaryLedger(engine)
        try store.job("done", reserve: 10, settle: 5)
        try store.job("open", reserve: 10)
        try store.ledger.createJob(JobRecord(id: "bare", tenant: "acme"))
        #expect(try store.ledger.verify(allowances: [:]).isEmpty)
        try store.execute(sql)
        let violations = try store.ledger.verify(allowances: [:])
        #expect(violations.contains { $0.rule == rule }, "\(violations)")
    }
}
