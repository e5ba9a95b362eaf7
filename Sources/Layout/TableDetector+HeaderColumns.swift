extension TableDetector {
    /// Column names set flush left over figures set flush right in cells wider than both — a worksheet printed as
    /// it is, text left and numbers right — do not overlap their values, so the projection of all the cells makes
    /// two columns of each, or fuses a name with the figures of the column before it. When the run opens with
    /// header rows (names only) whose lowest row fits `widened(_:toTake:)`, the columns are the body's, widened to
    /// take in the names; the columns as they are otherwise.
    static func pairedHeaderColumns(_ intervals: [(Double, Double)], run: [Row]) -> [(Double, Double)] {
        let names = run.prefix { row in row.segments.allSatisfy { isName($0.text) } }.count
        let headerCount = withoutOpeningGroupLabels(names, of: run[...])
        guard headerCount >= 1, run.count - headerCount >= 2 else { return intervals }
        let body = columns(of: Array(run[headerCount...]), verticals: [], horizontals: []).intervals
        return widened(body, toTake: run[headerCount - 1].segments) ?? intervals
    }

    /// The body's columns with each name of the lowest header line that lies over none of them taken into the
    /// column right of it (the name starts the cell, the figure ends it), when that column has no name over it and
    /// no other name takes it. Nil when a name has no such column, or when every name lies over a column already.
    static func widened(_ columns: [(Double, Double)], toTake names: [Segment]) -> [(Double, Double)]? {
        guard columns.count >= 3 else { return nil }
        let overlaps = { (name: Segment, column: (Double, Double)) in name.x0 < column.1 - 1 && name.x1 > column.0 + 1 }
        var widened = columns
        var taken = Set<Int>()
        for name in names where !columns.contains(where: { overlaps(name, $0) }) {
            guard let next = columns.firstIndex(where: { $0.0 >= name.x1 }),
                !names.contains(where: { overlaps($0, columns[next]) }),
                taken.insert(next).inserted
            else { return nil }
            widened[next].0 = name.x0
        }
        return taken.isEmpty ? nil : widened
    }
}
