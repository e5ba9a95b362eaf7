import PDFText

/// A table found on a page: cell texts by row and column, the header row, and total rows as footers.
public struct TableGrid: Sendable, Hashable {
    /// Column texts (the header row), possibly empty strings.
    public var columns: [String]
    /// Body rows, each with exactly one cell per column.
    public var rows: [[String]]
    /// Total / subtotal / tax rows: the label and every cell (column-aligned).
    public var footers: [(label: String, cells: [String])]
    public var bounds: Rect
    /// Whether vertical rulings separate the columns.
    public var hasColumnRulings = false
    /// Where each column lies on the x axis (for attaching header lines found above the body).
    var columnRanges: [ClosedRange<Double>] = []
    /// Whether the table continues one from the previous page.
    public var isContinuation = false
    /// How many of the first `rows` are further header rows (sub-headers under spanning header cells).
    public var headerRows = 0

    public static func == (lhs: TableGrid, rhs: TableGrid) -> Bool {
        lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.bounds == rhs.bounds
            && lhs.footers.map(\.label) == rhs.footers.map(\.label)
            && lhs.footers.map(\.cells) == rhs.footers.map(\.cells)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(columns)
        hasher.combine(rows)
    }
}

/// Finds tables among a page's lines: runs of lines split into cells by wide gaps or vertical rulings, whose cells
/// line up in columns. Ruled tables use their rulings as column separators; unruled ones need three columns, so a
/// block of labels and values is not taken for a table.
enum TableDetector {
    /// A line of a page's layout: its block and its place in that block.
    struct LineReference: Hashable {
        var block: Int
        var line: Int
    }

    struct Segment {
        var text: String
        var x0: Double
        var x1: Double
        /// The words in visual order (left to right); empty for a right-to-left line, which is never re-split.
        var words: [(text: String, x0: Double, x1: Double)] = []
    }

    struct Row {
        var block: Int
        var line: Int
        var bounds: Rect
        var segments: [Segment]
        var isBold: Bool
        /// The line's type size (for gaps measured in ems).
        var fontSize: Double
        /// Further lines on the same baseline that make one visual row with this one (cells drawn one by one).
        var joined: [LineReference] = []

        var references: [LineReference] { [LineReference(block: block, line: line)] + joined }
    }

