import PDFText

/// Finds tables drawn with rulings or background bands: lattices (the rulings give the columns, the rows and the
/// spanning cells, so a cell's text may wrap over several lines and a row may leave cells empty), frames of rules
/// without vertical rulings and tables banded by fills (``RulingGrid`` builds the grid of each). A band that holds
/// several rows of an unruled body is split at its lines.
enum RuledTableDetector {
    /// A line of the page inside a lattice.
    struct PlacedLine {
        var block: Int
        var line: Int
        var bounds: Rect
        var fontSize: Double
        /// Word texts with the grid column each falls in and their horizontal extent, in the line's order.
        var words: [(text: String, column: Int, x0: Double, x1: Double)]
    }

    static func detect(_ layout: inout PageLayout) {
        guard layout.rulings.count >= 3 || layout.rects.count >= 2 else { return }
        var taken = Set<TableDetector.LineReference>()
        var tables: [(lines: [TableDetector.LineReference], grid: TableGrid)] = []
        let horizontals = RulingGrid.horizontalStrokes(layout.rulings)
        find(
            in: RulingGrid.grids(in: layout.rulings, horizontals: horizontals),
            layout: layout,
            taken: &taken,
            tables: &tables
        )
        // Frames of rules, then background bands, among the lines the tables found so far left.
        func free() -> [TextLine] {
            layout.blocks.enumerated().filter { $0.element.role == nil && $0.element.orientation == 0 }
                .flatMap { block in
                    block.element.lines.enumerated()
                        .filter { !taken.contains(.init(block: block.offset, line: $0.offset)) }.map(\.element)
                }
        }
        let frames = RulingGrid.frames(horizontals: horizontals, lines: free(), pageHeight: layout.height)
        find(in: frames, layout: layout, taken: &taken, tables: &tables)
        let banded = RulingGrid.bandedFrames(in: layout.rects, lines: free())
        find(in: banded, layout: layout, taken: &taken, tables: &tables)
        guard !tables.isEmpty else { return }
        TableDetector.apply(tables, to: &layout)
    }

    /// Tables in `grids` made of lines not yet `taken`.
    private static func find(
        in grids: [RulingGrid],
        layout: PageLayout,
        taken: inout Set<TableDetector.LineReference>,
        tables: inout [(lines: [TableDetector.LineReference], grid: TableGrid)]
    ) {
        for lattice in grids {
            let area = lattice.bounds
            var placed: [PlacedLine] = []
            for (blockIndex, block) in layout.blocks.enumerated()
            where block.role == nil && block.orientation == 0 && block.kind == .paragraph {
                for (lineIndex, line) in block.lines.enumerated()
                where !taken.contains(.init(block: blockIndex, line: lineIndex)) {
                    let bounds = line.bounds
                    guard bounds.midY > area.y, bounds.midY < area.maxY, bounds.x >= area.x - 2,
                        bounds.maxX <= area.maxX + 2
                    else { continue }
                    // Between blank strips, a label spanning columns (one phrase, no figures) belongs to the column
                    // it starts in; rulings say where a lattice's cells end.
                    let start = line.words.first.map { lattice.column(of: $0.bounds.midX) } ?? 0
                    let spanning =
                        !lattice.hasVerticalRulings && RulingGrid.isSpanningLabel(line, gap: 0.5 * line.fontSize)
                    let words = line.words.map {
                        ($0.text, spanning ? start : lattice.column(of: $0.bounds.midX), $0.bounds.x, $0.bounds.maxX)
                    }
                    placed.append(
                        PlacedLine(
                            block: blockIndex,
                            line: lineIndex,
                            bounds: bounds,
                            fontSize: line.fontSize,
                            words: words
                        )
                    )
                }
            }
            guard let grid = grid(of: lattice, lines: placed) else { continue }
            for line in placed { taken.insert(.init(block: line.block, line: line.line)) }
            tables.append((placed.map { .init(block: $0.block, line: $0.line) }, grid))
        }
    }

