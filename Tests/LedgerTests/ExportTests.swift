import FileSystem
import Foundation
import Ledger
import TestServers
import Testing

@Suite("Exports")
struct ExportTests {
    private func rows(_ text: String) -> [String] {
        text.split(separator: "\r\n").map(String.init).filter { !$0.hasPrefix("id,") }
    }

    @Test(
        "exporting twice with the same cursor yields no duplicates; increments add up to the full export",
        arguments: TestEngine.available
    )
    func incremental(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let exporter = LedgerExporter(ledger: store.ledger)
        let cursor = store.folder + "/cursor"
        var parts: [String] = []
        for batch in 0..<3 {
            for index in 0..<5 { try store.job("b\(batch)-\(index)", settle: index) }
            _ = try exporter.export(
                format: .csv,
                tenant: nil,
                cursorFile: cursor,
                output: store.folder + "/part\(batch).csv"
            )
            parts.append(try store.read("part\(batch).csv"))
        }
        let again = try exporter.export(
            format: .csv,
            tenant: nil,
            cursorFile: cursor,
            output: store.folder + "/again.csv"
        )
        #expect(again.rows == 0)
        #expect(try store.read("again.csv") == LedgerExporter.csvHeader)
        _ = try exporter.export(format: .csv, tenant: nil, cursorFile: nil, output: store.folder + "/full.csv")
        let full = rows(try store.read("full.csv"))
        let concatenated = parts.flatMap(rows)
        #expect(concatenated == full)
        #expect(Set(full).count == full.count)
        #expect(full.count == 3 * 5 * 3)  // top-up, reserve, settle per job
        #expect(try String(contentsOfFile: cursor, encoding: .utf8) == "45\n")
    }

    @Test("CSV quoting and JSON lines", arguments: TestEngine.available)
    func formats(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        try store.ledger.topUp(
            tenant: "acme",
            credits: 7,
            reference: "order, \"quoted\"",
            at: "2026-11-05T10:00:00.000Z"
        )
        let exporter = LedgerExporter(ledger: store.ledger)
        _ = try exporter.export(format: .csv, tenant: "acme", cursorFile: nil, output: store.folder + "/a.csv")
        #expect(
            try store.read("a.csv") == LedgerExporter.csvHeader
                + "1,acme,,topup,7,\"topup:acme:order, \"\"quoted\"\"\",2026-11-05T10:00:00.000Z\r\n"
        )
        _ = try exporter.export(format: .jsonl, tenant: "acme", cursorFile: nil, output: store.folder + "/a.jsonl")
        let line = try store.read("a.jsonl")
        #expect(
            line
                == #"{"id":1,"tenant":"acme","job_id":null,"kind":"topup","credits":7,"idempotency_key":"topup:acme:order, \"quoted\"","created_at":"2026-11-05T10:00:00.000Z"}"#
                + "\n"
        )
        _ = try exporter.export(format: .csv, tenant: "other", cursorFile: nil, output: store.folder + "/b.csv")
        #expect(try store.read("b.csv") == LedgerExporter.csvHeader)
    }

    @Test("an incremental export needs a file to write", arguments: TestEngine.available)
    func needsOutput(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        #expect(throws: LedgerError.self) {
            try LedgerExporter(ledger: store.ledger).export(
                format: .csv,
                tenant: nil,
                cursorFile: store.folder + "/c",
                output: nil
            )
        }
    }

    @Test(
        "exports while another process writes 1,000 entries/s are consistent and add up",
        arguments: TestEngine.available
    )
    func concurrentWriter(engine: TestEngine) throws {
        let store = try TemporaryLedger(engine)
        let writer = try Executables.start(
            "skillspool-ledger-load",
            ["stream", store.setting, "--rate", "1000", "--seconds", "3"]
        )
        let exporter = LedgerExporter(ledger: store.ledger)
        let cursor = store.folder + "/cursor"
        var exported: [Int64] = []
        var exports = 0
        while writer.isRunning || exports < 2 {
            usleep(150_000)
            let file = store.folder + "/export-\(exports).csv"
            _ = try exporter.export(format: .csv, tenant: nil, cursorFile: cursor, output: file)
            for line in rows(try String(contentsOfFile: file, encoding: .utf8)) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(fields.count == 7, "incomplete row \(line)")
                exported.append(Int64(fields[0])!)
            }
            exports += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        _ = try exporter.export(format: .csv, tenant: nil, cursorFile: cursor, output: store.folder + "/last.csv")
        exported += rows(try store.read("last.csv")).map { Int64($0.split(separator: ",")[0])! }
        // Every entry exactly once, in order, with no gap: the increments tile the whole table. How many the writer
        // managed depends on the machine's load (a rate is for `make bench`); each of its jobs writes three entries.
        #expect(exported.count > 0 && exported.count % 3 == 0)
        #expect(exported == Array(1...Int64(exported.count)))
        #expect(try store.ledger.verify(allowances: [:]).isEmpty)
    }

    @Test("a backup taken during continuous writes passes integrity_check and opens in the sqlite3 shell")
    func backupUnderLoad() throws {
        let store = try TemporaryLedger()
        let writer = try Executables.start(
            "skillspool-ledger-load",
            ["stream", store.path, "--rate", "1000", "--seconds", "2"]
        )
        usleep(500_000)
        let backup = store.folder + "/backup.sqlite"
        try store.ledger.backup(to: backup)
        writer.waitUntilExit()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [backup, "PRAGMA integrity_check; SELECT COUNT(*) > 0 FROM credit_entries;"]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(text == "ok\n1\n")
        #expect(
            !FileManager.default.fileExists(
                atPath: store.folder + "/" + DurableFileWriter.temporaryName(for: "backup.sqlite")
            )
        )
    }

    @Test(
        "a PostgreSQL ledger is not copied file-wise: backup points to pg_dump",
        .enabled(if: TestPostgres.url != nil, TestPostgres.skipped)
    )
    func backupOnPostgres() throws {
        let store = try TemporaryLedger(.postgresql)
        do {
            try store.ledger.backup(to: store.folder + "/backup.sqlite")
            Issue.record("a PostgreSQL ledger was backed up to a SQLite file")
        } catch let error as LedgerError {
            #expect(error.code == .unsupported && error.message.contains("pg_dump"))
        }
    }
}
