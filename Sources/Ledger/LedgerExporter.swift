import FileSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Incremental exports of credit entries for billing (CSV per RFC 4180, or JSON lines).
///
/// An export reads, in one snapshot, every entry above the cursor's watermark (an increasing id: writers are
/// serialised on both engines, so no entry can later appear below it), writes them durably, and only then advances the cursor.
/// A crash in between repeats the export rather than skipping entries; the same cursor never yields a row twice.
public struct LedgerExporter {
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case jsonl
    }

    /// What an export did.
    public struct Result: Sendable, Hashable {
        public var rows: Int
        public var firstID: Int64?
        public var lastID: Int64?
        /// The watermark after the export (unchanged when nothing was new).
        public var cursor: Int64
    }

    let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    public static let csvHeader = "id,tenant,job_id,kind,credits,idempotency_key,created_at\r\n"

    /// Exports entries above the cursor stored in `cursorFile` (0 when absent) to `output` (a path, written
    /// durably) or, when `output` is nil, in chunks to `stream` (only without a cursor file: a stream is never
    /// known to be durable), then stores the new cursor.
    public func export(
        format: Format,
        tenant: String?,
        cursorFile: String?,
        output: String?,
        stream: ([UInt8]) -> Void = { _ in }
    ) throws -> Result {
        if cursorFile != nil && output == nil {
            throw LedgerError(
                .invalidArgument,
                "an incremental export needs --out: the cursor only advances once the file is durable"
            )
        }
        let start = try cursorFile.map(Self.readCursor) ?? 0
        let result: Result
        if let output {
            result = try Ledger.mappingFileErrors {
                try DurableFileWriter.write(to: output) { writer in
                    try write(format: format, tenant: tenant, after: start) { bytes in
                        try writer.withBuffer { $0 += bytes }
                    }
                }
            }
        } else {
            var pending: [UInt8] = []
            pending.reserveCapacity(1 << 20)
            result = try write(format: format, tenant: tenant, after: start) { bytes in
                pending += bytes
                if pending.count >= 1 << 20 {
                    stream(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            stream(pending)
        }
        if let cursorFile {
            try Ledger.mappingFileErrors {
                try DurableFileWriter.write(Array("\(result.cursor)\n".utf8), to: cursorFile)
            }
            try? ledger.update { db in
                try db.execute(
                    """
                    INSERT INTO export_cursors (name, last_id, exported_at) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id, exported_at = excluded.exported_at
                    """,
                    cursorFile,
                    result.cursor,
                    Timestamp.now()
                )
            }
        }
        return result
    }

    private func write(
        format: Format,
        tenant: String?,
        after start: Int64,
        _ sink: ([UInt8]) throws -> Void
    ) throws
        -> Result
    {
        try ledger.read { db in
            var sql =
                "SELECT id, tenant, job_id, kind, credits, idempotency_key, created_at FROM credit_entries WHERE id > ?"
            if tenant != nil { sql += " AND tenant = ?" }
            sql += " ORDER BY id LIMIT \(Self.batchRows)"
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 16)
            if format == .csv { chunk += Self.csvHeader.utf8 }
            var rows = 0
            var first: Int64?
            var last = start
            // Batches by id within one snapshot: memory stays bounded on both engines (PostgreSQL's client holds a
            // whole result), and ids only grow, so batch after batch reads each entry once.
            while true {
                var batch = 0
                var arguments: [SQLValue] = [.integer(last)]
                if let tenant { arguments.append(.text(tenant)) }
                try db.forEachRow(sql, arguments) { row in
                    guard case .integer(let id) = row[0], case .text(let tenant) = row[1],
                        case .text(let kind) = row[3], case .integer(let credits) = row[4],
                        case .text(let key) = row[5], case .text(let at) = row[6]
                    else {
                        throw LedgerError(.database, "credit entry row \(row.values) does not have the ledger's types")
                    }
                    let job = row[2].text
                    first = first ?? id
                    last = id
                    rows += 1
                    batch += 1
                    Self.append(
                        (id: id, tenant: tenant, job: job, kind: kind, credits: credits, key: key, at: at),
                        format: format,
                        to: &chunk
                    )
                    if chunk.count >= 1 << 16 {
                        try sink(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
                if batch < Self.batchRows { break }
            }
            if !chunk.isEmpty { try sink(chunk) }
            return Result(rows: rows, firstID: first, lastID: rows > 0 ? last : nil, cursor: last)
        }
    }

    /// Entries read per statement.
    static let batchRows = 10_000

    /// One credit entry as a CSV record or a JSON line.
    static func append(
        _ fields: (id: Int64, tenant: String, job: String?, kind: String, credits: Int64, key: String, at: String),
        format: Format,
        to chunk: inout [UInt8]
    ) {
        switch format {
        case .csv:
            appendNumber(fields.id, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            appendCSV(fields.tenant, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            if let job = fields.job { appendCSV(job, to: &chunk) }
            chunk.append(UInt8(ascii: ","))
            appendCSV(fields.kind, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            appendNumber(fields.credits, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            appendCSV(fields.key, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            appendCSV(fields.at, to: &chunk)
            chunk += [0x0D, 0x0A]
        case .jsonl:
            chunk += #"{"id":"#.utf8
            appendNumber(fields.id, to: &chunk)
            chunk += #","tenant":"#.utf8
            appendJSONString(fields.tenant, to: &chunk)
            chunk += #","job_id":"#.utf8
            if let job = fields.job { appendJSONString(job, to: &chunk) } else { chunk += "null".utf8 }
            chunk += #","kind":"#.utf8
            appendJSONString(fields.kind, to: &chunk)
            chunk += #","credits":"#.utf8
            appendNumber(fields.credits, to: &chunk)
            chunk += #","idempotency_key":"#.utf8
            appendJSONString(fields.key, to: &chunk)
            chunk += #","created_at":"#.utf8
            appendJSONString(fields.at, to: &chunk)
            chunk += "}\n".utf8
        }
    }

    static func readCursor(_ path: String) throws -> Int64 {
        let bytes: [UInt8] = try Ledger.mappingFileErrors {
            let (folder, name) = try Directory.openParent(of: path)
            return folder.contains(name) ? try folder.read(name, limit: 64) : Array("0".utf8)
        }
        let text = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
        guard let value = Int64(text), value >= 0 else {
            throw LedgerError(.exportFailed, "cursor file '\(path)' does not hold an entry id")
        }
        return value
    }

    @inline(__always) static func appendNumber(_ value: Int64, to bytes: inout [UInt8]) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A CSV field, quoted only when it holds a comma, quote or line break (RFC 4180).
    static func appendCSV(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        // Over the contiguous UTF-8 bytes: the export's hottest loop after SQLite itself.
        text.withUTF8 { utf8 in
            let needsQuotes = utf8.contains { byte in
                switch byte {
                case 0x2C, 0x22, 0x0A, 0x0D: true  // , " LF CR
                default: false
                }
            }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 15)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
