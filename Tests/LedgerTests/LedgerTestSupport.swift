import Foundation
import GRDB
import Ledger
import TestServers
import Testing

/// The engines a ledger test runs on: SQLite always; PostgreSQL when the suite was started with a server
/// (`Scripts/with-postgres.sh`, which `make test` uses, sets `SKILLSPOOL_TEST_POSTGRESQL`).
enum TestEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    static var available: [TestEngine] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgresql] }

    var testDescription: String { rawValue }
}

extension TestPostgres {
    /// The message shown when the PostgreSQL variants are skipped.
    static let skipped = Comment(rawValue: skipReason)
}

/// A ledger on `engine`, in a fresh temporary folder (the SQLite file, cursors, exports) and, on PostgreSQL, a
/// fresh database.
final class TemporaryLedger {
    let folder: String
    let engine: TestEngine
    /// The `ledger` setting: the SQLite path or the PostgreSQL URL.
    let setting: String
    let ledger: Ledger
    var path: String { folder + "/ledger.sqlite" }

    init(_ engine: TestEngine = .sqlite) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.engine = engine
        switch engine {
        case .sqlite: setting = folder + "/ledger.sqlite"
        case .postgresql: setting = try TestPostgres.createDatabase()
        }
        ledger = try Ledger(setting: setting)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A job that is accepted (reserved) and, optionally, closed.
    @discardableResult
    func job(
        _ id: String,
        tenant: String = "acme",
        reserve: Int = 10,
        settle: Int? = nil,
        refund: Bool = false,
        at time: String = "2026-11-05T10:00:00.000Z"
    ) throws -> String {
        try ledger.createJob(JobRecord(id: id, tenant: tenant, createdAt: time))
        try ledger.topUp(tenant: tenant, credits: reserve, reference: "for-\(id)", at: time)
        try ledger.reserve(job: id, credits: reserve, allowance: 0, at: time)
        if let settle {
            try ledger.updateJob(id, status: .complete, stage: .publish, at: time)
            try ledger.settle(job: id, credits: settle, at: time)
        } else if refund {
            try ledger.updateJob(id, status: .failed, stage: .extract, errorCode: "ERR::INPUT::DAMAGED", at: time)
            try ledger.refund(job: id, at: time)
        }
        return id
    }

    /// Raw SQL, bypassing the API, to plant violations.
    func execute(_ sql: String) throws {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: sql) }
            try queue.close()
        case .postgresql:
            try TestPostgres.psql(setting, sql)
        }
    }

    func read(_ file: String) throws -> String { try String(contentsOfFile: folder + "/" + file, encoding: .utf8) }
}

/// The build folder's executables, for tests that need a second process.
enum Executables {
    static func url(_ name: String) -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent(name)
    }

    static func start(_ name: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url(name)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
