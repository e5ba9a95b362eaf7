import FileSystem
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import PostgresNIO

#if canImport(Glibc)
    import Glibc
#endif

/// The shared ledger: a PostgreSQL database through PostgresNIO, for several daemons on several hosts.
///
/// The ledger's callers are synchronous (worker threads, commands), so each statement waits on PostgresNIO's
/// future, completed on NIO's own event loop threads, never on a caller's. Connections are pooled: a transaction
/// takes one, gives it back when it ended cleanly and drops it when the connection broke.
final class PostgresEngine: LedgerEngine {
    let address: PostgresAddress
    private let configuration: PostgresConnection.Configuration
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let nextID = NIOLockedValueBox<Int>(1)
    /// The ledger's statements with their placeholders numbered, by their shared text: a few dozen in all.
    private let numberedStatements = NIOLockedValueBox<[String: String]>([:])
    let logger: Logger

    /// An arbitrary, fixed key of the advisory lock that serialises the ledger's writers.
    static let writeLockKey: Int64 = 0x736B_696C_6C73

    init(address: PostgresAddress) throws {
        self.address = address
        var logger = Logger(label: "skillspool.ledger.postgresql")
        logger.logLevel = .critical
        self.logger = logger
        let password = try Self.password(address.password)
        var configuration: PostgresConnection.Configuration
        switch address.endpoint {
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            switch address.tls {
            case .disable: tls = .disable
            case .require:
                do {
                    tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                } catch {
                    throw LedgerError(.invalidLocation, "TLS for \(address) cannot be set up: \(error)", cause: error)
                }
            }
            configuration = .init(
                host: host,
                port: port,
                username: address.user,
                password: password,
                database: address.database,
                tls: tls
            )
        case .socket:
            configuration = .init(
                unixSocketPath: address.endpoint.socketPath ?? "",
                username: address.user,
                password: password,
                database: address.database
            )
        }
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        try withConnection { connection in try PostgresSchema.migrate(Transaction(connection: connection, engine: self))
        }
    }

    func write<T>(_ mode: WriteMode, _ body: (any SQLTransaction) throws -> T) throws -> T {
        switch mode {
        case .serialized: try transaction(begin: "BEGIN", lock: true, body)
        case .rowLocked: try transaction(begin: "BEGIN", lock: false, body)
        case .statement:
            try withConnection { connection in try body(Transaction(connection: connection, engine: self)) }
        }
    }

    func read<T>(snapshot: Bool, _ body: (any SQLTransaction) throws -> T) throws -> T {
        guard snapshot else {
            return try withConnection { connection in try body(Transaction(connection: connection, engine: self)) }
        }
        return try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    func close() {
        let connections = idle.withLockedValue { connections in
            defer { connections.removeAll() }
            return connections
        }
        for connection in connections { try? connection.close().wait() }
    }

    func identityReset(table: String) -> String? {
        "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)"
    }

    /// `sql` with its `?` placeholders numbered (``Transaction/numberingPlaceholders(_:)``), worked out once per
    /// statement text.
    func numbered(_ sql: String) -> String {
        if let known = numberedStatements.withLockedValue({ $0[sql] }) { return known }
        let numbered = Transaction.numberingPlaceholders(sql)
        numberedStatements.withLockedValue { statements in
            // Statements built per call (lists of ids) are not worth keeping.
            if statements.count < 512 { statements[sql] = numbered }
        }
        return numbered
    }

    var creditMonthsTrigger: (drop: String, create: String) {
        ("DROP TRIGGER credit_entries_months ON credit_entries", PostgresSchema.creditMonthsTrigger)
    }

    private func transaction<T>(begin: String, lock: Bool, _ body: (any SQLTransaction) throws -> T) throws -> T {
        try withConnection { connection in
            let transaction = Transaction(connection: connection, engine: self)
            try transaction.execute(begin, [])
            do {
                if lock { try transaction.execute("SELECT pg_advisory_xact_lock(?)", [.integer(Self.writeLockKey)]) }
                let result = try body(transaction)
                try transaction.execute("COMMIT", [])
                return result
            } catch {
                // A failed ROLLBACK leaves the connection in an unknown state: it is closed, not reused.
                do { try transaction.execute("ROLLBACK", []) } catch { _ = try? connection.close().wait() }
                throw error
            }
        }
    }

    /// Runs `body` on a pooled connection (opening one when none is idle).
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try idle.withLockedValue { $0.popLast() } ?? connect()
        defer {
            if !connection.isClosed { idle.withLockedValue { $0.append(connection) } }
        }
        return try body(connection)
    }

    private func connect() throws -> PostgresConnection {
        let id = nextID.withLockedValue { id in
            defer { id += 1 }
            return id
        }
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(),
                configuration: configuration,
                id: id,
                logger: logger
            ).wait()
        } catch {
            throw LedgerError.postgres("cannot connect to the ledger at \(address)", error)
        }
    }

    private static func password(_ source: PostgresAddress.PasswordSource) throws -> String? {
        switch source {
        case .inline(let password): return password
        case .environment(let name): return getenv(name).map { String(cString: $0) }
        case .file(let path):
            do {
                let (folder, name) = try Directory.openParent(of: path)
                let bytes = try folder.read(name, limit: 4096)
                let line = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first ?? []
                return String(decoding: line, as: UTF8.self).trimmingSuffix(while: { $0 == "\r" })
            } catch {
                throw LedgerError(.invalidLocation, "the ledger's password file '\(path)' cannot be read: \(error)")
            }
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = self
        while let last = text.last, predicate(last) { text.removeLast() }
        return text
    }
}
