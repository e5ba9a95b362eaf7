extension TextRecognizer {
    /// Lines split off another line get numbers from here up, apart from page-pass and region lines.
    static let splitLineBase = 1 << 48

    /// Lines cut where two blocks side by side meet, and each such pair of blocks read one after the other.
    ///
    /// Tesseract joins words across a wide gap into one line when their boxes overlap in height — an address beside
    /// a contact block, a form's two columns — though their baselines differ: they are lines of separate blocks. The
    /// lines around such a cut that stay on one side of its gap (the rest of the address, a label read in a region)
    /// belong to the same two blocks; the left block is given first, then the right, each top to bottom, as the
    /// producer drew them. Cells of a table row share a baseline on a level page: they stay one line, and a line
    /// across the gap ends the pair of blocks.
    static func columnsApart(_ words: [RecognizedWord]) -> [RecognizedWord] {
        var lines: [[RecognizedWord]] = []
        var cuts: [Int] = []  // indices of lines that are the right piece of a cut
        var split = 0
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, words[end].line == words[start].line { end += 1 }
            let line = words[start..<end].sorted { $0.left < $1.left }
            for (index, piece) in pieces(of: line).enumerated() {
                guard index > 0 else {
                    lines.append(piece)
                    continue
                }
                split += 1
                let top = piece.map(\.top).min()!
                let bottom = piece.map { $0.top + $0.height }.max()!
                cuts.append(lines.count)
                lines.append(
                    piece.map { word in
                        var word = word
                        word.line = splitLineBase + split
                        (word.lineTop, word.lineHeight) = (top, bottom - top)
                        return word
                    }
                )
            }
            start = end
        }
        guard !cuts.isEmpty else { return words }
        var done = 0
        var result: [[RecognizedWord]] = []
        for cut in cuts where cut > done {
            let band = blocks(around: cut, in: lines, from: done)
            result += lines[done..<band.range.lowerBound]
            result += band.left.sorted { $0[0].lineTop < $1[0].lineTop }
            result += band.right.sorted { $0[0].lineTop < $1[0].lineTop }
            done = band.range.upperBound
        }
        result += lines[done...]
        return result.flatMap { $0 }
    }

    /// The lines next to the cut at `cut` (the right piece; the left piece is just before it) that keep to one side
    /// of its gap, without crossing it or lying far above or below: the range they take in `lines` (not before
    /// `floor`) and the lines of either side.
    private static func blocks(
        around cut: Int,
        in lines: [[RecognizedWord]],
        from floor: Int
    ) -> (range: Range<Int>, left: [[RecognizedWord]], right: [[RecognizedWord]]) {
        let extent = { (line: [RecognizedWord]) in
            (
                left: line[0].left, right: line.map { $0.left + $0.width }.max()!, top: line[0].lineTop,
                bottom: line[0].lineTop + line[0].lineHeight
            )
        }
        let height = lines[cut][0].lineHeight
        var (gapLeft, gapRight) = (extent(lines[cut - 1]).right, extent(lines[cut]).left)
        var (top, bottom) = (extent(lines[cut - 1]).top, extent(lines[cut - 1]).bottom)
        var (left, right) = ([lines[cut - 1]], [lines[cut]])
        // Whether a line keeps to one side (and which), narrowing the gap and widening the band if so.
        func take(_ index: Int) -> Bool {
            let box = extent(lines[index])
            guard box.top <= bottom + 3 * height, box.bottom >= top - 3 * height else { return false }
            let (onLeft, onRight) = (box.right < gapRight, box.left > gapLeft)
            guard onLeft != onRight else { return false }
            if onLeft {
                guard gapRight - max(gapLeft, box.right) >= height else { return false }
                gapLeft = max(gapLeft, box.right)
                left.append(lines[index])
            } else {
                guard min(gapRight, box.left) - gapLeft >= height else { return false }
                gapRight = min(gapRight, box.left)
                right.append(lines[index])
            }
            (top, bottom) = (min(top, box.top), max(bottom, box.bottom))
            return true
        }
        var lower = cut - 1
        while lower > floor, take(lower - 1) { lower -= 1 }
        var upper = cut + 1
        while upper < lines.count, take(upper) { upper += 1 }
        return (lower..<upper, left, right)
    }

    /// A line's words (left to right) cut at each gap of two line heights or more whose two sides stand apart in
    /// height.
    static func pieces(of line: [RecognizedWord]) -> [[RecognizedWord]] {
        guard let first = line.first else { return [] }
        var runs: [[RecognizedWord]] = [[first]]
        for word in line.dropFirst() {
            if gap(runs[runs.count - 1].last!, word) >= 2 * word.lineHeight {
                runs.append([word])
            } else {
                runs[runs.count - 1].append(word)
            }
        }
        var pieces: [[RecognizedWord]] = [runs[0]]
        for run in runs.dropFirst() {
            if standApart(pieces[pieces.count - 1], run) {
                pieces.append(run)
            } else {
                pieces[pieces.count - 1] += run
            }
        }
        return pieces
    }

    /// Whether two runs of words stand apart in height: their tops and their bottoms (medians) both lie more
    /// than a quarter of a letter's height apart, the same way. A shaded row or a descender stretches one end of a
    /// box only; a line of another block has both ends elsewhere.
    static func standApart(_ left: [RecognizedWord], _ right: [RecognizedWord]) -> Bool {
        func median(_ values: [Int]) -> Int { values.sorted()[values.count / 2] }
        let tops = (median(left.map(\.top)), median(right.map(\.top)))
        let bottoms = (median(left.map { $0.top + $0.height }), median(right.map { $0.top + $0.height }))
        let height = min(median(left.map(\.height)), median(right.map(\.height)))
        let (dt, db) = (tops.1 - tops.0, bottoms.1 - bottoms.0)
        return (dt > 0) == (db > 0) && 4 * min(abs(dt), abs(db)) > height
    }
}
