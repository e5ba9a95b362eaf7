import NIOConcurrencyHelpers

/// The ledger: jobs, documents, outputs, QA scores and append-only credit entries.
///
/// Kept in an embedded SQLite file for one host, or in a PostgreSQL database that several daemons share
/// (``LedgerLocation``). Both engines run the same statements with the same guarantees: writers are serialised,
/// reads see one snapshot, credit entries cannot be changed or deleted. One `Ledger` per location per process.
public final class Ledger: Sendable {
    let engine: any LedgerEngine
    /// Where the ledger is.
    public let location: LedgerLocation
    /// Tenants this process has recorded (or seen recorded): their rows exist for good.
    let knownTenants = NIOLockedValueBox<Set<String>>([])
    /// Called after a transaction that recorded webhook events has committed (see ``observeWebhookEvents(_:)``).
    let webhookObserver = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)

    /// Opens (creating if needed) and migrates the ledger at `location`.
    ///
    /// - Throws: ``LedgerError`` `ERR::LEDGER::DATABASE` when the database cannot be opened, reached or migrated.
    public init(location: LedgerLocation, busyTimeoutSeconds: Double = 10) throws {
        self.location = location
        switch location {
        case .sqlite(let path): engine = try SQLiteEngine(path: path, busyTimeoutSeconds: busyTimeoutSeconds)
        case .postgresql(let address): engine = try PostgresEngine(address: address)
        }
    }

    /// Opens the SQLite ledger at `path`.
    public convenience init(path: String, busyTimeoutSeconds: Double = 10) throws {
        try self.init(location: .sqlite(path: path), busyTimeoutSeconds: busyTimeoutSeconds)
    }

    /// Opens the ledger the `ledger` setting names (a SQLite path or a `postgresql://` URL).
    public convenience init(setting: String) throws {
        try self.init(location: LedgerLocation(setting))
    }

    deinit { engine.close() }

    /// Has `observer` called (on the recording thread) each time webhook events were committed: the daemon's
    /// dispatcher wakes on it instead of looking at the table on a timer.
    public func observeWebhookEvents(_ observer: @escaping @Sendable () -> Void) {
        webhookObserver.withLockedValue { $0 = observer }
    }

    /// Runs a write transaction serialised with every other such writer: anything that touches credits or leases
    /// (see ``LedgerEngine/write(serialized:_:)``).
    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try engine.write(.serialized, body) }

    /// Runs a write transaction that needs no more than row locks: a job's documents and outputs.
    func update<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try engine.write(.rowLocked, body) }

    /// Runs one write statement, atomic by itself (a job's status change, which also records its event).
    func change<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try engine.write(.statement, body) }

    /// Runs a read in one snapshot.
    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try engine.read(snapshot: true, body) }

    /// Runs one statement's read (no transaction needed around a single statement).
    func query<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try engine.read(snapshot: false, body) }
}

extension Ledger {
    /// The newest migration of the schema, reported by `skillspool ledger --version`.
    public static let schemaVersion = "ledger-schema v7"
}
