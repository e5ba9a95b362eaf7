import Foundation
import Ledger
import Testing

@Suite("Credits: reserve, settle, refund, balance")
struct CreditTests {
    @Test("a settle replayed is a no-op; a different close is refused", arguments: TestEngine.available)
    func idempotentSettle(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.job("j1", reserve: 10, settle: 7)
        let replay = try store.ledger.settle(job: "j1", credits: 7)
        #expect(replay.credits == 7)
        #expect(try store.ledger.creditEntries(job: "j1").map(\.kind) == [.reserve, .settle])
        #expect(throws: LedgerError.self) { try store.ledger.refund(job: "j1") }
        #expect(throws: LedgerError.self) { try store.ledger.settle(job: "j1", credits: 6) }
        // A reservation replayed with the same amount is the same entry.
        #expect(try store.ledger.reserve(job: "j1", credits: 10, allowance: 0).credits == 10)
    }

    @Test(
        "credit_entries refuses UPDATE and DELETE",
        arguments: TestEngine.available,
        [
            "UPDATE credit_entries SET credits = 0", "DELETE FROM credit_entries",
            "UPDATE credit_entries SET kind = 'refund' WHERE id = 2", "DELETE FROM credit_entries WHERE id = 1",
        ]
    )
    func appendOnly(engine: TestEngine, sql: String) throws {
        let store = try TemporaryLedger(engine)
        try store.job("j1", settle: 3)
        #expect(throws: (any Error).self) { try store.execute(sql) }
        #expect(try store.ledger.creditEntries(job: "j1").count == 2)
    }

    @Test("a settle cannot exceed its reservation and needs one", arguments: TestEngine.available)
    func settleBounds(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.job("j1", reserve: 5)
        do {
            try store.ledger.settle(job: "j1", credits: 6)
            Issue.record("settled more than reserved")
        } catch let error as LedgerError {
            #expect(error.code == .settleExceedsReserve)
        }
        try store.ledger.createJob(JobRecord(id: "j2", tenant: "acme"))
        do {
            try store.ledger.refund(job: "j2")
            Issue.record("refunded without a reservation")
        } catch let error as LedgerError {
            #expect(error.code == .noReservation)
        }
    }

    @Test("insufficient credits are refused before anything is reserved", arguments: TestEngine.available)
    func insufficient(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.ledger.createJob(JobRecord(id: "big", tenant: "acme", createdAt: "2026-11-05T10:00:00.000Z"))
        do {
            try store.ledger.reserve(job: "big", credits: 101, allowance: 100, at: "2026-11-05T10:00:00.000Z")
            Issue.record("reserved beyond the balance")
        } catch let error as LedgerError {
            #expect(error.code == .insufficientCredits)
        }
        #expect(try store.ledger.creditEntries(job: "big").isEmpty)
        try store.ledger.reserve(job: "big", credits: 100, allowance: 100, at: "2026-11-05T10:00:00.000Z")
    }

