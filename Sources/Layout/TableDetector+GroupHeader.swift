import PDFText

extension TableDetector {
    /// A header of two tiers read from the lines above a table's body: a top line of group names ("2005 | 2010 |
    /// Difference"), each over several columns, and below it the column names, which may wrap over several lines
    /// ("Margin of" over "error (±)"). The group names go to the first column of the columns they span (a spanning
    /// cell), the column names to a sub-header row; a column name under no group ("Category", standing beside the
    /// groups) spans both tiers and goes to the top row. Nil when the lines are not so: one tier, or a top line whose
    /// names do not each span two or more named columns.
    static func groupHeader(
        _ header: [Row],
        columns ranges: [ClosedRange<Double>],
        verticals: [Ruling]
    ) -> (top: [String], sub: [String])? {
        guard let first = header.first, ranges.count >= 3 else { return nil }
        let topRows = header.prefix { $0.bounds.y < first.bounds.midY }
        let lowerRows = header.dropFirst(topRows.count)
        let labels = topRows.flatMap(\.segments).sorted { $0.x0 < $1.x0 }
        guard !labels.isEmpty, !lowerRows.isEmpty,
            labels.allSatisfy({ TableHeaderJoin.isLabel($0.text) && headerColumn(of: $0, in: ranges) != nil })
        else { return nil }
        var sub = [String](repeating: "", count: ranges.count)
        for segment in lowerRows.flatMap(\.segments) {
            guard let column = headerColumn(of: segment, in: ranges) else { return nil }
            sub[column] += (sub[column].isEmpty ? "" : " ") + segment.text
        }
        let named = sub.indices.filter { !sub[$0].isEmpty }
        guard labels.count * 2 <= named.count,
            let spans = groupSpans(labels, columns: ranges, verticals: verticals, at: first.bounds.midY)
        else { return nil }
        // Every group name spans two or more named columns, or it is not a group name.
        guard spans.allSatisfy({ span in span.filter { !sub[$0].isEmpty }.count >= 2 }) else { return nil }
        var top = [String](repeating: "", count: ranges.count)
        for (label, span) in zip(labels, spans) { top[span.lowerBound] = label.text }
        for column in named where !spans.contains(where: { $0.contains(column) }) {
            top[column] = sub[column]
            sub[column] = ""
        }
        return (top, sub)
    }

    /// The columns each group name spans, left to right, in order and without overlap. Vertical rulings crossing
    /// the group line bound the spans when there are any; otherwise each name is taken to be centred over its
    /// columns, and the spans are the contiguous runs whose centres lie nearest the names' centres (every span
    /// holding the column its name lies in).
    static func groupSpans(
        _ labels: [Segment],
        columns ranges: [ClosedRange<Double>],
        verticals: [Ruling],
        at y: Double
    ) -> [ClosedRange<Int>]? {
        let centres = ranges.map { ($0.lowerBound + $0.upperBound) / 2 }
        let homes = labels.compactMap { headerColumn(of: $0, in: ranges) }
        guard homes.count == labels.count, zip(homes, homes.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let separators = verticals.filter { $0.y0 <= y && $0.y1 >= y }.map(\.x0).sorted()
        if !separators.isEmpty {
            let spans = labels.map { label -> ClosedRange<Int>? in
                let middle = (label.x0 + label.x1) / 2
                let left = separators.last { $0 < middle } ?? -Double.infinity
                let right = separators.first { $0 > middle } ?? Double.infinity
                let inside = centres.indices.filter { centres[$0] > left && centres[$0] < right }
                guard let low = inside.first, let high = inside.last else { return nil }
                return low...high
            }
            let found = spans.compactMap { $0 }
            if found.count == labels.count, zip(found, found.dropFirst()).allSatisfy({ $0.upperBound < $1.lowerBound })
            {
                return found
            }
        }
        return centredSpans(labels, homes: homes, columns: ranges)
    }

    /// Spans for unruled group names: the choice of contiguous, ordered runs of columns (each holding its name's
    /// column) that puts every run's middle closest to its name's middle, summed over the names. Columns right of
    /// the first span and left of the last that no span holds cost as much as a name set a column's width off.
    private static func centredSpans(
        _ labels: [Segment],
        homes: [Int],
        columns ranges: [ClosedRange<Double>]
    ) -> [ClosedRange<Int>] {
        let count = ranges.count
        let width = (ranges[count - 1].upperBound - ranges[0].lowerBound) / Double(count)
        // best[k][e]: least cost of spans for names 0...k with name k's span ending at column e, and its start.
        var best = [[(cost: Double, start: Int, previous: Int)?]](
            repeating: [(cost: Double, start: Int, previous: Int)?](repeating: nil, count: count),
            count: labels.count
        )
        for (k, label) in labels.enumerated() {
            let middle = (label.x0 + label.x1) / 2
            for start in 0...homes[k] {
                for end in homes[k]..<count {
                    if k + 1 < labels.count, end >= homes[k + 1] { break }
                    let offset = abs((ranges[start].lowerBound + ranges[end].upperBound) / 2 - middle)
                    if k == 0 {
                        if best[k][end] == nil || offset < best[k][end]!.cost {
                            best[k][end] = (offset, start, -1)
                        }
                        continue
                    }
                    for previousEnd in 0..<start {
                        guard let before = best[k - 1][previousEnd] else { continue }
                        let cost = before.cost + offset + Double(start - previousEnd - 1) * width
                        if best[k][end] == nil || cost < best[k][end]!.cost {
                            best[k][end] = (cost, start, previousEnd)
                        }
                    }
                }
            }
        }
        // Columns right of the last span that no name holds cost likewise.
        var end = (0..<count).compactMap { e in
            best[labels.count - 1][e].map { (e, $0.cost + Double(count - 1 - e) * width) }
        }
        .min { $0.1 < $1.1 }!.0
        var spans: [ClosedRange<Int>] = []
        for k in stride(from: labels.count - 1, through: 0, by: -1) {
            let entry = best[k][end]!
            spans.insert(entry.start...end, at: 0)
            end = entry.previous
        }
        return spans
    }
}
