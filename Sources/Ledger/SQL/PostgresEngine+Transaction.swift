import CodedErrors
import Logging
import NIOCore
import PostgresNIO

extension PostgresEngine {
    /// One connection inside `write` or `read`: the shared SQL with its `?` placeholders numbered (`$1`, `$2`, …).
    struct Transaction: SQLTransaction {
        let connection: PostgresConnection
        let engine: PostgresEngine

        @discardableResult
        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            let result = try run(sql, arguments)
            return result.metadata.rows ?? 0
        }

        func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
            let result = try run(sql, arguments)
            var columns: SQLColumns?
            for row in result.rows {
                var values: [SQLValue] = []
                var names: [String] = []
                for cell in row {
                    values.append(try Self.value(of: cell, sql: sql))
                    if columns == nil { names.append(cell.columnName) }
                }
                if columns == nil { columns = SQLColumns(names) }
                try body(SQLRow(columns: columns!, values: values))
            }
        }

        private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
            var bindings = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: bindings.appendNull()
                case .integer(let integer): bindings.append(integer)
                case .text(let text): bindings.append(text)
                }
            }
            let query = PostgresQuery(unsafeSQL: engine.numbered(sql), binds: bindings)
            return try answer(connection.query(query, logger: engine.logger))
        }

        /// Waits for the server's answer, at most ``answerSeconds``.
        private func answer<Result: Sendable>(_ answer: EventLoopFuture<Result>) throws -> Result {
            // No statement may wait forever: a server that stops answering (shut down, cut off) must not hang the
            // worker or the intake task, which would keep the daemon from stopping too.
            let promise = answer.eventLoop.makePromise(of: Result.self)
            answer.cascade(to: promise)
            let timer = answer.eventLoop.scheduleTask(in: .seconds(Self.answerSeconds)) {
                promise.fail(StatementTimeout())
            }
            defer { timer.cancel() }
            do {
                return try promise.futureResult.wait()
            } catch is StatementTimeout {
                // The connection's state is unknown: it is closed, never reused.
                let closing: EventLoopFuture<Void> = connection.close()
                _ = closing
                throw LedgerError(
                    .database,
                    "the ledger database did not answer within \(Self.answerSeconds) s",
                    retryable: true
                )
            } catch {
                throw LedgerError.postgres("ledger statement failed", error)
            }
        }

        /// How long a statement may wait for the server, lock waits included.
        static let answerSeconds: Int64 = 20

        struct StatementTimeout: Error {}

        /// A cell as the ledger's value: integers (booleans as 0/1, as SQLite keeps them) and text.
        static func value(of cell: PostgresCell, sql: String) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            do {
                switch cell.dataType {
                case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
                case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
                case .text, .varchar, .name, .bpchar: return .text(try cell.decode(String.self))
                default:
                    throw LedgerError(
                        .database,
                        "column '\(cell.columnName)' is of type \(cell.dataType), not an integer or text: \(sql)"
                    )
                }
            } catch let error as LedgerError {
                throw error
            } catch {
                throw LedgerError(.database, "column '\(cell.columnName)' cannot be read: \(error)", cause: error)
            }
        }

        /// `?` → `$1`, `$2`, … outside quoted literals and identifiers (the ledger's SQL has no other use of `?`).
        static func numberingPlaceholders(_ sql: String) -> String {
            var result = ""
            result.reserveCapacity(sql.utf8.count + 16)
            var number = 0
            var quote: Character?
            for character in sql {
                if let open = quote {
                    if character == open { quote = nil }
                    result.append(character)
                } else if character == "'" || character == "\"" {
                    quote = character
                    result.append(character)
                } else if character == "?" {
                    number += 1
                    result += "$\(number)"
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }

}

extension CodedError where Kind == LedgerErrorCode {
    /// A PostgreSQL failure, keeping PostgresNIO's error as the cause: retryable when the connection failed or
    /// closed, or the server reports a serialisation failure, a deadlock, lack of resources or a shutdown
    /// (SQLSTATE classes 08, 40, 53, 57P); not for constraint violations, syntax or permissions.
    static func postgres(_ message: String, _ cause: any Error) -> Self {
        guard let error = cause as? PSQLError else {
            return Self(.database, "\(message): \(cause)", retryable: true, cause: cause)
        }
        let state = error.serverInfo?[.sqlState]
        let retryable: Bool
        switch error.code {
        case .server:
            let state = state ?? ""
            retryable = ["08", "40", "53", "57P"].contains { state.hasPrefix($0) }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            retryable = true
        default:
            retryable = false
        }
        var detail = "\(error.code)"
        if let state { detail += " \(state)" }
        if let text = error.serverInfo?[.message] { detail += ": \(text)" }
        if let underlying = error.underlying { detail += " (\(underlying))" }
        return Self(.database, "\(message): \(detail)", retryable: retryable, cause: error)
    }
}