    @Test(
        "the subscription bucket drains first, then purchased credits; failed jobs cost nothing",
        arguments: TestEngine.available
    )
    func balance(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try ledger.topUp(tenant: "acme", credits: 50, reference: "order-1", at: "2026-10-01T00:00:00.000Z")
        func job(_ id: String, reserve: Int, settle: Int?, at time: String) throws {
            try ledger.createJob(JobRecord(id: id, tenant: "acme", createdAt: time))
            try ledger.reserve(job: id, credits: reserve, allowance: 100, at: time)
            if let settle {
                try ledger.updateJob(id, status: .complete, stage: .publish, at: time)
                try ledger.settle(job: id, credits: settle, at: time)
            } else {
                try ledger.updateJob(id, status: .failed, stage: .extract, at: time)
                try ledger.refund(job: id, at: time)
            }
        }
        // October: 120 used with an allowance of 100 → 20 from the purchased 50.
        try job("a", reserve: 80, settle: 80, at: "2026-10-02T00:00:00.000Z")
        try job("b", reserve: 40, settle: 40, at: "2026-10-03T00:00:00.000Z")
        try job("c", reserve: 30, settle: nil, at: "2026-10-04T00:00:00.000Z")
        let october = try ledger.balance(tenant: "acme", allowance: 100, month: "2026-10")
        #expect(october.settled == 120 && october.subscriptionRemaining == 0 && october.purchasedRemaining == 30)
        // November: the subscription resets; an open reservation is held.
        try ledger.createJob(JobRecord(id: "d", tenant: "acme", createdAt: "2026-11-02T00:00:00.000Z"))
        try ledger.reserve(job: "d", credits: 60, allowance: 100, at: "2026-11-02T00:00:00.000Z")
        let november = try ledger.balance(tenant: "acme", allowance: 100, month: "2026-11")
        #expect(november.held == 60 && november.subscriptionRemaining == 40 && november.purchasedRemaining == 30)
        #expect(november.available == 70)
        let summary = try ledger.summary(month: "2026-10", allowances: ["acme": 100])
        #expect(summary.count == 1)
        #expect(
            summary[0].reserved == 150 && summary[0].settled == 120 && summary[0].refunded == 30
                && summary[0].topups == 50
        )
    }

    @Test(
        "a reservation closed in a later month frees the month it was made in",
        arguments: TestEngine.available
    )
    func lateClose(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let ledger = store.ledger
        try ledger.createJob(JobRecord(id: "late", tenant: "acme", createdAt: "2026-10-31T23:59:00.000Z"))
        try ledger.reserve(job: "late", credits: 30, allowance: 100, at: "2026-10-31T23:59:00.000Z")
        #expect(try ledger.balance(tenant: "acme", allowance: 100, month: "2026-10").held == 30)
        try ledger.updateJob("late", status: .complete, stage: .publish, at: "2026-11-01T00:01:00.000Z")
        try ledger.settle(job: "late", credits: 20, at: "2026-11-01T00:01:00.000Z")
        let october = try ledger.balance(tenant: "acme", allowance: 100, month: "2026-10")
        let november = try ledger.balance(tenant: "acme", allowance: 100, month: "2026-11")
        #expect(october.held == 0 && october.settled == 0)
        #expect(november.held == 0 && november.settled == 20 && november.subscriptionRemaining == 80)
        #expect(try ledger.verify(allowances: ["acme": 100]).isEmpty)
    }

    @Test(
        "upgrading a ledger written before schema v5 keeps every balance",
        arguments: TestEngine.available
    )
    func upgradeKeepsBalances(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.ledger.topUp(tenant: "acme", credits: 40, reference: "order-1", at: "2026-09-01T00:00:00.000Z")
        try store.job("settled", reserve: 90, settle: 70, at: "2026-09-03T00:00:00.000Z")
        try store.job("refunded", reserve: 20, refund: true, at: "2026-10-03T00:00:00.000Z")
        try store.job("open", reserve: 50, at: "2026-10-04T00:00:00.000Z")
        try store.job("other", tenant: "globex", reserve: 5, settle: 5, at: "2026-10-05T00:00:00.000Z")
        let months = ["2026-09", "2026-10", "2026-11"]
        let before = try months.map { try store.ledger.balance(tenant: "acme", allowance: 60, month: $0) }
        // (Each test job tops up its own reservation: September has 40 + 90 purchased, 10 of them used.)
        // Back to v4: no kept sums, no trigger; opening the ledger again runs v5 over the history.
        switch engine {
        case .sqlite:
            try store.execute(
                """
                DROP TRIGGER credit_entries_months; DROP TABLE credit_months;
                DELETE FROM grdb_migrations WHERE identifier = 'v5'
                """
            )
        case .postgresql:
            try store.execute(
                """
                DROP TRIGGER credit_entries_months ON credit_entries; DROP FUNCTION credit_entries_months();
                DROP TABLE credit_months; DELETE FROM ledger_migrations WHERE version = 'v5'
                """
            )
        }
        let upgraded = try Ledger(setting: store.setting)
        let after = try months.map { try upgraded.balance(tenant: "acme", allowance: 60, month: $0) }
        #expect(after == before)
        #expect(after[1].held == 50 && after[0].settled == 70 && after[0].purchasedRemaining == 120)
        #expect(try upgraded.verify(allowances: ["acme": 60, "globex": 60]).isEmpty)
    }
}
