extension TableDetector {
    /// Splits cells at "rivers": vertical strips that no word of any row touches and that cut through the cells of
    /// at least two thirds of the rows (three at least). Columns set closer than the gap rule allows (a right-aligned
    /// number beside a date, a monospace receipt whose columns are one space apart) line up this way while words of
    /// running text do not.
    static func splitAtRivers(_ run: [Row]) -> [Row] {
        guard run.count >= 4 else { return run }
        // Dot leaders (`Severe . . . . .`) are set at regular spacing and would line up as rivers: a leader joins the
        // word before it. So does a group of three digits after a space ("51 918", "1 234,5"): figures set
        // flush right put their thousands' spaces one under another.
        var run = run
        for row in run.indices {
            let size = run[row].fontSize
            for segment in run[row].segments.indices {
                var joined: [(text: String, x0: Double, x1: Double)] = []
                for word in run[row].segments[segment].words {
                    let leader = word.text.allSatisfy { $0 == "." || $0 == "…" || $0 == "·" }
                    let group =
                        joined.last.map { isThousandsSpace($0.text, word.text, gap: word.x0 - $0.x1, size: size) }
                        ?? false
                    if leader || group, let last = joined.last {
                        joined[joined.count - 1] = (last.text + " " + word.text, last.x0, word.x1)
                    } else {
                        joined.append(word)
                    }
                }
                run[row].segments[segment].words = joined
            }
        }
        // A group label row ("Sex, by age group — Men") runs across the columns by design: it neither blocks a
        // river nor is cut at one.
        let cells = run.filter { !isLabelLine($0) }
        let spans = cells.flatMap { $0.segments.flatMap(\.words) }.map { ($0.x0 - 0.3, $0.x1 + 0.3) }
            .sorted { $0.0 < $1.0 }
        guard var reach = spans.first?.1 else { return run }
        var rivers: [Double] = []
        for span in spans.dropFirst() {
            if span.0 - reach >= 1.0 {
                let middle = (span.0 + reach) / 2
                let cut = run.filter { row in
                    row.segments.contains { !$0.words.isEmpty && $0.x0 < middle && $0.x1 > middle }
                }
                // Most rows must be cut (a column), not two that happen to share a word break; and in one row at
                // least the strip must be wider than a word space: labels alike ("15 to 24 years", "25 to 54
                // years") leave a strip one space wide in every row.
                if cut.count >= 3, cut.count * 3 >= cells.count * 2,
                    cut.contains(where: { widestGap(around: middle, in: $0) >= 0.5 * $0.fontSize })
                {
                    rivers.append(middle)
                }
            }
            reach = max(reach, span.1)
        }
        guard !rivers.isEmpty else { return run }
        return run.map { row in
            guard !isLabelLine(row) else { return row }
            var row = row
            row.segments = row.segments.flatMap { segment -> [Segment] in
                guard !segment.words.isEmpty else { return [segment] }
                var parts: [[(text: String, x0: Double, x1: Double)]] = [[]]
                var river = 0
                for word in segment.words {
                    while river < rivers.count, rivers[river] < word.x0 {
                        if !(parts.last?.isEmpty ?? true) { parts.append([]) }
                        river += 1
                    }
                    parts[parts.count - 1].append(word)
                }
                return parts.filter { !$0.isEmpty }.map { words in
                    Segment(
                        text: words.map(\.text).joined(separator: " "),
                        x0: words.map(\.x0).min()!,
                        x1: words.map(\.x1).max()!,
                        words: words
                    )
                }
            }
            return row
        }
    }

    /// The gap between the words of `row` on either side of `x` (zero when a word covers it).
    private static func widestGap(around x: Double, in row: Row) -> Double {
        let words = row.segments.flatMap(\.words)
        guard let right = words.firstIndex(where: { $0.x0 >= x }), right > 0, words[right - 1].x1 <= x else { return 0 }
        return words[right].x0 - words[right - 1].x1
    }
}