    static func detect(_ layout: inout PageLayout) {
        let verticals = layout.rulings.filter { $0.x1 - $0.x0 < 1 && $0.y1 - $0.y0 > 4 }
        let horizontals = layout.rulings.filter { $0.y1 - $0.y0 < 1 && $0.x1 - $0.x0 > 20 }
        var rows: [Row] = []
        for (blockIndex, block) in layout.blocks.enumerated()
        where block.role == nil && block.orientation == 0 && block.kind == .paragraph {
            for (lineIndex, line) in block.lines.enumerated() {
                rows.append(
                    Row(
                        block: blockIndex,
                        line: lineIndex,
                        bounds: line.bounds,
                        segments: segments(of: line, verticals: verticals),
                        isBold: line.words.allSatisfy(\.isBold),
                        fontSize: line.fontSize
                    )
                )
            }
        }
        rows.sort { $0.bounds.y != $1.bounds.y ? $0.bounds.y < $1.bounds.y : $0.bounds.x < $1.bounds.x }
        rows = splitAtSharedEdges(visualRows(rows, pageWidth: layout.width))
        var tables: [(rows: [Row], grid: TableGrid)] = []
        var start = 0
        while start < rows.count {
            // A caption set out across the columns ("Table: 5 … (Rs. in 000)") never starts a table.
            guard rows[start].segments.count >= 2, !isCaption(rows[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            // The table's left edge so far: a header over the value columns only ("2019 | 2023") starts right of
            // the row labels that follow it.
            var left = rows[start].segments[0].x0
            var firstColumnEnd = rows[start].segments[0].x1
            var extent = RunExtent(rows[start])
            while end < rows.count,
                rows[end].segments.count >= 2
                    || isContinuation(rows[end], of: rows[end - 1], firstColumnEnd: firstColumnEnd)
                    || isGroupLabel(end, in: rows, firstColumnStart: left),
                rows[end].bounds.y - rows[end - 1].bounds.maxY < 2.5 * max(rows[end].bounds.height, 6),
                !extent.opensBeside(rows[end])
            {
                if rows[end].segments.count >= 2, rows[end].segments[0].x0 < left - 1 {
                    left = rows[end].segments[0].x0
                    firstColumnEnd = rows[end].segments[0].x1
                }
                extent.add(rows[end])
                end += 1
            }
            // A rule or two across the rows end the table when the rows below start a new section at the left
            // edge (a receipt's TOTAL under its items); totals set in the value columns (an invoice's) stay, and so
            // do the rule under the header and rules between every row.
            let ruledGaps = ((start + 2)..<max(end, start + 2)).filter {
                ruled(between: rows[$0 - 1], and: rows[$0], horizontals: horizontals)
                    // The rule under a header of several lines (names only above it) keeps the body.
                    && !rows[start..<$0].allSatisfy { row in row.segments.allSatisfy { isName($0.text) } }
            }
            if (1...2).contains(ruledGaps.count),
                abs(rows[ruledGaps[0]].bounds.x - rows[start].bounds.x) <= 3
            {
                end = ruledGaps[0]
            }
            // Label/value lines right above a wider table (a receipt's date and number above its items) are not
            // its rows: the table starts at its first row with the most cells.
            var first = start
            let widest = rows[start..<end].map(\.segments.count).max() ?? 0
            let labelLead = headerLead(rows[start..<end])
            if labelLead > 0 {
                // A header of several lines (cells drawn line by line, or one cell per text block): the body starts
                // at its first row of values and the header lines above it are read as a header, column by column.
                first = start + labelLead
            } else if widest >= 3, rows[start..<end].filter({ $0.segments.count == widest }).count >= 3 {
                // A bold row is a header line, not a label and its value.
                while first < end, rows[first].segments.count < widest, rows[first].segments.count == 2,
                    !rows[first].isBold
                {
                    first += 1
                }
                if first - start < 2 { first = start }
            }
            let run = Array(rows[first..<end])
            if var grid = grid(for: run, verticals: verticals, horizontals: horizontals) {
                var floor = tables.last.map { table in table.rows.map(\.bounds.maxY).max() ?? 0 } ?? -Double.infinity
                if first > start, labelLead == 0 { floor = max(floor, rows[first - 1].bounds.maxY) }
                let header = headerLines(above: first, in: rows, grid: grid, floor: floor, horizontals: horizontals)
                if !header.isEmpty {
                    // Names set flush left over figures set flush right lie between the columns of the body.
                    let lowest = header.filter { abs($0.bounds.midY - header[header.count - 1].bounds.midY) < 2 }
                    if !grid.hasColumnRulings,
                        let columns = widened(
                            grid.columnRanges.map { ($0.lowerBound, $0.upperBound) },
                            toTake: lowest.flatMap(\.segments)
                        )
                    {
                        grid.columnRanges = columns.map { $0.0...$0.1 }
                    }
                    attach(header, to: &grid, verticals: verticals)
                }
                tables.append((header + run, grid))
                start = end
            } else {
                start += 1
            }
        }
        guard !tables.isEmpty else { return }
        apply(tables.map { ($0.rows.flatMap(\.references), $0.grid) }, to: &layout)
    }

    /// What the rows of a candidate run so far share, kept as rows join (not recomputed for every row).
    private struct RunExtent {
        /// Whether every row so far has the same number of cells, two or more (labels over their values).
        private var isFilled: Bool
        private let cells: Int
        private var widestGap = -Double.infinity
        private var right: Double
        private var bottom: Double
        private var count = 1

        init(_ first: Row) {
            (cells, isFilled) = (first.segments.count, first.segments.count >= 2)
            right = first.segments.map(\.x1).max() ?? .infinity
            bottom = first.bounds.maxY
        }

        mutating func add(_ row: Row) {
            isFilled = isFilled && row.segments.count == cells
            widestGap = max(widestGap, row.bounds.y - bottom)
            right = max(right, row.segments.map(\.x1).max() ?? right)
            bottom = row.bounds.maxY
            count += 1
        }

        /// Whether `row` starts something new beside the rows so far rather than continuing them: they fill the
        /// same columns row for row, and after a gap wider than theirs it has a cell wholly right of all of theirs —
        /// a column a table cannot gain once its columns are all filled. An invoice's labels over their values are
        /// followed so by the recipient, the vendor's contact far right.
        func opensBeside(_ row: Row) -> Bool {
            count >= 2 && isFilled && row.bounds.y - bottom > widestGap && row.segments.contains { $0.x0 > right }
        }
    }

    /// Short lines side by side on one baseline joined into one row: producers that draw a header cell by cell
    /// (cells that wrap, each cell's lines before the next cell's) leave one line per cell, and a worksheet printed
    /// column by column leaves its labels and its figures apart. Bold cells join; regular ones only when one side
    /// is a row of cells (three, or two with a figure), so a label beside its value (which the key/value pass
    /// reads) stays apart, and neither is a line of running text (its block holds a long line of words). Long lines
    /// (the columns of running text) never join.
    private static func visualRows(_ rows: [Row], pageWidth: Double) -> [Row] {
        let short = 0.3 * pageWidth
        // Blocks of running text: a piece of words (no wide gap inside) wider than a short cell.
        let prose = Set(
            rows.filter { row in
                row.segments.contains { segment in
                    segment.x1 - segment.x0 > short
                        && segment.text.filter(\.isLetter).count > 2 * segment.text.filter(\.isNumber).count
                }
            }.map(\.block)
        )
        let isCellRow = { (row: Row) in
            row.segments.count >= 3 || row.segments.count == 2 && row.segments.contains { isFigure($0.text) }
        }
        var result: [Row] = []
        for row in rows {
            var target: Int?
            var index = result.count - 1
            while index >= 0, row.bounds.y - result[index].bounds.y <= 0.5 * max(row.bounds.height, 1) {
                let other = result[index]
                let height = max(row.bounds.height, other.bounds.height)
                if row.isBold && other.isBold
                    || (isCellRow(row) || isCellRow(other)) && !prose.contains(row.block)
                        && !prose.contains(other.block),
                    abs(other.bounds.midY - row.bounds.midY) <= 0.25 * height,
                    abs(other.bounds.height - row.bounds.height) <= 0.3 * height,
                    row.segments.allSatisfy({ $0.x1 - $0.x0 <= short }),
                    other.segments.allSatisfy({ $0.x1 - $0.x0 <= short }),
                    !other.segments.contains(where: { cell in
                        row.segments.contains { $0.x0 < cell.x1 && $0.x1 > cell.x0 }
                    })
                {
                    target = index
                    break
                }
                index -= 1
            }
            guard let target else {
                result.append(row)
                continue
            }
            var merged = result[target]
            merged.segments = (merged.segments + row.segments).sorted { $0.x0 < $1.x0 }
            merged.bounds = merged.bounds.union(row.bounds)
            merged.isBold = merged.isBold && row.isBold
            merged.joined += row.references
            result[target] = merged
        }
        return result
    }

    /// A wrapped cell's second line: one short segment below the previous row, inside the run's columns.
    /// Lines right above a table's body whose cells each sit inside one column: a (possibly multi-line) header.
    private static func headerLines(
        above start: Int,
        in rows: [Row],
        grid: TableGrid,
        floor: Double,
        horizontals: [Ruling]
    ) -> [Row] {
        guard let left = grid.columnRanges.first?.lowerBound, let right = grid.columnRanges.last?.upperBound else {
            return []
        }
        let strokes = RulingGrid.horizontalStrokes(horizontals)
        // The body's first row of cells (past a group label opening it, "Education" alone).
        let first = rows[start...].first { $0.segments.count >= 2 } ?? rows[start]
        // A bold first row with figures is a body row set bold (a total), not a bold header.
        let bodyHasValues = first.segments.contains { isFigure($0.text) && !isName($0.text) }
        var result: [Row] = []
        var edge = rows[start].bounds.y
        var index = start - 1
        while index >= 0, result.count < 12 {
            var candidate = rows[index]
            // Header cells set closer than a column gap ("Share (%) Total") part where the body's columns part, in
            // a line that is already cut into cells (a label and its value on one line is never cut).
            if candidate.segments.count >= 2 {
                candidate.segments = candidate.segments.flatMap { split($0, at: grid.columnRanges) }
            }
            // Right above the body a header may stand a little apart; its own lines are set close together.
            let gap = (result.isEmpty ? 1.5 : 1.0) * max(candidate.bounds.height, 6)
            guard candidate.bounds.maxY > floor, edge - candidate.bounds.maxY < gap,
                candidate.bounds.x >= left - 20, candidate.bounds.maxX <= right + 40, !candidate.segments.isEmpty,
                candidate.segments.allSatisfy({ headerColumn(of: $0, in: grid.columnRanges) != nil }),
                !isCaption(candidate),
                // Under a bold header row, regular lines above are the text before the table (an invoice's
                // recipient), not more header.
                candidate.isBold || !first.isBold || bodyHasValues,
                // Amounts are values of a row, never column names.
                !candidate.segments.contains(where: { isFigure($0.text) && !isName($0.text) && $0.text.count > 3 }),
                // "Period: 03/2024" above a table is a labelled value of the document, not a column name.
                !candidate.segments.contains(where: { $0.text.includes(": ") && $0.text.contains(where: \.isNumber) }),
                // A rule across the whole table above a header line closes the header: above it is the caption.
                result.isEmpty
                    || !strokes.contains(where: {
                        $0.position > candidate.bounds.maxY - 1 && $0.position < edge + 1 && $0.start <= left + 5
                            && $0.end >= right - 5
                    })
            else { break }
            result.insert(candidate, at: 0)
            edge = candidate.bounds.y
            index -= 1
        }
        // A lone line above a table is more likely a caption than a header.
        if result.count == 1 && result[0].segments.count == 1 { return [] }
        return result
    }

    /// How many leading rows of a run are header lines to read apart from the body: two or more rows of labels only
    /// — regular type, or bold when the first holds fewer names than the second (group names over column names) —,
    /// cells of a header the producer set line by line or one cell per text block, followed by at least two rows
    /// with values. Zero when the run does not start so (a one-line or bold header is read by the grid itself).
    private static func headerLead(_ run: ArraySlice<Row>) -> Int {
        let tiered = run.count >= 2 && run[run.startIndex].segments.count < run[run.startIndex + 1].segments.count
        let isLabels = { (row: Row) in
            (!row.isBold || tiered) && row.segments.allSatisfy { isName($0.text) && !$0.text.contains(": ") }
        }
        let lead = withoutOpeningGroupLabels(run.prefix(while: isLabels).count, of: run)
        // The two rows under the header hold figures (past a group label): a table of words only (symbols and
        // their meanings) has no header lines to read apart.
        let body = run.dropFirst(lead).drop(while: isLabelLine)
        guard (2...6).contains(lead), body.count >= 2,
            body.prefix(2).allSatisfy({ $0.segments.contains { isFigure($0.text) } })
        else { return 0 }
        return lead
    }

    /// How many of the first `count` rows of `rows` are header lines, leaving out the group labels that end them: a
    /// label opening the body ("Education" alone, at the left edge or set out left of its members) is no header.
    static func withoutOpeningGroupLabels(_ count: Int, of rows: ArraySlice<Row>) -> Int {
        let left = rows.compactMap { $0.segments.first?.x0 }.min() ?? 0
        var count = count
        while count > 0, let last = rows.dropFirst(count - 1).first, last.segments.count == 1,
            last.segments[0].x0 <= left + 2 * last.fontSize
        {
            count -= 1
        }
        return count
    }

    /// A header segment lying across several columns, cut where the columns part: between two neighbouring
    /// columns at the widest gap between its words that falls between them. The segment as it is when it fits one
    /// column, or when a piece would fit none.
    private static func split(_ segment: Segment, at ranges: [ClosedRange<Double>]) -> [Segment] {
        let words = segment.words
        guard headerColumn(of: segment, in: ranges) == nil, words.count >= 2, ranges.count >= 2 else {
            return [segment]
        }
        var cuts: [Int] = []
        for column in 0..<(ranges.count - 1) {
            let low = ranges[column].upperBound
            let high = ranges[column + 1].lowerBound
            guard segment.x0 < high, segment.x1 > low else { continue }
            let gaps = (1..<words.count).filter { words[$0 - 1].x1 < high + 3 && words[$0].x0 > low - 3 }
            if let widest = gaps.max(by: { words[$0].x0 - words[$0 - 1].x1 < words[$1].x0 - words[$1 - 1].x1 }) {
                cuts.append(widest)
            }
        }
        let bounds = [0] + Set(cuts).sorted() + [words.count]
        guard bounds.count > 2 else { return [segment] }
        let pieces = zip(bounds, bounds.dropFirst()).map { start, end in
            let part = Array(words[start..<end])
            return Segment(
                text: part.map(\.text).joined(separator: " "),
                x0: part[0].x0,
                x1: part[part.count - 1].x1,
                words: part
            )
        }
        return pieces.allSatisfy({ headerColumn(of: $0, in: ranges) != nil }) ? pieces : [segment]
    }

    /// The cells of `line` placed in `ranges` (a table's columns), or nil when a cell fits no column.
    static func cells(of line: TextLine, in ranges: [ClosedRange<Double>]) -> [String]? {
        var cells = [String](repeating: "", count: ranges.count)
        for segment in segments(of: line, verticals: []) {
            guard let column = column(of: segment, in: ranges), cells[column].isEmpty else { return nil }
            cells[column] = segment.text
        }
        return cells
    }

    /// "Table 3: …", "Exhibit 2.2. …", "Abbildung 4 …": a caption, never a header row (nor anything above it).
    private static func isCaption(_ row: Row) -> Bool {
        row.segments.first.map { isCaption($0.text) } ?? false
    }

    /// "Table 3: …", "Exhibit 2.2. …", "Abbildung 4 …": a caption above or below a table, never one of its rows.
    static func isCaption(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        // The number may carry a letter: "Table 3", "Table B3", "Table A.1".
        guard words.count >= 2, words[1].prefix(2).contains(where: \.isNumber) else { return false }
        let captionWords: Set<String> = [
            "table", "tab.", "exhibit", "figure", "fig.", "tabelle", "abbildung", "abb.", "tableau", "chart", "tabel",
            "figuur", "tabla", "cuadro", "figura", "gráfico", "tabella", "grafico",
        ]
        // "Table: 5" as well as "Table 5:".
        let name = words[0].hasSuffix(":") ? words[0].dropLast() : words[0]
        return captionWords.contains(name.lowercased())
    }

    /// The column a header cell belongs to: the one it lies in, or — a header wider than its column's values
    /// ("to water kg/year" over a column of dashes) — the one its centre is nearest to, when it lies within the
    /// table and overlaps no other column's values.
    static func headerColumn(of segment: Segment, in ranges: [ClosedRange<Double>]) -> Int? {
        if let column = column(of: segment, in: ranges) { return column }
        guard let first = ranges.first, let last = ranges.last, segment.x0 >= first.lowerBound - 3,
            segment.x1 <= last.upperBound + 40
        else { return nil }
        let centre = (segment.x0 + segment.x1) / 2
        let overlapped = ranges.indices.filter {
            segment.x0 < ranges[$0].upperBound && segment.x1 > ranges[$0].lowerBound
        }
        guard overlapped.count <= 1 else { return nil }
        return ranges.indices.min {
            abs((ranges[$0].lowerBound + ranges[$0].upperBound) / 2 - centre)
                < abs((ranges[$1].lowerBound + ranges[$1].upperBound) / 2 - centre)
        }
    }

    /// The column a cell lies in: most of its width inside one column's range.
    private static func column(of segment: Segment, in ranges: [ClosedRange<Double>]) -> Int? {
        let width = max(segment.x1 - segment.x0, 1)
        return ranges.firstIndex { range in
            (min(segment.x1, range.upperBound + 3) - max(segment.x0, range.lowerBound - 3)) >= 0.6 * width
        }
    }

    /// Prepends header lines to the grid's column texts, column by column, top to bottom. Sub-headers repeated under
    /// group headers ("2019" over "Revenue | Cost", "2022" over "Revenue | Cost") stay a header row of their own.
    private static func attach(_ header: [Row], to grid: inout TableGrid, verticals: [Ruling]) {
        func placed(_ rows: [Row]) -> [String] {
            var texts = [String](repeating: "", count: grid.columns.count)
            for segment in rows.flatMap(\.segments) {
                guard let column = headerColumn(of: segment, in: grid.columnRanges), column < texts.count else {
                    continue
                }
                texts[column] += (texts[column].isEmpty ? "" : " ") + segment.text
            }
            return texts
        }
        if grid.columns.allSatisfy(\.isEmpty),
            let tiers = groupHeader(header, columns: grid.columnRanges, verticals: verticals)
        {
            grid.columns = tiers.top
            grid.rows.insert(tiers.sub, at: 0)
            grid.headerRows += 1
            return
        }
        var header = header
        var lower = grid.columns
        if lower.allSatisfy(\.isEmpty), header.count >= 2, let last = header.last {
            // The lowest header line may be the sub-header row.
            let lowest = header.filter { abs($0.bounds.midY - last.bounds.midY) < 0.5 * last.bounds.height }
            if lowest.count < header.count {
                lower = placed(lowest)
                header.removeLast(lowest.count)
            }
        }
        let upper = placed(header)
        if isSubHeader(lower, under: upper) {
            grid.rows.insert(lower, at: 0)
            grid.headerRows += 1
            grid.columns = upper
            return
        }
        // Otherwise every header line (the lowest one included) is part of the column names, top to bottom.
        grid.columns = zip(upper, lower).map { $0.isEmpty ? $1 : ($1.isEmpty ? $0 : $0 + " " + $1) }
    }

    /// Sub-headers under group headers: names repeated across columns ("Revenue | Cost | Revenue | Cost"), some
    /// of them under no header text of their own (the group name above spans them). Units repeated under every
    /// column name ("kg/year") are the second line of those names instead.
    private static func isSubHeader(_ lower: [String], under upper: [String]) -> Bool {
        guard hasRepeatedNames(lower), upper.contains(where: { !$0.isEmpty }) else { return false }
        return zip(lower, upper).contains { !$0.isEmpty && $1.isEmpty }
    }

    /// Whether a header row names two columns alike: sub-headers under group headers.
    private static func hasRepeatedNames(_ cells: [String]) -> Bool {
        let names = cells.filter { !$0.isEmpty }
        return Set(names).count < names.count
    }

    /// A group label inside a table ("Nordheim" over its rows): one short cell in the first column, with a row of
    /// several cells right below it.
    private static func isGroupLabel(_ index: Int, in rows: [Row], firstColumnStart: Double) -> Bool {
        let row = rows[index]
        guard row.segments.count == 1, index + 1 < rows.count, rows[index + 1].segments.count >= 2,
            // At the first column's start, or set out left of its members, which are indented under it.
            row.segments[0].x0 <= firstColumnStart + 3, row.segments[0].x0 >= firstColumnStart - 2 * row.fontSize - 3,
            row.segments[0].text.count <= 40
        else { return false }
        return rows[index + 1].bounds.y - row.bounds.maxY < 2.5 * max(row.bounds.height, 6)
    }

    /// Whether a horizontal rule spanning both rows' width lies between them.
    private static func ruled(between upper: Row, and lower: Row, horizontals: [Ruling]) -> Bool {
        let left = min(upper.bounds.x, lower.bounds.x)
        let right = max(upper.bounds.maxX, lower.bounds.maxX)
        return horizontals.contains {
            $0.y0 > upper.bounds.maxY - 1 && $0.y0 < lower.bounds.y + 1 && $0.x0 <= left + 5 && $0.x1 >= right - 5
        }
    }

    /// A wrapped cell's next line: one segment, tight below the previous line, right of the first column.
    private static func isContinuation(_ row: Row, of previous: Row, firstColumnEnd: Double) -> Bool {
        row.segments.count == 1 && row.bounds.y - previous.bounds.maxY < 0.8 * row.bounds.height
            && row.segments[0].x0 > firstColumnEnd
    }

    /// Cells of a line: words grouped left to right, split at wide gaps and at vertical rulings. In a
    /// right-to-left line each cell keeps its words in logical (reading) order.
    private static func segments(of line: TextLine, verticals: [Ruling]) -> [Segment] {
        let visual = line.isRightToLeft ? line.words.sorted { $0.bounds.x < $1.bounds.x } : line.words
        var groups: [[Word]] = []
        for word in visual {
            if let last = groups.last?.last {
                let gap = word.bounds.x - last.bounds.maxX
                let ruled = verticals.contains {
                    $0.x0 > last.bounds.maxX - 0.5 && $0.x0 < word.bounds.x + 0.5 && $0.y0 <= line.bounds.midY
                        && $0.y1 >= line.bounds.midY
                }
                if gap <= max(1.0 * line.fontSize, 6) && !ruled {
                    groups[groups.count - 1].append(word)
                    continue
                }
            }
            groups.append([word])
        }
        return groups.map { words in
            let ordered = line.isRightToLeft ? words.reversed() : words
            return Segment(
                text: ordered.map(\.text).joined(separator: " "),
                x0: words.map(\.bounds.x).min()!,
                x1: words.map(\.bounds.maxX).max()!,
                words: line.isRightToLeft ? [] : words.map { ($0.text, $0.bounds.x, $0.bounds.maxX) }
            )
        }
    }

    /// The column intervals of a run: its cells projected on the x axis, or the vertical rulings crossing it.
    static func columns(
        of run: [Row],
        verticals: [Ruling],
        horizontals: [Ruling]
    )
        -> (intervals: [(Double, Double)], separators: [Double], ruled: Bool)
    {
        let top = run.map(\.bounds.y).min()!
        let bottom = run.map(\.bounds.maxY).max()!
        let left = run.flatMap(\.segments).map(\.x0).min()!
        let right = run.flatMap(\.segments).map(\.x1).max()!
        // Rows with the most cells define the columns when there are several of them: a total or a label
        // spanning two columns must not fuse those columns.
        let widest = run.map(\.segments.count).max() ?? 0
        let full = run.filter { $0.segments.count == widest }
        let basis = full.count >= 3 && widest >= 3 ? full : run
        var merged: [(Double, Double)] = []
        for interval in basis.flatMap({ $0.segments.map { ($0.x0, $0.x1) } }).sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, interval.0 <= last.1 + 2 {
                merged[merged.count - 1].1 = max(last.1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        // Rulings that cross the run split columns the projection could not separate.
        let separators = verticals.filter { $0.y0 <= top + 2 && $0.y1 >= bottom - 2 && $0.x0 > left && $0.x0 < right }
            .map(\.x0).sorted()
        if !separators.isEmpty {
            var bounds = [left - 1] + separators + [right + 1]
            bounds = bounds.enumerated().filter { $0.offset == 0 || $0.element - bounds[$0.offset - 1] > 3 }.map(
                \.element
            )
            merged = zip(bounds, bounds.dropFirst()).map { ($0, $1) }
        }
        let ruled =
            !separators.isEmpty
            || horizontals.contains {
                $0.y0 >= top - 6 && $0.y0 <= bottom + 6 && $0.x0 <= left + 5 && $0.x1 >= right - 5
            }
        return (merged, separators, ruled)
    }

    private static func grid(for original: [Row], verticals: [Ruling], horizontals: [Ruling]) -> TableGrid? {
        guard original.count >= 2 else { return nil }
        // Whether it is a table is decided on the cells the gaps give; rivers only refine the columns after.
        let plain = columns(of: original, verticals: verticals, horizontals: horizontals)
        // Unruled tables need three columns; two do for priced items (tested only then: it parses every amount).
        guard plain.intervals.count <= 30,
            plain.intervals.count >= (plain.ruled ? 2 : 3)
                || (plain.intervals.count == 2 && isPricedList(original))
        else { return nil }
        let multiCell = original.filter { $0.segments.count >= 2 }.count
        // A cell's wrapped line (one piece right of the first column, set tight under the row before it: "10 48 MB/s
        // Memory Card" under its title) belongs to the row above and does not count against the rows of cells — up
        // to one fewer such lines than rows of cells.
        let firstColumnEnd = original.filter { $0.segments.count >= 2 }.map { $0.segments[0].x1 }.min() ?? 0
        let wrapped = original.indices.dropFirst().filter { index in
            isContinuation(original[index], of: original[index - 1], firstColumnEnd: firstColumnEnd)
        }.count
        guard multiCell * 10 >= (original.count - min(wrapped, multiCell - 1)) * 6, multiCell >= 2 else { return nil }
        var run = plain.separators.isEmpty ? splitAtRivers(original) : original
        let top = run.map(\.bounds.y).min()!
        let bottom = run.map(\.bounds.maxY).max()!
        let left = run.flatMap(\.segments).map(\.x0).min()!
        let right = run.flatMap(\.segments).map(\.x1).max()!
        let found = columns(of: run, verticals: verticals, horizontals: horizontals)
        let separators = found.separators
        let intervals = separators.isEmpty ? pairedHeaderColumns(found.intervals, run: run) : found.intervals
        let columnCount = intervals.count
        guard columnCount <= 30 else { return nil }
        // A header row's cells set closer than a column gap are cut where the columns part.
        let headerLike = run[0].isBold || !run[0].segments.contains { $0.text.contains(where: \Character.isNumber) }
        if run[0].segments.count >= 2, headerLike {
            let ranges = intervals.map { $0.0...max($0.0, $0.1) }
            run[0].segments = run[0].segments.flatMap { split($0, at: ranges) }
        }
        // Every row must place its cells in distinct columns, mostly.
        var cells: [[String]] = []
        var conflicts = 0
        var previousBounds: Rect?
        // The leading rows that are bold labels: the header row and the sub-header rows under it.
        var boldLabelRows = 0
        for row in run {
            var rowCells = [String](repeating: "", count: columnCount)
            for segment in row.segments {
                // A cell spanning columns (a total's label) belongs where it starts; others where their centre is.
                let spanned = intervals.filter { segment.x0 < $0.1 && segment.x1 > $0.0 }
                let centre = spanned.count > 1 ? (spanned[0].0 + spanned[0].1) / 2 : (segment.x0 + segment.x1) / 2
                let column =
                    intervals.firstIndex { centre >= $0.0 - 1 && centre <= $0.1 + 1 }
                    ?? intervals.indices.min {
                        min(abs(intervals[$0].0 - centre), abs(intervals[$0].1 - centre))
                            < min(abs(intervals[$1].0 - centre), abs(intervals[$1].1 - centre))
                    } ?? 0
                if !rowCells[column].isEmpty {
                    conflicts += 1
                    rowCells[column] += " " + segment.text
                } else {
                    rowCells[column] = segment.text
                }
            }
            defer { previousBounds = row.bounds }
            // A bold row naming value columns; a bold group label ("Electrical") fills the first cell only.
            let isBoldLabels =
                row.isBold && rowCells.dropFirst().contains { !$0.isEmpty }
                && rowCells.allSatisfy { $0.isEmpty || TableHeaderJoin.isLabel($0) }
            // A bold header's wrapped lines ("Rate" over "(%)") join the header row above, cell by cell, each under
            // a name of it; a row with a name under an empty cell is a sub-header row of its own ("Total | Share"
            // under "2019 | 2023" spanning them).
            if run[0].isBold, row.isBold, boldLabelRows == cells.count, let last = cells.last,
                let above = previousBounds,
                row.bounds.y - above.maxY < 0.5 * row.bounds.height, rowCells[0].isEmpty,
                !rowCells.contains(where: { $0.contains(where: \.isNumber) }),
                rowCells.indices.allSatisfy({ rowCells[$0].isEmpty || !last[$0].isEmpty })
            {
                for column in 0..<columnCount where !rowCells[column].isEmpty {
                    cells[cells.count - 1][column] += (last[column].isEmpty ? "" : " ") + rowCells[column]
                }
                continue
            }
            if let previous = cells.last, let above = previousBounds,
                row.bounds.y - above.maxY < 0.8 * row.bounds.height,
                continuesRow(rowCells, previous)
            {
                for column in 0..<columnCount where !rowCells[column].isEmpty {
                    cells[cells.count - 1][column] += (previous[column].isEmpty ? "" : " ") + rowCells[column]
                }
                continue
            }
            cells.append(rowCells)
            if isBoldLabels, boldLabelRows == cells.count - 1 { boldLabelRows += 1 }
        }
        guard conflicts * 4 <= run.count, cells.count >= 2 else { return nil }
        // Rows that share no column are lines of text spread out (justified or ragged), not a table: a real table
        // fills at least two columns in two rows or more.
        let sharedColumns = (0..<columnCount).filter { column in
            cells.filter { column < $0.count && !$0[column].isEmpty }.count >= 2
        }.count
        guard sharedColumns >= 2 else { return nil }
        var header: [String] = []
        var body = cells
        // A bold first row is the header unless it holds values (a total set bold, its header read above it).
        // So is a first row of names (years among them: "Region | 2011 | 2015") over rows of figures. A group label
        // opening the body ("Education" alone) is not.
        if cells[0].filter({ !$0.isEmpty }).count >= 2,
            run[0].isBold && cells[0].allSatisfy({ $0.isEmpty || TableHeaderJoin.isLabel($0) })
                || !cells[0].contains(where: { $0.contains(where: \.isNumber) })
                || cells[0].allSatisfy({ $0.isEmpty || isName($0) })
                    && cells.dropFirst().contains(where: { $0.contains(where: isFigure) })
        {
            header = cells[0]
            body.removeFirst()
        } else {
            header = [String](repeating: "", count: columnCount)
        }
        var footers: [(label: String, cells: [String])] = []
        while let last = body.last, let label = last.first(where: isTotalLabel), body.count > 1 {
            footers.insert((label, last), at: 0)
            body.removeLast()
        }
        var grid = TableGrid(
            columns: header,
            rows: body,
            footers: footers,
            bounds: Rect(x: left, y: top, width: right - left, height: bottom - top),
            hasColumnRulings: !separators.isEmpty,
            columnRanges: intervals.map { $0.0...max($0.0, $0.1) }
        )
        // Sub-header rows under a bold header stay header rows (up to a three-row header), when a body follows.
        if run[0].isBold, boldLabelRows >= 2 {
            grid.headerRows = min(boldLabelRows - 1, TableHeaderJoin.maximumHeaderRows - 1, max(body.count - 1, 0))
        }
        return grid
    }

    /// Items priced one per line and closed by a total, as on a receipt: two unruled columns are a table (not labels
    /// and their values) when every line ends in an amount, at least two items (no label colon, no total) come
    /// first, and a total follows them.
    static func isPricedList(_ lines: [(label: String, value: String)]) -> Bool {
        guard lines.count >= 3,
            lines.allSatisfy({ !$0.label.hasSuffix(":") && SemanticTagger.amount($0.value) != nil }),
            let total = lines.firstIndex(where: { isTotalLabel($0.label) })
        else { return false }
        return total >= 2
    }

    private static func isPricedList(_ run: [Row]) -> Bool {
        run.allSatisfy { $0.segments.count == 2 }
            && isPricedList(run.map { ($0.segments[0].text, $0.segments[1].text) })
    }

    /// Whether a tightly spaced line belongs to the row above: its first column is empty, it is not a total,
    /// and each of its cells either fills an empty cell of that row or continues its text (a wrapped cell).
    private static func continuesRow(_ cells: [String], _ previous: [String]) -> Bool {
        guard cells[0].isEmpty, !previous[0].isEmpty, !cells.contains(where: isTotalLabel) else { return false }
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            if previous[column].isEmpty { continue }
            let continuesText = !(cell.first?.isNumber ?? false) && !(previous[column].last?.isNumber ?? false)
            if !continuesText { return false }
        }
        return true
    }

    private static let totalWords = [
        "total", "subtotal", "sub-total", "sum", "summe", "gesamt", "zwischensumme", "vat", "tax", "tva", "ust", "mwst",
        "btw", "iva", "net", "netto", "brutto", "ht", "ttc", "closing balance", "endsaldo", "amount due", "à payer",
        "totaal", "te betalen", "zu zahlen", "a pagar", "da pagare",
    ]

    /// Each total word with a space before it: a word of the label that starts with it.
    private static let spacedTotalWords = totalWords.map { " " + $0 }

    /// Whether a label names a total: a word of it starts with a total word ("Totals", "Subtotal:") or, for the
    /// short ones ("net", "vat", "ht"), is that word ("HT", "VAT 20%" — not "HTML", "Netherlands", "summary").
    static func isTotalLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count < 80 else { return false }
        let lower = text.lowercased()
        guard !lower.contains(where: \.isNumber) || lower.count < 20 else { return false }
        return totalWords.indices.contains { index in
            let word = totalWords[index]
            guard word.utf8.count <= 3 else {
                return lower.hasPrefix(word) || lower.hasSuffix(word) || lower.includes(spacedTotalWords[index])
            }
            return lower.split(whereSeparator: { !$0.isLetter }).contains { $0 == word }
        }
    }

    /// Replaces the table lines in their blocks by one table block each, placed where the table's first line was
    /// in reading order (a block is split around it when the table starts inside it).
    static func apply(_ tables: [(lines: [LineReference], grid: TableGrid)], to layout: inout PageLayout) {
        var removed: [Int: Set<Int>] = [:]
        var anchors: [Int: [Int: [TextBlock]]] = [:]  // block → line → tables starting there
        for table in tables {
            let first = table.lines.min { ($0.block, $0.line) < ($1.block, $1.line) }!
            var lines: [TextLine] = []
            for row in table.lines {
                removed[row.block, default: []].insert(row.line)
                lines.append(layout.blocks[row.block].lines[row.line])
            }
            var block = TextBlock(lines: lines, bounds: table.grid.bounds, orientation: 0)
            block.kind = .table(table.grid)
            anchors[first.block, default: [:]][first.line, default: []].append(block)
        }
        var result: [TextBlock] = []
        for (index, block) in layout.blocks.enumerated() {
            guard removed[index] != nil || anchors[index] != nil else {
                result.append(block)
                continue
            }
            var kept: [TextLine] = []
            func flush() {
                guard !kept.isEmpty else { return }
                var copy = block
                copy.lines = kept
                copy.bounds = kept.dropFirst().reduce(kept[0].bounds) { $0.union($1.bounds) }
                result.append(copy)
                kept = []
            }
            for (lineIndex, line) in block.lines.enumerated() {
                if let starting = anchors[index]?[lineIndex] {
                    flush()
                    result.append(contentsOf: starting)
                }
                if removed[index]?.contains(lineIndex) != true { kept.append(line) }
            }
            flush()
        }
        layout.blocks = result
    }
}