    private static func grid(of lattice: RulingGrid, lines: [PlacedLine]) -> TableGrid? {
        guard lines.count >= 2 else { return nil }
        let columns = lattice.columnCount
        let sorted = lines.sorted { $0.bounds.y != $1.bounds.y ? $0.bounds.y < $1.bounds.y : $0.bounds.x < $1.bounds.x }
        // Rows: each band between rulings, or the rows of an unruled body inside one band.
        let firstColumn = lines.flatMap { $0.words.map(\.column) }.min() ?? 0
        let bandOfLine = sorted.map { lattice.band(of: $0.bounds.midY) }
        var linesByBand = [[Int]](repeating: [], count: lattice.rowCount)
        for (index, band) in bandOfLine.enumerated() { linesByBand[band].append(index) }
        var rowOfLine = [Int](repeating: 0, count: sorted.count)
        var firstRowOfBand = [Int](repeating: 0, count: lattice.rowCount)
        // Bands whose lines are rows of their own (one line, or split into rows), not one cell's wrapped text.
        var bandHoldsRows = [Bool](repeating: false, count: lattice.rowCount)
        var rowCount = 0
        for band in 0..<lattice.rowCount {
            firstRowOfBand[band] = rowCount
            let members = linesByBand[band]
            guard !members.isEmpty else {
                rowCount += 1
                continue
            }
            let groups = rows(
                ofBand: band,
                lines: members.map { sorted[$0] },
                lattice: lattice,
                firstColumn: firstColumn
            )
            bandHoldsRows[band] = members.count == 1 || groups.count >= 2
            for group in groups {
                for position in group { rowOfLine[members[position]] = rowCount }
                rowCount += 1
            }
        }
        // Each cell's text, line by line; a cell spanning bands collects its words in the row where it starts.
        let subColumns = SubColumns(lattice: lattice, lines: sorted, bands: bandOfLine)
        var pieces = [[[String]]](repeating: [[String]](repeating: [], count: subColumns.count), count: rowCount)
        var releasedBands = Set<Int>()
        for (index, line) in sorted.enumerated() {
            let band = bandOfLine[index]
            let released = bandHoldsRows[band] ? releasedFigures(of: line, band: band, lattice: lattice) : []
            if !released.isEmpty { releasedBands.insert(band) }
            let own = subColumns.columns(of: line, band: band, lattice: lattice)
            var linePieces: [Int: (row: Int, text: String)] = [:]
            var order: [Int] = []
            for (position, word) in line.words.enumerated() {
                let anchor = lattice.anchors[band * columns + word.column]
                let column =
                    own[position]
                    ?? subColumns.offsets[released.contains(position) ? word.column : anchor % columns]
                let row = anchor / columns == band ? rowOfLine[index] : firstRowOfBand[anchor / columns]
                if let existing = linePieces[column] {
                    linePieces[column] = (existing.row, existing.text + " " + word.text)
                } else {
                    linePieces[column] = (row, word.text)
                    order.append(column)
                }
            }
            for column in order {
                let piece = linePieces[column]!
                pieces[piece.row][column].append(piece.text)
            }
        }
        // Rows holding a cell that spans columns (a group header over sub-headers).
        var spanning = [Bool](repeating: false, count: rowCount)
        for band in 0..<lattice.rowCount where !releasedBands.contains(band) {
            for column in 0..<(columns - 1) {
                let slot = band * columns + column
                if lattice.anchors[slot] == slot, lattice.anchors[slot + 1] == slot,
                    !pieces[firstRowOfBand[band]][subColumns.offsets[column]].isEmpty
                {
                    spanning[firstRowOfBand[band]] = true
                }
            }
        }
        let kept = pieces.indices.filter { pieces[$0].contains { !$0.isEmpty } }
        var rows = kept.map { pieces[$0].map { LineJoiner.join($0) } }
        let spans = kept.map { spanning[$0] }
        let used = (0..<subColumns.count).filter { column in rows.contains { !$0[column].isEmpty } }
        guard used.count >= 2, rows.count >= 2 else { return nil }
        rows = rows.map { row in used.map { row[$0] } }
        let filled = rows.flatMap { $0 }.filter { !$0.isEmpty }
        // A box around running text (a framed note, a two-column layout) is not a table.
        let words = filled.reduce(0) { $0 + $1.split(separator: " ").count }
        guard words <= 30 * filled.count, rows.filter({ $0.filter { !$0.isEmpty }.count >= 2 }).count >= 2 else {
            return nil
        }
        var header = [String](repeating: "", count: used.count)
        var body = rows
        var headerRows = 0
        if !looksLikeData(rows[0]) {
            header = rows[0]
            body.removeFirst()
            // Rows under a spanning header cell are sub-headers, as long as they are not values themselves.
            while headerRows + 1 < body.count, spans[headerRows], !looksLikeData(body[headerRows]) {
                headerRows += 1
            }
        }
        var footers: [(label: String, cells: [String])] = []
        while let last = body.last, let label = last.first(where: TableDetector.isTotalLabel), body.count > 1 {
            footers.insert((label, last), at: 0)
            body.removeLast()
        }
        guard !body.isEmpty else { return nil }
        var bounds = lattice.bounds
        if !rows.contains(where: looksLikeData), let lastBand = bandOfLine.max(), lastBand + 2 < lattice.ys.count {
            // Names only: a ruled header band over a body whose rows cross the lattice's edge (a stub column outside
            // its rules) and are read as a table of their own; the header ends at its last band with text.
            bounds.height = lattice.ys[lastBand + 1] - bounds.y
        }
        var grid = TableGrid(columns: header, rows: body, footers: footers, bounds: bounds)
        grid.hasColumnRulings = true
        grid.headerRows = headerRows
        // Boundaries of frames made from text can come in either order (or not be numbers at all): never a trap.
        grid.columnRanges = used.map { subColumns.range(of: $0, lattice: lattice) }
        return grid
    }

