extension TableDetector {
    /// Cells set closer than the gap rule allows — a narrow receipt's prices one em from their items, an invoice whose
    /// "Qty | Unit price | Amount" stand a few points apart — are cut where their neighbours' columns start or end.
    ///
    /// A gap between two words is cut when it is clearly wider than the word spacing of its band and of its own
    /// line (a loose justified line widens all its gaps alike), and at least two other rows of the same band (lines
    /// set one under another without a paragraph gap) start a cell at the same x, or end one there; one of them must
    /// be a cell a wide gap already set apart, unless three agree.
    static func splitAtSharedEdges(_ rows: [Row]) -> [Row] {
        guard rows.count >= 3 else { return rows }
        var result = rows
        var bandStart = 0
        while bandStart < rows.count {
            var bandEnd = bandStart + 1
            while bandEnd < rows.count,
                rows[bandEnd].bounds.y - rows[bandEnd - 1].bounds.maxY < 2.5 * max(rows[bandEnd].bounds.height, 6)
            {
                bandEnd += 1
            }
            if bandEnd - bandStart >= 3 {
                splitBand(&result, bandStart..<bandEnd)
            }
            bandStart = bandEnd
        }
        return result
    }

    /// An edge a row offers its neighbours: where one of its cells starts or ends, and whether a wide gap set that
    /// cell apart (rather than a narrower gap that is only a candidate).
    private struct Edge {
        var row: Int
        var x: Double
        var isStart: Bool
        var isWide: Bool
    }

    /// A narrower gap inside a cell that might part two columns.
    private struct Candidate {
        var row: Int
        var segment: Int
        var word: Int
        var start: Double
        var end: Double
    }

    /// A word ending a clause or a sentence is followed by running text's wider space, not by a column; a short
    /// abbreviation ("No.", "Qty.") is a column name.
    private static func endsClause(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        return ",;:!?".contains(last) || (last == "." && word.count > 4)
    }

    /// A space between two figures of a worksheet whose columns stand one space apart ("44.231 15.391 19.085"):
    /// a candidate however narrow, for figures have no spaces of their own but the one before a group of three
    /// digits ("51 918", "1 898,47"), which stays.
    private static func isFigureGap(_ left: String, _ right: String, _ gap: Double, size: Double) -> Bool {
        guard gap >= 0.2 * size, isFigure(left), isFigure(right) else { return false }
        return !isThousandsSpace(left, right, gap: gap, size: size)
    }

    private static func splitBand(_ rows: inout [Row], _ band: Range<Int>) {
        // A cut needs a cell a wide gap set apart in the band (running text has none): nothing to measure without.
        guard band.contains(where: { rows[$0].segments.count >= 2 }) else { return }
        // The band's word spacing: the median gap between words inside cells, at most a wide space (a third of an
        // em) — a band of one-word cells has only the gaps between its columns.
        let spacing = band.flatMap { index in
            rows[index].segments.flatMap { segment in
                zip(segment.words, segment.words.dropFirst()).map { $1.x0 - $0.x1 }
            }
        }.sorted()
        guard !spacing.isEmpty else { return }
        let typeSize = band.map { rows[$0].fontSize }.sorted()[band.count / 2]
        let normal = min(max(spacing[spacing.count / 2], 0.5), 0.35 * typeSize)
        var edges: [Edge] = []
        var candidates: [Candidate] = []
        for index in band {
            let segments = rows[index].segments
            for (number, segment) in segments.enumerated() {
                if number > 0 { edges.append(Edge(row: index, x: segment.x0, isStart: true, isWide: true)) }
                if number < segments.count - 1 {
                    edges.append(Edge(row: index, x: segment.x1, isStart: false, isWide: true))
                }
                let words = segment.words
                let gaps = zip(words, words.dropFirst()).map { $1.x0 - $0.x1 }
                // The two tightest gaps: a gap must stand out against the tightest of the others in its own line too
                // (a loose justified line stretches every gap alike).
                let tightestTwo = gaps.indices.sorted { gaps[$0] < gaps[$1] || (gaps[$0] == gaps[$1] && $0 < $1) }
                    .prefix(2)
                for word in words.indices.dropFirst() {
                    let gap = gaps[word - 1]
                    let tightest = tightestTwo.first { $0 != word - 1 }.map { gaps[$0] } ?? normal
                    guard
                        gap >= max(1.6 * normal, 1.5 * tightest, 0.3 * rows[index].fontSize)
                            || isFigureGap(words[word - 1].text, words[word].text, gap, size: rows[index].fontSize),
                        !endsClause(words[word - 1].text)
                    else { continue }
                    candidates.append(
                        Candidate(
                            row: index,
                            segment: number,
                            word: word,
                            start: words[word].x0,
                            end: words[word - 1].x1
                        )
                    )
                    edges.append(Edge(row: index, x: words[word].x0, isStart: true, isWide: false))
                    edges.append(Edge(row: index, x: words[word - 1].x1, isStart: false, isWide: false))
                }
            }
        }
        guard !candidates.isEmpty else { return }
        // Edges by kind, in x order, so a query reads only the edges within a point of its x.
        let starts = edges.filter(\.isStart).sorted { $0.x < $1.x }
        let ends = edges.filter { !$0.isStart }.sorted { $0.x < $1.x }
        func supported(_ x: Double, by sorted: [Edge], besides row: Int) -> Bool {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].x < x - 1 { low = middle + 1 } else { high = middle }
            }
            var rowsAgreeing: Set<Int> = []
            var wide = false
            for edge in sorted[low...].prefix(while: { $0.x <= x + 1 }) where edge.row != row {
                rowsAgreeing.insert(edge.row)
                wide = wide || edge.isWide
                if rowsAgreeing.count >= 3 || (rowsAgreeing.count >= 2 && wide) { return true }
            }
            return false
        }
        // Cuts per row and segment, by word index.
        var cuts: [Int: [Int: [Int]]] = [:]
        for candidate in candidates
        where supported(candidate.start, by: starts, besides: candidate.row)
            || supported(candidate.end, by: ends, besides: candidate.row)
        {
            cuts[candidate.row, default: [:]][candidate.segment, default: []].append(candidate.word)
        }
        for (row, bySegment) in cuts {
            var segments: [Segment] = []
            for (number, segment) in rows[row].segments.enumerated() {
                guard let words = bySegment[number] else {
                    segments.append(segment)
                    continue
                }
                let bounds = [0] + words.sorted() + [segment.words.count]
                for (from, to) in zip(bounds, bounds.dropFirst()) {
                    let part = Array(segment.words[from..<to])
                    segments.append(
                        Segment(
                            text: part.map(\.text).joined(separator: " "),
                            x0: part[0].x0,
                            x1: part[part.count - 1].x1,
                            words: part
                        )
                    )
                }
            }
            rows[row].segments = segments
        }
    }
}
