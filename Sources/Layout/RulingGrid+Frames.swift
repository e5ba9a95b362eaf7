import PDFText

extension RulingGrid {
    /// Tables framed by horizontal rules only (a rule above, one under the header, one below: the "booktabs"
    /// style): the rules give the bands, the blank strips that run down the body between words give the columns.
    ///
    /// - Parameters:
    ///   - horizontals: the page's horizontal rulings, joined (``horizontalStrokes(_:)``).
    ///   - lines: the page's body lines that no lattice took.
    ///   - pageHeight: a frame taller than most of the page is page decoration, not a table.
    static func frames(horizontals: [Stroke], lines: [TextLine], pageHeight: Double) -> [RulingGrid] {
        let rules = horizontals.filter { $0.end - $0.start >= 100 }
        guard rules.count >= 3 else { return [] }
        // Rules of one table share their extent; cmidrules under group headers are shorter and do not count.
        var groups: [[Stroke]] = []
        for rule in rules.sorted(by: { $0.position < $1.position }) {
            if let index = groups.firstIndex(where: {
                abs($0[0].start - rule.start) <= 4 && abs($0[0].end - rule.end) <= 4
                    && rule.position - $0[$0.count - 1].position <= 300
            }) {
                groups[index].append(rule)
            } else {
                groups.append([rule])
            }
        }
        return groups.compactMap { group -> RulingGrid? in
            // A rule above the table's own top rule (under a running header, above a section) leaves text between
            // it and the table: a header band holds a line or two, not paragraphs or a receipt's date and number.
            var group = group
            while group.count >= 3, !(1...2).contains(visualLineCount(lines, from: group[0], to: group[1])) {
                group.removeFirst()
            }
            guard group.count >= 3 else { return nil }
            let top = group[0].position
            let bottom = group[group.count - 1].position
            let left = group.map(\.start).min()!
            let right = group.map(\.end).max()!
            guard bottom - top <= 0.7 * pageHeight else { return nil }
            var inside = lines.filter {
                $0.bounds.midY > top && $0.bounds.midY < bottom && $0.bounds.x >= left - 2
                    && $0.bounds.maxX <= right + 2
            }
            // Rules under every row but none over the header (bottom borders only): the header is the line of
            // names right above the first rule.
            var ys = group.map(\.position)
            if let header = headerAbove(top, lines: lines, left: left, right: right) {
                ys.insert(header.bounds.y - 1, at: 0)
                inside.append(header)
            }
            // Columns from the body (below the rule under the header), where header words spanning columns are
            // not in the way.
            let body = inside.filter { $0.bounds.midY > group[1].position }
            guard let xs = columnBoundaries(of: body, left: left, right: right) else { return nil }
            let grid = RulingGrid(xs: xs, ys: ys)
            // A header names at least two columns, and most body lines fill two cells or more (underlined form
            // fields stacked one per line are not a table).
            let header = inside.filter { $0.bounds.midY < group[1].position }
            func columns(_ line: TextLine) -> Int { Set(line.words.map { grid.column(of: $0.bounds.midX) }).count }
            guard Set(header.flatMap { $0.words.map { grid.column(of: $0.bounds.midX) } }).count >= 2,
                body.filter({ columns($0) >= 2 }).count * 2 >= body.count
            else { return nil }
            return grid
        }
    }

    /// The line of column names set right above a table's first rule with nothing over it: within a line's height
    /// of the rule, inside the rules' extent, with no line right above it (a header of two lines is joined
    /// otherwise), three names at least, set apart (wide gaps), no figure but a year.
    private static func headerAbove(_ top: Double, lines: [TextLine], left: Double, right: Double) -> TextLine? {
        let above = lines.filter { $0.bounds.maxY <= top + 1 && $0.bounds.maxY > top - $0.bounds.height }
        guard above.count == 1, let line = above.first, line.bounds.x >= left - 2, line.bounds.maxX <= right + 2,
            !lines.contains(where: {
                $0.bounds.maxY <= line.bounds.y && $0.bounds.maxY > line.bounds.y - 0.8 * line.bounds.height
                    && $0.bounds.maxX > left && $0.bounds.x < right
            })
        else { return nil }
        let gap = line.fontSize
        let names = zip(line.words, line.words.dropFirst()).filter { $1.bounds.x - $0.bounds.maxX >= gap }.count + 1
        return names >= 3 && line.words.allSatisfy({ TableHeaderJoin.isLabel($0.text) }) ? line : nil
    }

    /// How many text lines the lines between two rules (within their extent) make, lines that overlap vertically
    /// (a cell centred beside two lines) counting as one.
    private static func visualLineCount(_ lines: [TextLine], from top: Stroke, to bottom: Stroke) -> Int {
        let spans = lines.filter {
            $0.bounds.midY > top.position && $0.bounds.midY < bottom.position && $0.bounds.maxX > top.start
                && $0.bounds.x < top.end
        }.map { ($0.bounds.y + 1, $0.bounds.maxY - 1) }.sorted { $0.0 < $1.0 }
        var count = 0
        var reach = -Double.infinity
        for span in spans {
            if span.0 > reach { count += 1 }
            reach = max(reach, span.1)
        }
        return count
    }

    /// Boundaries between the columns of `lines`: the middles of blank strips at least half an em wide that no word
    /// crosses; nil when the lines form fewer than two columns.
    static func columnBoundaries(of lines: [TextLine], left: Double, right: Double) -> [Double]? {
        guard lines.flatMap(\.words).count >= 4 else { return nil }
        let sizes = lines.flatMap(\.words).map(\.fontSize).sorted()
        let gap = 0.5 * sizes[sizes.count / 2]
        // A group label ("Sex, by age group — Men") runs across the value columns by design: in a body of figures,
        // above rows of its group, it does not close the strips between them (a note under the last row does).
        let figures = lines.filter { $0.text.contains(where: \.isNumber) }
        let lastFigures = figures.map(\.bounds.midY).max() ?? -.infinity
        let words = lines.filter { line in
            figures.count * 2 < lines.count || line.bounds.midY > lastFigures || !isSpanningLabel(line, gap: gap)
        }.flatMap(\.words)
        guard words.count >= 4 else { return nil }
        let spans = words.map { ($0.bounds.x, $0.bounds.maxX) }.sorted { $0.0 < $1.0 }
        var reach = spans[0].1
        var xs = [left]
        for span in spans.dropFirst() {
            if span.0 - reach >= gap { xs.append((span.0 + reach) / 2) }
            reach = max(reach, span.1)
        }
        xs.append(right)
        return xs.count >= 3 ? xs : nil
    }

    /// One phrase without figures (no gap between its words as wide as a column's): a label that may span columns.
    static func isSpanningLabel(_ line: TextLine, gap: Double) -> Bool {
        !line.text.contains(where: \.isNumber)
            && zip(line.words, line.words.dropFirst()).allSatisfy { $1.bounds.x - $0.bounds.maxX < gap }
    }
}