    /// Positions of the words of `line` that leave the cell spanning their columns for their own column: figures
    /// set apart inside one ruled cell over several columns whose rules stop short of it (a ruled header over an
    /// unruled body), each group of them clear of the next by the table gap and inside one column, in two columns
    /// at least. A phrase spanning columns (a group label) holds no such figures and stays whole.
    private static func releasedFigures(of line: PlacedLine, band: Int, lattice: RulingGrid) -> Set<Int> {
        let columns = lattice.columnCount
        var byCell: [Int: [Int]] = [:]
        for (position, word) in line.words.enumerated() {
            let anchor = lattice.anchors[band * columns + word.column]
            if anchor % columns != word.column
                || (word.column + 1 < columns
                    && lattice.anchors[band * columns + word.column + 1] == anchor)
            {
                byCell[anchor, default: []].append(position)
            }
        }
        var released = Set<Int>()
        let gap = max(line.fontSize, 6)
        for positions in byCell.values {
            let ordered = positions.sorted { line.words[$0].x0 < line.words[$1].x0 }
            var groups: [[Int]] = []
            for position in ordered {
                if let last = groups.last?.last, line.words[position].x0 - line.words[last].x1 <= gap {
                    groups[groups.count - 1].append(position)
                } else {
                    groups.append([position])
                }
            }
            let placed = groups.compactMap { group -> Int? in
                let column = line.words[group[0]].column
                let (low, high) = (lattice.xs[column], lattice.xs[column + 1])
                let inside = group.allSatisfy {
                    line.words[$0].column == column && line.words[$0].x0 >= low - 1 && line.words[$0].x1 <= high + 1
                }
                let figure = group.contains { line.words[$0].text.contains(where: \.isNumber) }
                return inside && figure ? column : nil
            }
            guard groups.count >= 2, placed.count == groups.count, Set(placed).count == placed.count else { continue }
            released.formUnion(positions)
        }
        return released
    }

    /// A row of values rather than column names: a label followed by numbers (years, as column names, aside).
    static func looksLikeData(_ row: [String]) -> Bool {
        guard !row[0].isEmpty else { return false }
        let values = row.dropFirst().filter { !$0.isEmpty }
        // "2021 Rate" (a year over a sub-column name, read as one cell) is a name too.
        let numeric = values.filter { value in
            value.split(separator: " ").contains {
                $0.contains(where: \.isNumber) && !TableHeaderJoin.isYear(String($0))
            }
        }
        return !values.isEmpty && numeric.count * 2 >= values.count
    }

