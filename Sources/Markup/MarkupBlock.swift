/// One block of a source that carries its own structure (Word, HTML, Markdown, plain text), as its reader found
/// it: the readers differ, what they find is the same.
public enum MarkupBlock: Sendable, Equatable {
    /// A heading, level 1 the highest (the document's own levels, not yet shifted under a title).
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A list item; `level` 1 is the outermost list, `marker` the bullet or number as a reader would print it.
    case listItem(level: Int, marker: String, text: String)
    case table(MarkupTable)
    /// Preformatted text (code, a console transcript): kept line for line.
    case code(String)
    /// A term and its definition (`<dl>`, a two-column table without a header).
    case keyValue(key: String, value: String)

    /// The block's text, as a reader sees it.
    public var text: String {
        switch self {
        case .heading(_, let text), .paragraph(let text), .listItem(_, _, let text), .code(let text):
            return text
        case .keyValue(let key, let value):
            return "\(key): \(value)"
        case .table(let table):
            return table.rows.map { $0.map(\.text).joined(separator: " | ") }.joined(separator: "\n")
        }
    }
}

/// A table as written: rows of cells that may span several columns or rows.
public struct MarkupTable: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var columnSpan: Int
        public var rowSpan: Int
        /// A header cell (`<th>`, a Word row repeated as a header, a Markdown table's first row).
        public var isHeader: Bool

        public init(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1, isHeader: Bool = false) {
            self.text = text
            self.columnSpan = max(1, columnSpan)
            self.rowSpan = max(1, rowSpan)
            self.isHeader = isHeader
        }
    }

    public var rows: [[Cell]]
    /// How many of the first rows are the table's header (`<thead>`, Word's repeated header rows).
    public var headerRows: Int

    public init(rows: [[Cell]], headerRows: Int = 0) {
        self.rows = rows
        self.headerRows = headerRows
    }

    /// The table laid out on its grid: every row has one string per column. A cell spanning columns or rows
    /// writes its text in its first (top-left) position and leaves the others empty, the convention of the PDF
    /// tables, so "2019" over two columns names both of the sub-headers below it.
    ///
    /// Spans that would make the grid larger than ``maxGridPositions`` (thousands of cells each spanning 64
    /// columns) are read as single cells: the text is kept, the empty positions are not made.
    public var grid: [[String]] {
        let spans = Self.positions(rows, spans: true) <= Self.maxGridPositions
        var grid: [[String?]] = []
        for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            var column = 0
            for var cell in row {
                if !spans { (cell.columnSpan, cell.rowSpan) = (1, 1) }
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                for down in 0..<cell.rowSpan {
                    let target = rowIndex + down
                    // A row span past the last row is cut (HTML allows it; nothing is drawn there).
                    guard target < rows.count else { break }
                    while grid.count <= target { grid.append([]) }
                    for across in 0..<cell.columnSpan {
                        let position = column + across
                        while grid[target].count <= position { grid[target].append(nil) }
                        grid[target][position] = down == 0 && across == 0 ? cell.text : ""
                    }
                }
                column += cell.columnSpan
            }
        }
        let width = grid.map(\.count).max() ?? 0
        return grid.map { row in (0..<width).map { $0 < row.count ? row[$0] ?? "" : "" } }
    }

    /// Grid positions (strings) one table may lay out: far beyond any real table, well within a worker's memory.
    public static let maxGridPositions = 2_000_000

    /// The positions `rows` lay out: the widest row (with or without its column spans) times the rows.
    static func positions(_ rows: [[Cell]], spans: Bool) -> Int {
        let width = rows.map { row in row.reduce(0) { $0 + (spans ? $1.columnSpan : 1) } }.max() ?? 0
        return width.multipliedReportingOverflow(by: rows.count).overflow ? .max : width * rows.count
    }

    /// Whether the table can be laid out within ``maxGridPositions`` even with its spans ignored.
    public var fitsGrid: Bool { Self.positions(rows, spans: false) <= Self.maxGridPositions }

    /// How many header rows the grid has: the declared ones, or else the leading rows made only of header
    /// cells (at most all but one row).
    public var effectiveHeaderRows: Int {
        if headerRows > 0 { return min(headerRows, rows.count) }
        return rows.dropLast().prefix { !$0.isEmpty && $0.allSatisfy(\.isHeader) }.count
    }
}
