/// The statements of one ledger transaction, on either engine.
///
/// Statements are written once, in the SQL both SQLite and PostgreSQL accept, with `?` placeholders (the PostgreSQL
/// engine numbers them). Values are integers and text only (see ``SQLValue``).
public protocol SQLTransaction {
    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int

    /// Runs one query and hands its rows to `body`, one at a time, in order.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws
}

extension SQLTransaction {
    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ arguments: any SQLArgument...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    /// Every row of a query.
    public func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Every row of a query, decoded as `Record` (columns by its `CodingKeys`).
    public func fetchAll<Record: Decodable>(
        _ type: Record.Type,
        _ sql: String,
        _ arguments: any SQLArgument...
    ) throws -> [Record] {
        var records: [Record] = []
        try forEachRow(sql, arguments.map(\.sqlValue)) { records.append(try $0.decode(Record.self)) }
        return records
    }

    /// The first row of a query decoded as `Record`, or nil when there is none.
    public func fetchOne<Record: Decodable>(
        _ type: Record.Type,
        _ sql: String,
        _ arguments: any SQLArgument...
    ) throws -> Record? {
        try rows(sql, arguments.map(\.sqlValue)).first?.decode(Record.self)
    }

    /// The first column of every row.
    public func values<Value: Decodable>(
        _ type: Value.Type,
        _ sql: String,
        _ arguments: any SQLArgument...
    ) throws -> [Value] {
        var values: [Value] = []
        try forEachRow(sql, arguments.map(\.sqlValue)) { row in
            values.append(try row[0].decoded(Value.self, column: row.columns.names[0]))
        }
        return values
    }

    /// The first column of the first row, or nil when there is no row or the value is NULL.
    public func value<Value: Decodable>(
        _ type: Value.Type,
        _ sql: String,
        _ arguments: any SQLArgument...
    ) throws -> Value? {
        guard let row = try rows(sql, arguments.map(\.sqlValue)).first, row[0] != .null else { return nil }
        return try row[0].decoded(Value.self, column: row.columns.names[0])
    }
}

/// Where a ledger keeps its tables: the embedded SQLite file or a shared PostgreSQL database.
protocol LedgerEngine: Sendable {
    /// A write. `.serialized` (anything touching credits or leases) runs alone among such writers on both engines
    /// (SQLite's `BEGIN IMMEDIATE` serialises every writer; PostgreSQL takes a transaction-level advisory lock), so
    /// a balance check and the insert it allows cannot interleave with another process's, and credit entry ids are
    /// committed in increasing order (export cursors rely on it). `.rowLocked` writes (a job's documents and
    /// outputs) rely on row locks only; `.statement` is a single statement, atomic by itself, which PostgreSQL runs
    /// without a transaction around it.
    func write<T>(_ mode: WriteMode, _ body: (any SQLTransaction) throws -> T) throws -> T

    /// A read; with `snapshot`, all its statements see one consistent snapshot, without it the body issues a single
    /// statement (which PostgreSQL then runs without a transaction around it: two round trips fewer).
    func read<T>(snapshot: Bool, _ body: (any SQLTransaction) throws -> T) throws -> T

    /// Closes the engine's connections; the ledger is not used afterwards.
    func close()

    /// A statement that moves `table`'s id generator past the ids a copy inserted explicitly, or nil where the
    /// engine does it itself (SQLite's AUTOINCREMENT follows the largest id).
    func identityReset(table: String) -> String?

    /// Statements that remove and recreate the trigger keeping `credit_months`, for a bulk copy of credit entries
    /// (the table is filled once afterwards instead of once per row).
    var creditMonthsTrigger: (drop: String, create: String) { get }
}

/// How a write is isolated from others (see ``LedgerEngine/write(_:_:)``).
enum WriteMode: Sendable {
    case serialized
    case rowLocked
    case statement
}
