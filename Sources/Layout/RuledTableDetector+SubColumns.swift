extension RuledTableDetector {
    /// Columns set inside one ruled column with no rule between them (a box ruled around each group of columns:
    /// "Rate | Error" under "2021"), parted by the blank strips that every line holding two cells or more in the
    /// ruled column leaves free, with cells on both sides.
    struct SubColumns {
        /// For each column of the lattice, the blank strips parting its sub-columns, left to right.
        private let rivers: [[ClosedRange<Double>]]
        /// The first output column of each column of the lattice.
        let offsets: [Int]
        let count: Int

        /// The sub-columns of the lattice's columns, read from `lines` (`bands`: the band of each line). A lattice
        /// without vertical rulings (its columns are blank strips already) has none.
        init(lattice: RulingGrid, lines: [PlacedLine], bands: [Int]) {
            let columns = lattice.columnCount
            var rivers = [[ClosedRange<Double>]](repeating: [], count: columns)
            if lattice.hasVerticalRulings {
                for column in 0..<columns {
                    let cells = lines.indices.map {
                        Self.cells(of: lines[$0], band: bands[$0], column: column, lattice: lattice)
                    }.filter { !$0.isEmpty }
                    rivers[column] = Self.rivers(in: cells)
                }
            }
            var offsets: [Int] = []
            var next = 0
            for strips in rivers {
                offsets.append(next)
                next += strips.count + 1
            }
            self.rivers = rivers
            self.offsets = offsets
            self.count = next
        }

        /// The output column of every word of `line` (in band `band`) that lies in a cell of its own column; nil for
        /// a word of a cell spanning columns.
        func columns(of line: PlacedLine, band: Int, lattice: RulingGrid) -> [Int?] {
            var result = [Int?](repeating: nil, count: line.words.count)
            for column in Set(line.words.map(\.column)) {
                let cells = Self.cells(of: line, band: band, column: column, lattice: lattice)
                for (position, word) in line.words.enumerated() where word.column == column {
                    guard let cell = cells.first(where: { $0.span.contains(word.x0) }) else { continue }
                    // A cell across a strip (a year over "Rate | Error") stands in the first sub-column it covers.
                    let sub = rivers[column].filter { $0.upperBound <= cell.span.lowerBound + 0.5 }.count
                    result[position] = offsets[column] + sub
                }
            }
            return result
        }

        /// Where output column `index` lies on the x axis (boundaries of frames made from text can come in either
        /// order, or not be numbers at all: never a trap).
        func range(of index: Int, lattice: RulingGrid) -> ClosedRange<Double> {
            let column = offsets.lastIndex { $0 <= index } ?? 0
            let sub = index - offsets[column]
            let strips = rivers[column]
            let low = sub == 0 ? lattice.xs[column] : strips[sub - 1].upperBound
            let high = sub == strips.count ? lattice.xs[column + 1] : strips[sub].lowerBound
            guard low.isFinite, high.isFinite else { return 0...0 }
            return min(low, high)...max(low, high)
        }

        /// A cell of a line: its horizontal extent, and whether it holds a figure.
        private struct Cell {
            var span: ClosedRange<Double>
            var isFigure: Bool
        }

        /// The strips parting the sub-columns of one ruled column, given the cells of each line with text in it.
        /// Most of those lines hold two cells or more, most of these are rows of figures (a form's field numbered
        /// in its margin, "8 | Wages, salaries", is one cell of text), and few lines cross a strip (the names over a
        /// group of sub-columns).
        private static func rivers(in lines: [[Cell]]) -> [ClosedRange<Double>] {
            let split = lines.filter { $0.count >= 2 }
            let figures = split.filter { $0.allSatisfy(\.isFigure) }
            guard split.count >= 2, split.count * 2 >= lines.count, figures.count >= 2, figures.count * 2 >= split.count
            else { return [] }
            return blankStrips(in: split.map { $0.map(\.span) }).filter { strip in
                let crossing = lines.filter { cells in
                    cells.contains { $0.span.lowerBound < strip.lowerBound && $0.span.upperBound > strip.upperBound }
                }
                return crossing.count <= max(1, lines.count / 4)
            }
        }

        /// The cells of `line` in `column`: its words there, in a cell of their own column, grouped where they stand
        /// closer than the table gap.
        private static func cells(of line: PlacedLine, band: Int, column: Int, lattice: RulingGrid) -> [Cell] {
            let slot = band * lattice.columnCount + column
            guard lattice.anchors[slot] == slot else { return [] }
            let words = line.words.filter { $0.column == column }.sorted { $0.x0 < $1.x0 }
            var cells: [Cell] = []
            for word in words {
                let figure = word.text.contains(where: \.isNumber)
                if let last = cells.last, word.x0 - last.span.upperBound <= max(line.fontSize, 6) {
                    cells[cells.count - 1] = Cell(
                        span: last.span.lowerBound...max(last.span.upperBound, word.x1),
                        isFigure: last.isFigure || figure
                    )
                } else {
                    cells.append(Cell(span: word.x0...max(word.x0, word.x1), isFigure: figure))
                }
            }
            return cells
        }

        /// The gaps of at least 3 pt between the cells of `lines` that every line has cells on both sides of.
        private static func blankStrips(in lines: [[ClosedRange<Double>]]) -> [ClosedRange<Double>] {
            let spans = lines.flatMap { $0 }.sorted { $0.lowerBound < $1.lowerBound }
            var strips: [ClosedRange<Double>] = []
            var reach = spans[0].upperBound
            for span in spans.dropFirst() {
                if span.lowerBound - reach >= 3 { strips.append(reach...span.lowerBound) }
                reach = max(reach, span.upperBound)
            }
            return strips.filter { strip in
                lines.allSatisfy { cells in
                    cells.contains { $0.upperBound <= strip.lowerBound }
                        && cells.contains { $0.lowerBound >= strip.upperBound }
                }
            }
        }
    }
}
