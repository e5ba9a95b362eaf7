extension TextRecognizer {
    /// A block of the page as Tesseract found it: its lines in order, and where it lies.
    private struct FoundBlock {
        var lines: [[RecognizedWord]] = []
        var top = Int.max, bottom = Int.min, left = Int.max, right = Int.min

        /// Short runs of words, as table cells have; a column of prose has several words close together on most
        /// lines. A line's runs are split where words are a line height or more apart: words read again in a
        /// region join the line they sit on, so a column's line can hold a row's other cells too.
        var isCellLike: Bool {
            let runs = lines.map { line in
                let sorted = line.sorted { $0.left < $1.left }
                var (longest, run) = (0, 0)
                for (index, word) in sorted.enumerated() {
                    let previous = index > 0 ? sorted[index - 1] : nil
                    let apart = previous.map { word.left - ($0.left + $0.width) >= word.lineHeight } ?? true
                    run = apart ? 1 : run + 1
                    longest = max(longest, run)
                }
                return longest
            }.sorted()
            return runs[runs.count / 2] <= 3
        }

        mutating func add(_ word: RecognizedWord, newLine: Bool) {
            if newLine { lines.append([]) }
            lines[lines.count - 1].append(word)
            top = min(top, word.lineTop)
            bottom = max(bottom, word.lineTop + word.lineHeight)
            left = min(left, word.left)
            right = max(right, word.left + word.width)
        }
    }

    /// The words in the order a producer would have drawn them. Tesseract reads a table without rules as one
    /// block per column, so its order runs down each column in turn; the layout, like a PDF's content stream,
    /// expects a table row by row. Blocks of short lines side by side over the same rows are therefore read row by
    /// row together; every other block keeps Tesseract's order (a column of prose stays whole).
    static func rowsAcrossCells(_ words: [RecognizedWord]) -> [RecognizedWord] {
        var order: [Int] = []
        var blocks: [Int: FoundBlock] = [:]
        var lastLine: [Int: Int] = [:]
        for word in words {
            // Page-pass lines number block, paragraph and line; a line found in a region is a block of its own.
            let id = word.line >> 32 == 0 ? word.line / 1_000_000 : word.line
            if blocks[id] == nil { order.append(id) }
            blocks[id, default: FoundBlock()].add(word, newLine: lastLine[id] != word.line)
            lastLine[id] = word.line
        }
        let cells = order.filter { blocks[$0]!.isCellLike }
        // Cell-like blocks side by side over the same rows form a grid.
        var sets = DisjointSets(count: cells.count)
        for first in cells.indices {
            for second in cells.indices.dropFirst(first + 1) {
                let (a, b) = (blocks[cells[first]]!, blocks[cells[second]]!)
                let shared = min(a.bottom, b.bottom) - max(a.top, b.top)
                let disjoint = a.right <= b.left || b.right <= a.left
                guard disjoint, shared * 2 > min(a.bottom - a.top, b.bottom - b.top) else { continue }
                sets.join(first, second)
            }
        }
        // Each cell-like block's grid: every block of it, in Tesseract's order.
        var grids: [Int: [Int]] = [:]
        for index in cells.indices { grids[sets.root(index), default: []].append(cells[index]) }
        var gridOf: [Int: [Int]] = [:]
        for members in grids.values { for id in members { gridOf[id] = members } }
        var emitted = Set<Int>()
        var result: [RecognizedWord] = []
        result.reserveCapacity(words.count)
        for id in order where !emitted.contains(id) {
            guard let members = gridOf[id], members.count > 1 else {
                emitted.insert(id)
                result += blocks[id]!.lines.flatMap { $0 }
                continue
            }
            emitted.formUnion(members)
            result += rows(of: members.flatMap { blocks[$0]!.lines }).flatMap { $0 }
        }
        return result
    }

    /// Lines gathered into rows, top to bottom, each left to right: a line joins the row whose middle its own is
    /// within half a line of (the words are deskewed by then).
    private static func rows(of lines: [[RecognizedWord]]) -> [[RecognizedWord]] {
        func middle(_ line: [RecognizedWord]) -> Double { Double(line[0].lineTop) + Double(line[0].lineHeight) / 2 }
        let sorted = lines.filter { !$0.isEmpty }.sorted { (middle($0), $0[0].left) < (middle($1), $1[0].left) }
        var rows: [(middle: Double, height: Double, lines: [[RecognizedWord]])] = []
        for line in sorted {
            if let last = rows.last, abs(last.middle - middle(line)) <= last.height / 2 {
                rows[rows.count - 1].lines.append(line)
            } else {
                rows.append((middle(line), Double(line[0].lineHeight), [line]))
            }
        }
        return rows.map { row in row.lines.sorted { $0[0].left < $1[0].left }.flatMap { $0 } }
    }
}
