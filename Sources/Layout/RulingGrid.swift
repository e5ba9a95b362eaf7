import PDFText

/// A lattice of rulings: the column and row boundaries of one ruled table and which of its slots are merged
/// (a spanning cell, where a ruling between two slots is missing).
struct RulingGrid {
    /// A horizontal or vertical stroke after joining collinear pieces: `position` on the cross axis, `start` and
    /// `end` along the line.
    struct Stroke {
        var position: Double
        var start: Double
        var end: Double
    }

    /// Column boundaries, left to right.
    var xs: [Double]
    /// Row boundaries, top to bottom.
    var ys: [Double]
    /// For every slot (row-major), the slot that holds the text of the cell it belongs to (its top-left slot).
    var anchors: [Int]
    /// Whether a band may hold several rows whatever their count: its bounds are background bands, not rules
    /// drawn under each row.
    var bandsHoldRows = false
    /// Whether vertical rulings drew the columns (a lattice) rather than blank strips between words.
    var hasVerticalRulings = true

    var columnCount: Int { xs.count - 1 }
    var rowCount: Int { ys.count - 1 }
    var bounds: Rect { Rect(x: xs[0], y: ys[0], width: xs[xs.count - 1] - xs[0], height: ys[ys.count - 1] - ys[0]) }

    /// The lattices on a page: groups of crossing rulings with at least two columns and one row between them.
    static func grids(in rulings: [Ruling], horizontals: [Stroke]) -> [RulingGrid] {
        let verticals = join(
            rulings.filter { $0.x1 - $0.x0 < 1 && $0.y1 - $0.y0 >= 3 }.map {
                Stroke(position: ($0.x0 + $0.x1) / 2, start: $0.y0, end: $0.y1)
            }
        )
        guard horizontals.count >= 2, verticals.count >= 2,
            horizontals.count * verticals.count <= 250_000
        else { return [] }
        // Rulings that cross (or touch within a tolerance) belong to one lattice.
        var parent = Array(0..<(horizontals.count + verticals.count))
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        let slack = 3.0
        for (h, horizontal) in horizontals.enumerated() {
            for (v, vertical) in verticals.enumerated()
            where vertical.position >= horizontal.start - slack && vertical.position <= horizontal.end + slack
                && horizontal.position >= vertical.start - slack && horizontal.position <= vertical.end + slack
            {
                let (a, b) = (root(h), root(horizontals.count + v))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: (h: [Stroke], v: [Stroke])] = [:]
        for index in parent.indices {
            let key = root(index)
            if index < horizontals.count {
                groups[key, default: ([], [])].h.append(horizontals[index])
            } else {
                groups[key, default: ([], [])].v.append(verticals[index - horizontals.count])
            }
        }
        return groups.keys.sorted().compactMap { key in
            let group = groups[key]!
            guard group.h.count >= 2, group.v.count >= 2 else { return nil }
            return RulingGrid(horizontals: group.h, verticals: group.v)
        }
    }

    /// A grid of given boundaries in which every slot is a cell of its own.
    init(xs: [Double], ys: [Double]) {
        self.xs = xs
        self.ys = ys
        anchors = Array(0..<((xs.count - 1) * (ys.count - 1)))
        hasVerticalRulings = false
    }

    /// Builds the lattice of one group of rulings, or nil when it encloses fewer than two columns.
    private init?(horizontals: [Stroke], verticals: [Stroke]) {
        let xs = Self.boundaries(verticals.map(\.position))
        let ys = Self.boundaries(horizontals.map(\.position))
        guard xs.count >= 3, ys.count >= 2, xs.count <= 40 else { return nil }
        self.xs = xs
        self.ys = ys
        let columns = xs.count - 1
        let rows = ys.count - 1
        var parent = Array(0..<(rows * columns))
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        func merge(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for row in 0..<rows {
            let (top, bottom) = (ys[row], ys[row + 1])
            let inset = (bottom - top) / 4
            for column in 0..<columns {
                let (left, right) = (xs[column], xs[column + 1])
                // No ruling between this slot and the one to its right: one cell spans both.
                if column + 1 < columns,
                    !verticals.contains(where: {
                        abs($0.position - right) <= 3 && $0.start <= top + inset && $0.end >= bottom - inset
                    })
                {
                    merge(row * columns + column, row * columns + column + 1)
                }
                let across = (right - left) / 4
                if row + 1 < rows,
                    !horizontals.contains(where: {
                        abs($0.position - bottom) <= 3 && $0.start <= left + across && $0.end >= right - across
                    })
                {
                    merge(row * columns + column, (row + 1) * columns + column)
                }
            }
        }
        anchors = parent.indices.map(root)
    }

    /// Horizontal rulings, collinear pieces joined.
    static func horizontalStrokes(_ rulings: [Ruling]) -> [Stroke] {
        join(
            rulings.filter { $0.y1 - $0.y0 < 1 && $0.x1 - $0.x0 >= 3 }.map {
                Stroke(position: ($0.y0 + $0.y1) / 2, start: $0.x0, end: $0.x1)
            }
        )
    }

    /// The column an x position falls in, clamped to the grid.
    func column(of x: Double) -> Int {
        max(0, min(columnCount - 1, Self.lastIndex(in: xs, notAbove: x)))
    }

    /// The band (between two row boundaries) a y position falls in, clamped to the grid.
    func band(of y: Double) -> Int {
        max(0, min(rowCount - 1, Self.lastIndex(in: ys, notAbove: y)))
    }

    /// The last index of sorted `values` whose value is at most `value` (0 when none is), by bisection.
    private static func lastIndex(in values: [Double], notAbove value: Double) -> Int {
        var lower = 0
        var upper = values.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if values[middle] <= value { lower = middle + 1 } else { upper = middle }
        }
        return max(lower - 1, 0)
    }

    /// Positions closer than 3 points are one boundary (a double rule, a ruling drawn twice).
    static func boundaries(_ positions: [Double]) -> [Double] {
        var result: [Double] = []
        var group: [Double] = []
        // A ruling placed by an absurd matrix can sit at infinity or NaN: it bounds nothing (and NaN has no order).
        for position in positions.filter(\.isFinite).sorted() {
            if let last = group.last, position - last > 3 {
                result.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(position)
        }
        if !group.isEmpty { result.append(group.reduce(0, +) / Double(group.count)) }
        return result
    }

    /// Joins strokes on one line (within 1.5 points) that overlap or nearly touch: tables are often drawn cell by
    /// cell, one short stroke per cell edge.
    static func join(_ strokes: [Stroke]) -> [Stroke] {
        let sorted = strokes.sorted { $0.position != $1.position ? $0.position < $1.position : $0.start < $1.start }
        var lines: [[Stroke]] = []
        for stroke in sorted {
            if let first = lines.last?.first, stroke.position - first.position <= 1.5 {
                lines[lines.count - 1].append(stroke)
            } else {
                lines.append([stroke])
            }
        }
        var result: [Stroke] = []
        for line in lines {
            let position = line.map(\.position).reduce(0, +) / Double(line.count)
            var pieces: [Stroke] = []
            for stroke in line.sorted(by: { $0.start < $1.start }) {
                if let last = pieces.last, stroke.start <= last.end + 2 {
                    pieces[pieces.count - 1].end = max(last.end, stroke.end)
                } else {
                    pieces.append(Stroke(position: position, start: stroke.start, end: stroke.end))
                }
            }
            result.append(contentsOf: pieces)
        }
        return result
    }
}