    /// The lines of a band grouped into rows (as positions in `lines`): one row, unless the band holds several lines
    /// that each start a row (a cell in the table's first column and at least one other) — an unruled body
    /// between two rulings.
    private static func rows(ofBand band: Int, lines: [PlacedLine], lattice: RulingGrid, firstColumn: Int) -> [[Int]] {
        let together = [Array(lines.indices)]
        guard lines.count >= 2 else { return together }
        let columns = lattice.columnCount
        // A band crossed by a spanning cell keeps its lines together.
        for column in 0..<columns {
            let slot = band * columns + column
            if lattice.anchors[slot] / columns != band { return together }
            if band + 1 < lattice.rowCount, lattice.anchors[slot + columns] / columns == band { return together }
        }
        // Cells of one row may sit in separate blocks: lines on one baseline form one visual row.
        var visual: [[Int]] = []
        for index in lines.indices.sorted(by: { lines[$0].bounds.y < lines[$1].bounds.y }) {
            let line = lines[index].bounds
            if let last = visual.last, let lead = last.first,
                abs(lines[lead].bounds.midY - line.midY) < 0.5 * max(min(lines[lead].bounds.height, line.height), 1)
            {
                visual[visual.count - 1].append(index)
            } else {
                visual.append([index])
            }
        }
        let used = visual.map { members in
            Set(members.flatMap { lines[$0].words.map { lattice.anchors[band * columns + $0.column] % columns } })
        }
        // Each visual row's words up to its first number: the label of a total.
        let labels = visual.map { members in
            members.flatMap { lines[$0].words.map(\.text) }.prefix { $0.first?.isNumber != true }.joined(separator: " ")
        }
        // Between background bands a total ("Total HT 31 297,35") or a line of values starts a row of its own too.
        let starts = used.indices.map { row in
            (used[row].contains(firstColumn) && used[row].count >= 2)
                || (lattice.bandsHoldRows && !used[row].contains(firstColumn)
                    && (labels[row].isEmpty || TableDetector.isTotalLabel(labels[row])))
        }
        let count = starts.filter { $0 }.count
        let numericStarts = visual.indices.filter { row in
            starts[row] && visual[row].contains { lines[$0].words.contains { $0.text.first?.isNumber == true } }
        }.count
        // Between rules without vertical rulings, lines of values (two numbers or more each) are rows of their own
        // even where the first column is empty: a label centred beside them ("6 6" beside OTSL and HTML) goes with
        // the line above it. (In a lattice such lines are one ruled cell's wrapped text.)
        let valueLines = visual.map { members in
            members.flatMap { lines[$0].words }.filter { $0.text.first?.isNumber == true }.count >= 2
        }
        if !lattice.hasVerticalRulings, !lattice.bandsHoldRows, count < 2, valueLines.filter({ $0 }).count >= 2 {
            var result: [[Int]] = []
            for (row, members) in visual.enumerated() {
                if valueLines[row] || result.isEmpty {
                    result.append(members)
                } else {
                    result[result.count - 1].append(contentsOf: members)
                }
            }
            return result
        }
        guard count >= 3 || (count == visual.count && numericStarts == count) || (lattice.bandsHoldRows && count >= 2)
        else { return together }
        var result: [[Int]] = []
        for (row, members) in visual.enumerated() {
            // A label alone in the first column is a row of its own (a group heading), unless it reads as the
            // wrapped end of the label above ("compounds (NMVOC)").
            let alone = used[row] == [firstColumn]
            let first = members.compactMap { lines[$0].words.first?.text.first }.first
            let wrapped = alone && (first?.isLowercase == true || first == "(")
            if starts[row] || result.isEmpty || (alone && !wrapped) {
                result.append(members)
            } else {
                result[result.count - 1].append(contentsOf: members)
            }
        }
        return result
    }
}
