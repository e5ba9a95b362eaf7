import CodedErrors
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#else
    import SQLite3
#endif

/// The embedded ledger: one SQLite file through GRDB, for one host.
///
/// Opened in WAL mode with `synchronous=FULL`, foreign keys on and a busy timeout; GRDB opens write transactions as
/// `BEGIN IMMEDIATE`, so the daemon, operators and cron exports can use the same file from several processes.
final class SQLiteEngine: LedgerEngine {
    let pool: DatabasePool
    let path: String

    init(path: String, busyTimeoutSeconds: Double) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw LedgerError.sqlite("cannot open the ledger at '\(path)'", error)
        }
    }

    func write<T>(_ mode: WriteMode, _ body: (any SQLTransaction) throws -> T) throws -> T {
        try mappingErrors("write") { try pool.write { try body(Transaction(db: $0)) } }
    }

    func read<T>(snapshot: Bool, _ body: (any SQLTransaction) throws -> T) throws -> T {
        try mappingErrors("read") { try pool.read { try body(Transaction(db: $0)) } }
    }

    func close() { try? pool.close() }

    func identityReset(table: String) -> String? { nil }

    var creditMonthsTrigger: (drop: String, create: String) {
        ("DROP TRIGGER credit_entries_months", SQLiteSchema.creditMonthsTrigger)
    }

    /// Coded ledger errors pass through; SQLite's become `ERR::LEDGER::DATABASE`, retryable by their cause.
    private func mappingErrors<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.sqlite("ledger \(action) failed", error)
        }
    }

    /// A GRDB connection inside `write` or `read`; statements are prepared once per connection and cached.
    struct Transaction: SQLTransaction {
        let db: Database

        @discardableResult
        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            let statement = try db.cachedStatement(sql: sql)
            try statement.execute(arguments: Self.arguments(arguments))
            return db.changesCount
        }

        func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
            let statement = try db.cachedStatement(sql: sql)
            statement.arguments = Self.arguments(arguments)
            let columns = SQLColumns(statement.columnNames)
            let cursor = try Row.fetchCursor(statement)
            let sqlite = statement.sqliteStatement
            let count = Int32(statement.columnCount)
            // Straight from SQLite's column accessors: going through GRDB's DatabaseValue per column costs the
            // export (a million rows) more than SQLite's own work.
            while try cursor.next() != nil {
                var values: [SQLValue] = []
                values.reserveCapacity(Int(count))
                for index in 0..<count {
                    switch sqlite3_column_type(sqlite, index) {
                    case SQLITE_NULL: values.append(.null)
                    case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(sqlite, index)))
                    case SQLITE_TEXT:
                        let length = Int(sqlite3_column_bytes(sqlite, index))
                        let bytes = UnsafeBufferPointer(start: sqlite3_column_text(sqlite, index), count: length)
                        values.append(.text(String(decoding: bytes, as: UTF8.self)))
                    default:
                        throw LedgerError(.database, "column \(index) of '\(sql)' is not an integer or text")
                    }
                }
                try body(SQLRow(columns: columns, values: values))
            }
        }

        static func arguments(_ values: [SQLValue]) -> StatementArguments {
            StatementArguments(
                values.map { value -> DatabaseValue in
                    switch value {
                    case .null: .null
                    case .integer(let integer): integer.databaseValue
                    case .text(let text): text.databaseValue
                    }
                }
            )
        }
    }
}

extension CodedError where Kind == LedgerErrorCode {
    /// A SQLite failure, keeping GRDB's error as the cause: retryable when SQLite says the database was busy or
    /// locked, full, or failed at the I/O layer; not when a constraint, a corrupt file, a missing folder or
    /// permissions refused it.
    static func sqlite(_ message: String, _ cause: any Error) -> Self {
        let retryable: Bool
        if let error = cause as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PROTOCOL: retryable = true
            default: retryable = false
            }
        } else {
            retryable = false
        }
        return Self(.database, "\(message): \(cause)", retryable: retryable, cause: cause)
    }
}
