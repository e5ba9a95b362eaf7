import PDFText

/// Orders blocks for reading with a recursive XY-cut: rows of blocks separated by horizontal gaps are read top
/// to bottom, columns separated by vertical gaps left to right. Rows that share a column gutter are read as one
/// band, so a paragraph break that happens to line up across two columns does not interleave them.
enum ReadingOrder {
    /// Keeps the content-stream order of blocks when it reads plausibly (producers write text in reading order);
    /// when the stream jumps back up the page too often without starting a new column, falls back to XY-cut.
    /// Without a stream (`trustStream` false: text read by OCR, in the order the engine found its blocks), XY-cut.
    static func order(_ blocks: [TextBlock], trustStream: Bool = true) -> [TextBlock] {
        guard blocks.count > 2 else { return blocks }
        guard trustStream else { return order(blocks, depth: 0) }
        var scrambled = 0
        for index in 1..<blocks.count {
            let previous = blocks[index - 1].bounds
            let next = blocks[index].bounds
            let size = blocks[index].lines.first?.fontSize ?? 10
            let jumpsUp = next.y < previous.y - size
            let newColumn = next.x >= previous.maxX - size
            if jumpsUp && !newColumn { scrambled += 1 }
        }
        guard Double(scrambled) > 0.25 * Double(blocks.count - 1) else { return keepingRowsTogether(blocks) }
        return order(blocks, depth: 0)
    }

    /// Moves an orphaned one-line block (the stream jumps to it and away from it across the page) next to the
    /// one-line block that continues its row to the right, so a label drawn apart from its value still reads with
    /// it ("Name" … "Jane Doe").
    static func keepingRowsTogether(_ blocks: [TextBlock]) -> [TextBlock] {
        var leftPiece: [Int: Int] = [:]
        var hasPartner = Set<Int>()
        for (index, block) in blocks.enumerated() where block.lines.count == 1 {
            let size = block.lines[0].fontSize
            // Only an orphan: the stream reaches it from far away and leaves it for far away.
            let neighbours = [index - 1, index + 1].filter { blocks.indices.contains($0) }
            let isOrphan = neighbours.allSatisfy { neighbour in
                let other = blocks[neighbour].bounds
                return other.y > block.bounds.maxY + 3 * size || other.maxY < block.bounds.y - 3 * size
            }
            guard isOrphan else { continue }
            var best: Int?
            for (other, candidate) in blocks.enumerated() where other != index && candidate.lines.count == 1 {
                guard abs(candidate.bounds.maxY - block.bounds.maxY) <= 0.25 * size,
                    candidate.bounds.x >= block.bounds.maxX,
                    best.map({ candidate.bounds.x < blocks[$0].bounds.x }) ?? true
                else { continue }
                best = other
            }
            guard let partner = best, partner != index + 1 else { continue }
            if let existing = leftPiece[partner], blocks[existing].bounds.maxX >= block.bounds.maxX { continue }
            if let existing = leftPiece[partner] { hasPartner.remove(existing) }
            leftPiece[partner] = index
            hasPartner.insert(index)
        }
        guard !leftPiece.isEmpty else { return blocks }
        var result: [TextBlock] = []
        result.reserveCapacity(blocks.count)
        func emit(_ index: Int, depth: Int) {
            if let left = leftPiece[index], depth < blocks.count { emit(left, depth: depth + 1) }
            result.append(blocks[index])
        }
        for index in blocks.indices where !hasPartner.contains(index) { emit(index, depth: 0) }
        return result
    }

    private static func order(_ blocks: [TextBlock], depth: Int) -> [TextBlock] {
        guard blocks.count > 1, depth < 64 else { return blocks }
        let rows = split(blocks, vertical: false)
        if rows.count > 1 {
            let bands = mergeBandsSharingGutters(rows)
            if bands.count > 1 { return bands.flatMap { order($0, depth: depth + 1) } }
        }
        let columns = split(blocks, vertical: true)
        if columns.count > 1 { return columns.flatMap { order($0, depth: depth + 1) } }
        return blocks.sorted {
            $0.bounds.y != $1.bounds.y ? $0.bounds.y < $1.bounds.y : $0.bounds.x < $1.bounds.x
        }
    }

    /// Splits at gaps in the projection on the y axis (rows) or the x axis (columns).
    private static func split(_ blocks: [TextBlock], vertical: Bool) -> [[TextBlock]] {
        let sorted = blocks.sorted {
            let a = vertical ? $0.bounds.x : $0.bounds.y
            let b = vertical ? $1.bounds.x : $1.bounds.y
            return a != b ? a < b : (vertical ? $0.bounds.y < $1.bounds.y : $0.bounds.x < $1.bounds.x)
        }
        var groups: [[TextBlock]] = []
        var current: [TextBlock] = []
        var reach = -Double.infinity
        for block in sorted {
            let start = vertical ? block.bounds.x : block.bounds.y
            let end = vertical ? block.bounds.maxX : block.bounds.maxY
            // A tiny overlap (descenders, rounding) does not join two rows or columns.
            let slack = vertical ? 0.5 : min(2, 0.15 * (block.lines.first?.fontSize ?? 10))
            if !current.isEmpty, start >= reach - slack {
                groups.append(current)
                current = []
            }
            current.append(block)
            reach = max(reach, end)
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// Column gutters of a group: x intervals no block covers, between its leftmost and rightmost block.
    private static func gutters(_ blocks: [TextBlock]) -> [(Double, Double)] {
        let columns = split(blocks, vertical: true)
        guard columns.count > 1 else { return [] }
        var result: [(Double, Double)] = []
        for index in 1..<columns.count {
            let left = columns[index - 1].map(\.bounds.maxX).max() ?? 0
            let right = columns[index].map(\.bounds.x).min() ?? 0
            result.append((left, right))
        }
        return result
    }

    private static func mergeBandsSharingGutters(_ rows: [[TextBlock]]) -> [[TextBlock]] {
        var bands: [[TextBlock]] = []
        var bandGutters: [(Double, Double)] = []
        for row in rows {
            let rowGutters = gutters(row)
            let shares =
                !bands.isEmpty && !rowGutters.isEmpty
                && rowGutters.contains { gutter in
                    bandGutters.contains { min($0.1, gutter.1) - max($0.0, gutter.0) > 0 }
                }
            if shares {
                bands[bands.count - 1].append(contentsOf: row)
                bandGutters = gutters(bands[bands.count - 1])
            } else {
                bands.append(row)
                bandGutters = rowGutters
            }
        }
        return bands
    }
}
