import Foundation
import Ledger
import TestServers
import Testing

@Suite("ledger migrate")
struct MigrateTests {
    @Test(
        "a SQLite ledger copied into PostgreSQL keeps every row, id and sum, and goes on from there",
        .enabled(if: TestPostgres.url != nil, TestPostgres.skipped)
    )
    func sqliteToPostgres() throws {
        let source = try TemporaryLedger(.sqlite)
        for index in 0..<30 {
            try source.job(
                "j\(index)",
                tenant: index % 2 == 0 ? "acme" : "beta",
                settle: index % 3 == 0 ? nil : 4,
                refund: index % 3 == 0
            )
        }
        try source.job("open", reserve: 7)
        try source.ledger.addOutput(
            OutputRecord(format: "json", path: "j1/doc.json", bytes: 10, sha256: "ab"),
            job: "j1"
        )
        try source.ledger.addQAScore(QAScoreRecord(skill: "s", agent: "a", score: 90, passed: true), job: "j1")
        let exporter = LedgerExporter(ledger: source.ledger)
        _ = try exporter.export(format: .csv, tenant: nil, cursorFile: nil, output: source.folder + "/before.csv")
        let target = try TemporaryLedger(.postgresql)
        let migration = try source.ledger.migrate(to: target.ledger)
        #expect(migration.rows.first { $0.table == "credit_entries" }?.count == 30 * 3 + 2)
        #expect(migration.rows.first { $0.table == "jobs" }?.count == 31)
        #expect(migration.credits[.settle] == 20 * 4)
        // The same export, byte for byte, from the copy.
        _ = try LedgerExporter(ledger: target.ledger).export(
            format: .csv,
            tenant: nil,
            cursorFile: nil,
            output: source.folder + "/after.csv"
        )
        #expect(try source.read("before.csv") == source.read("after.csv"))
        #expect(try target.ledger.jobDetail("j1") == source.ledger.jobDetail("j1"))
        #expect(try target.ledger.verify(allowances: [:]).isEmpty)
        for tenant in ["acme", "beta"] {
            #expect(
                try target.ledger.balance(tenant: tenant, allowance: 5)
                    == source.ledger.balance(tenant: tenant, allowance: 5)
            )
        }
        // New entries continue after the copied ids.
        try target.ledger.topUp(tenant: "acme", credits: 5, reference: "after-migrate")
        let last = try target.ledger.creditEntries(job: "open").map(\.id).max() ?? 0
        #expect(last == 92)
        try target.ledger.createJob(JobRecord(id: "new", tenant: "acme"))
        try target.ledger.reserve(job: "new", credits: 1, allowance: 0)
        #expect(try target.ledger.creditEntries(job: "new").map(\.id) == [94])
        // A second copy into a ledger that has rows is refused.
        do {
            _ = try source.ledger.migrate(to: target.ledger)
            Issue.record("migrated into a ledger with rows")
        } catch let error as LedgerError {
            #expect(error.code == .targetNotEmpty)
        }
    }

    @Test("the copy works between any two engines, here SQLite to SQLite")
    func sqliteToSqlite() throws {
        let source = try TemporaryLedger(.sqlite)
        for index in 0..<5 { try source.job("j\(index)", settle: 1) }
        let target = try TemporaryLedger(.sqlite)
        let migration = try source.ledger.migrate(to: target.ledger)
        #expect(migration.rows.first { $0.table == "credit_entries" }?.count == 15)
        #expect(try target.ledger.jobs(JobFilter()).total == 5)
    }
}
