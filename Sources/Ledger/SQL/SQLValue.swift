/// A value bound to a ledger statement or read from a row: the ledger stores integers and text only, so both
/// engines (SQLite and PostgreSQL) hold exactly the same values.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

/// A Swift value that binds to a ledger statement.
public protocol SQLArgument: Sendable {
    var sqlValue: SQLValue { get }
}

extension String: SQLArgument {
    public var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLArgument {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLArgument {
    public var sqlValue: SQLValue { .integer(self) }
}

/// Stored as 0 or 1 in both engines, as SQLite does.
extension Bool: SQLArgument {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension SQLArgument where Self: RawRepresentable, RawValue == String {
    public var sqlValue: SQLValue { .text(rawValue) }
}

extension JobStatus: SQLArgument {}
extension JobStage: SQLArgument {}
extension CreditKind: SQLArgument {}
