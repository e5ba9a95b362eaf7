/// Tables written in plain text: tab-separated, pipe-separated (`| a | b |`, with or without a `|---|` rule) or
/// aligned with runs of two or more spaces. Every line of the group must split into the same number of columns
/// (aligned columns: at least three lines, with the gaps at the same places).
enum TextTable {
    static func parse(_ lines: [String]) -> MarkupTable? {
        guard lines.count >= 2 else { return nil }
        if lines.allSatisfy({ $0.contains("\t") }) {
            return uniform(lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(\.trimmed) })
        }
        if lines.allSatisfy({ $0.trimmed.hasPrefix("|") }) {
            let rows = lines.filter { !isRule($0) }.map { line -> [String] in
                var cells = line.trimmed.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmed)
                if cells.first?.isEmpty == true { cells.removeFirst() }
                if cells.last?.isEmpty == true, line.trimmed.hasSuffix("|") { cells.removeLast() }
                return cells
            }
            return uniform(rows)
        }
        guard lines.count >= 3 else { return nil }
        return aligned(lines)
    }

    /// Rows of equal width (at least two columns) as a table whose first row is its header.
    private static func uniform(_ rows: [[String]]) -> MarkupTable? {
        guard rows.count >= 2, let width = rows.first?.count, width >= 2, rows.allSatisfy({ $0.count == width })
        else { return nil }
        return MarkupTable(
            rows: rows.enumerated().map { index, row in row.map { MarkupTable.Cell($0, isHeader: index == 0) } },
            headerRows: 1
        )
    }

    /// `|---|:--:|` and `+----+` lines.
    private static func isRule(_ line: String) -> Bool {
        let body = line.trimmed
        return !body.isEmpty && body.allSatisfy { "|-:+= ".contains($0) } && body.contains("-")
    }

    /// Columns aligned with spaces: the character positions where every line has a gap of two or more spaces
    /// (or has ended) split all lines the same way.
    private static func aligned(_ lines: [String]) -> MarkupTable? {
        let rows = lines.map { Array($0) }
        let width = rows.map(\.count).max() ?? 0
        guard width <= 400 else { return nil }
        // A position is blank when every line has a space there (or is shorter).
        let blank = (0..<width).map { column in rows.allSatisfy { column >= $0.count || $0[column] == " " } }
        var gaps: [Range<Int>] = []
        var column = 0
        while column < width {
            guard blank[column] else {
                column += 1
                continue
            }
            let start = column
            while column < width, blank[column] { column += 1 }
            if column - start >= 2, start > 0, column < width { gaps.append(start..<column) }
        }
        guard !gaps.isEmpty, gaps.count <= 20 else { return nil }
        let cuts = [0] + gaps.map(\.upperBound)
        let cells: [[String]] = rows.map { row in
            cuts.indices.map { index in
                let start = min(cuts[index], row.count)
                let end = index + 1 < cuts.count ? min(gaps[index].lowerBound, row.count) : row.count
                return String(row[start..<max(start, end)]).trimmed
            }
        }
        // Aligned prose would pass the test above by chance only when most cells are filled.
        let filled = cells.joined().filter { !$0.isEmpty }.count
        guard filled * 5 >= cells.count * (cuts.count) * 4 else { return nil }
        return uniform(cells)
    }
}

/// Text decoding for sources that do not declare an encoding.
enum TextDecoding {
    /// UTF-8 (byte-order mark dropped), UTF-16 with a byte-order mark, or else Windows-1252; nil for binary data
    /// (NUL bytes, or more than 1 in 50 characters a control character).
    static func decode(_ bytes: [UInt8]) -> String? {
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(
                    little
                        ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                        : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                )
                index += 2
            }
            text = String(decoding: units, as: UTF16.self)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if let decoded = String(validating: body, as: UTF8.self) {
                text = decoded
            } else {
                text = String(body.map { Character(Unicode.Scalar(windows1252: $0)) })
            }
        }
        var controls = 0
        for scalar in text.unicodeScalars where scalar.value < 0x20 && !"\t\n\r\u{0C}".unicodeScalars.contains(scalar) {
            if scalar.value == 0 { return nil }
            controls += 1
        }
        guard controls * 50 <= text.unicodeScalars.count else { return nil }
        return text
    }
}

extension Unicode.Scalar {
    /// The Windows-1252 character of `byte` (Latin-1 with the 0x80–0x9F block of typographic characters).
    init(windows1252 byte: UInt8) {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
            0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0x9D, 0x017E, 0x0178,
        ]
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        self = Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!
    }
}
