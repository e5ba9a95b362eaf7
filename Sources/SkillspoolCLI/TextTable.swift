#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Aligned columns for people at a terminal; tab-separated values when stdout is a pipe.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns whose values are right-aligned (numbers).
    public var numericColumns: Set<Int> = []

    public init(header: [String], numericColumns: Set<Int> = []) {
        self.header = header
        self.numericColumns = numericColumns
    }

    public static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    public func render() -> String {
        guard Self.isTerminal else {
            return ([header] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return numericColumns.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
