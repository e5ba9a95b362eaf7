/// Decodes a record from a row, field by column name: a field's name in snake case (`createdAt` reads
/// `created_at`, `manifestSHA256` reads `manifest_sha256`, `jobID` reads `job_id`; see ``SQLRow/decode(_:)``).
struct SQLRowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a row is keyed"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "a row is keyed"))
    }

    struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: SQLRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columns.names.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { row[Self.column(key)] != nil }

        /// The column of a field: an upper-case letter after a lower-case letter or digit, or the last of a run of
        /// capitals before a lower-case letter (`HTTPStatus`), starts a new word.
        static func column(_ key: Key) -> String {
            let name = Array(key.stringValue)
            var column = ""
            for (index, character) in name.enumerated() {
                if character.isUppercase, index > 0 {
                    let previous = name[index - 1]
                    let nextIsLower = index + 1 < name.count && name[index + 1].isLowercase
                    if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                        column.append("_")
                    }
                }
                column.append(contentsOf: character.lowercased())
            }
            return column
        }

        private func value(_ key: Key) throws -> SQLValue {
            guard let value = row[Self.column(key)] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no column"))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try value(key).decoded(type, column: Self.column(key))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "a column is a value"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self,
                .init(codingPath: [key], debugDescription: "a column is a value")
            )
        }

        func superDecoder() throws -> any Decoder { SQLRowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { SQLRowDecoder(row: row) }
    }
}

/// Decodes one column's value: integers, text, booleans stored as 0/1, and enums by their raw text.
struct SQLValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLValue
    let column: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw mismatch(type)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch([Any].self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [], debugDescription: "column '\(column)' holds \(value)"))
    }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard let integer = value.integer, integer == 0 || integer == 1 else { throw mismatch(type) }
        return integer == 1
    }

    func decode(_ type: String.Type) throws -> String {
        guard let text = value.text else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Int64.Type) throws -> Int64 {
        guard let integer = value.integer else { throw mismatch(type) }
        return integer
    }

    func decode(_ type: Int.Type) throws -> Int {
        guard let integer = value.integer, let result = Int(exactly: integer) else { throw mismatch(type) }
        return result
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let integer = value.integer else { throw mismatch(type) }
        return Double(integer)
    }

    func decode(_ type: Float.Type) throws -> Float { throw mismatch(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { throw mismatch(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { throw mismatch(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { throw mismatch(type) }
    func decode(_ type: UInt.Type) throws -> UInt { throw mismatch(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw mismatch(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw mismatch(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw mismatch(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw mismatch(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}
