import GRDB

/// The SQLite ledger: jobs, documents, outputs, QA scores and append-only credit entries.
///
/// Opened in WAL mode with `synchronous=FULL`, foreign keys on, a busy timeout and `BEGIN IMMEDIATE` for writes
/// (GRDB opens write transactions as IMMEDIATE),
/// so the daemon, operators and cron exports can use the same file from several processes at once.
/// One `Ledger` per database file per process.
public final class Ledger: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) and migrates the ledger at `path`.
    ///
    /// - Throws: ``LedgerError`` `ERR::LEDGER::DATABASE` when the file cannot be opened or migrated.
    public init(path: String, busyTimeoutSeconds: Double = 10) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(pool)
        } catch {
            throw LedgerError.database("cannot open the ledger at '\(path)'", error)
        }
    }

    /// Runs a write transaction (`BEGIN IMMEDIATE`), mapping database errors to ``LedgerError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mappingErrors("write") { try pool.write(body) }
    }

    /// Runs a read in one snapshot, mapping database errors to ``LedgerError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mappingErrors("read") { try pool.read(body) }
    }

    /// Coded ledger errors pass through; database errors become `ERR::LEDGER::DATABASE`, retryable by their cause.
    private func mappingErrors<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.database("ledger \(action) failed", error)
        }
    }
}

extension Ledger {
    /// The newest migration of the schema, reported by `skillspool-ledger --version`.
    public static let schemaVersion = "ledger-schema v1"
}
