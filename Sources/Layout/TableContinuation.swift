/// Tables that run on from one page to the next: the first table at the top of a page, or the first lines of a
/// page set in the columns of the table that ended the page before, are marked as its continuation (a repeated
/// header is kept as the continued table's column names).
enum TableContinuation {
    static func link(_ layouts: inout [PageLayout]) {
        guard layouts.count > 1 else { return }
        for page in layouts.indices.dropFirst() {
            guard let previous = lastTable(layouts[page - 1]),
                previous.bottom > 0.55 * layouts[page - 1].height,
                let first = layouts[page].blocks.firstIndex(where: { $0.role == nil && !$0.text.isEmpty })
            else { continue }
            var block = layouts[page].blocks[first]
            switch block.kind {
            case .table(var grid)
            where grid.columns.count == previous.grid.columns.count && aligned(grid, previous.grid):
                grid.isContinuation = true
                block.kind = .table(grid)
            case .paragraph:
                // Lines too few to be found as a table on their own (one row left over).
                let rows = block.lines.map { TableDetector.cells(of: $0, in: previous.grid.columnRanges) }
                guard block.lines.count <= 3, rows.allSatisfy({ $0 != nil }),
                    rows.allSatisfy({ row in row!.filter { !$0.isEmpty }.count * 2 > previous.grid.columns.count })
                else { continue }
                var grid = TableGrid(
                    columns: [String](repeating: "", count: previous.grid.columns.count),
                    rows: rows.compactMap { $0 },
                    footers: [],
                    bounds: block.bounds
                )
                grid.columnRanges = previous.grid.columnRanges
                grid.isContinuation = true
                block.kind = .table(grid)
            default:
                continue
            }
            layouts[page].blocks[first] = block
        }
    }

    /// The page's last table, unless more than two one-line blocks (a note, a stray header line) follow it.
    private static func lastTable(_ layout: PageLayout) -> (grid: TableGrid, bottom: Double)? {
        var skipped = 0
        for block in layout.blocks.reversed() where block.role == nil && !block.text.isEmpty {
            if case .table(let grid) = block.kind { return (grid, block.bounds.maxY) }
            skipped += 1
            guard block.lines.count == 1, skipped <= 2 else { return nil }
        }
        return nil
    }

    /// Columns that start within 12 pt of each other.
    private static func aligned(_ grid: TableGrid, _ previous: TableGrid) -> Bool {
        guard grid.columnRanges.count == previous.columnRanges.count, !grid.columnRanges.isEmpty else { return false }
        return zip(grid.columnRanges, previous.columnRanges).allSatisfy { abs($0.lowerBound - $1.lowerBound) <= 12 }
    }
}
