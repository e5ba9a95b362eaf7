/// One row of a ledger query: values by position, and by column name for decoding records.
public struct SQLRow: Sendable {
    /// The column names of the statement, shared by all its rows.
    let columns: SQLColumns
    public let values: [SQLValue]

    init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of `column`, or nil when the statement has no such column.
    public subscript(column: String) -> SQLValue? { columns.index[column].map { values[$0] } }

    /// The row as a record whose `CodingKeys` name its columns. A NULL in a non-optional field, a missing column or
    /// a value an enum does not know fails the read: rows are never read into silent defaults.
    public func decode<Record: Decodable>(_ type: Record.Type = Record.self) throws -> Record {
        try Record(from: SQLRowDecoder(row: self))
    }
}

/// The column names of one statement's result.
final class SQLColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}

extension SQLValue {
    /// The value as `Type`; nil only for NULL, a type mismatch throws.
    func decoded<Value: Decodable>(_ type: Value.Type, column: String) throws -> Value {
        try Value(from: SQLValueDecoder(value: self, column: column))
    }

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
