/// A table's header found as a table of its own: a rule under the header rows (or a ruled header band over an
/// unruled body) makes the detectors cut the header from its body. A short table of labels right above a table
/// with the same columns and no header of its own is that table's header, and is joined to it.
enum TableHeaderJoin {
    /// At most this many rows (column names included) make a header.
    static let maximumHeaderRows = 3

    /// Joins every header table on the page to the table right below it (the next block: a caption or paragraph
    /// in between keeps two tables apart).
    static func join(_ layout: inout PageLayout) {
        var index = 0
        while index + 1 < layout.blocks.count {
            guard case .table(let found) = layout.blocks[index].kind,
                case .table(var lower) = layout.blocks[index + 1].kind,
                let upper = placed(found, over: lower),
                isHeader(upper, over: lower, lineHeight: layout.blocks[index + 1].lines.first?.bounds.height ?? 10)
            else {
                index += 1
                continue
            }
            // The upper table's column names stay the names (its first row when it has none: a year over its
            // columns kept it from being taken for names); its rows become further header rows.
            var names = upper.columns
            var upperRows = upper.rows
            if names.allSatisfy(\.isEmpty), !upperRows.isEmpty { names = upperRows.removeFirst() }
            let headerRows = foldingWrappedNames(upperRows)
            lower.rows = headerRows + lower.rows
            lower.headerRows += upper.headerRows + headerRows.count
            lower.columns = names
            lower.bounds = lower.bounds.union(upper.bounds)
            var joined = layout.blocks[index + 1]
            joined.lines = layout.blocks[index].lines + joined.lines
            joined.bounds = joined.bounds.union(layout.blocks[index].bounds)
            joined.kind = .table(lower)
            layout.blocks[index + 1] = joined
            layout.blocks.remove(at: index)
        }
    }

    /// Whether `upper` is the header of `lower`: few rows, no numbers but years in its cells, the same number of
    /// columns at the same places, no header of the lower table's own, and close above it.
    static func isHeader(_ upper: TableGrid, over lower: TableGrid, lineHeight: Double) -> Bool {
        guard upper.columns.count == lower.columns.count, upper.footers.isEmpty,
            upper.rows.count + (upper.columns.allSatisfy(\.isEmpty) ? 0 : 1) <= maximumHeaderRows,
            lower.columns.allSatisfy(\.isEmpty), lower.headerRows == 0, !lower.rows.isEmpty,
            lower.bounds.y - upper.bounds.maxY < 2.5 * max(lineHeight, 6),
            lower.bounds.y >= upper.bounds.maxY - 1
        else { return false }
        let cells = ([upper.columns] + upper.rows).flatMap { $0 }.filter { !$0.isEmpty }
        guard !cells.isEmpty, cells.allSatisfy(isLabel) else { return false }
        // Columns at the same places: each upper column's range overlaps the lower column with the same index.
        if upper.columnRanges.count == lower.columnRanges.count, !upper.columnRanges.isEmpty {
            return zip(upper.columnRanges, lower.columnRanges).allSatisfy { $0.overlaps($1) }
        }
        return true
    }

    /// The upper table with its cells moved to the lower table's columns. A header found as a table of its own may
    /// have columns only where it names something (a lattice of rules over the value columns, the stub and a last
    /// column outside them). Each of its columns goes to the lower column it overlaps most, when that places them
    /// all, left to right, in distinct columns. The table as it is when the counts agree; nil when its columns do not
    /// fall on the lower ones.
    static func placed(_ upper: TableGrid, over lower: TableGrid) -> TableGrid? {
        let count = lower.columns.count
        guard upper.columns.count != count else { return upper }
        guard upper.columns.count < count, upper.columnRanges.count == upper.columns.count,
            lower.columnRanges.count == count
        else { return nil }
        var targets: [Int] = []
        for range in upper.columnRanges {
            let overlaps = lower.columnRanges.map {
                min($0.upperBound, range.upperBound) - max($0.lowerBound, range.lowerBound)
            }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0,
                best > (targets.last ?? -1)
            else { return nil }
            targets.append(best)
        }
        func spread(_ cells: [String]) -> [String] {
            var result = [String](repeating: "", count: count)
            for (cell, target) in zip(cells, targets) { result[target] = cell }
            return result
        }
        var moved = upper
        moved.columns = spread(upper.columns)
        moved.rows = upper.rows.map(spread)
        moved.columnRanges = lower.columnRanges
        return moved
    }

    /// Header rows with a wrapped name's second line ("Men" over "(%)") folded into the row above: a row with fewer
    /// names than the one above, each under a name of it, continues those names.
    static func foldingWrappedNames(_ rows: [[String]]) -> [[String]] {
        var result: [[String]] = []
        for row in rows {
            if let above = result.last, above.count == row.count,
                case let filled = row.indices.filter({ !row[$0].isEmpty }), !filled.isEmpty,
                filled.count < above.filter({ !$0.isEmpty }).count,
                filled.allSatisfy({ !above[$0].isEmpty })
            {
                for column in filled { result[result.count - 1][column] += " " + row[column] }
            } else {
                result.append(row)
            }
        }
        return result
    }

    /// A year as a column name ("2005"): four digits starting 19 or 20.
    static func isYear(_ cell: String) -> Bool {
        cell.count == 4 && cell.allSatisfy(\.isNumber) && (cell.hasPrefix("19") || cell.hasPrefix("20"))
    }

    /// A header cell: words, a unit or sign ("(%)"), or a year; never an amount or a measured value.
    static func isLabel(_ cell: String) -> Bool {
        if cell.contains(where: \.isLetter) || !cell.contains(where: \.isNumber) { return true }
        let digits = cell.filter(\.isNumber)
        return digits.count == 4 && cell.count <= 9
    }
}
