extension TextRecognizer {
    /// Words read again in a region below this confidence are left out: a region is chosen for its ink, which may
    /// be a stamp, a signature or the edge of a picture, and what Tesseract makes of those is unsure.
    static let minimumRegionConfidence = 0.4
    /// A row of dashes is counted, not recognised: its confidence says so without claiming certainty.
    static let dashRowConfidence = 0.9

    /// The words of a page image: a whole-page pass, then every line-sized region of ink that pass left unread, each
    /// read as one line (or one block when it is taller), in the page's pixel space and in the order a producer
    /// would draw them (tables row by row).
    func pageWords(in scan: GrayImage, dpi: Int) -> [RecognizedWord] {
        // Boxes are thin, often grey lines: judged on everything clearly darker than the paper, so that a line the
        // ink threshold breaks into pieces is still one outline.
        let image = scan.withoutBoxes(threshold: UInt8((Int(UncoveredInk.darkThreshold(scan)) + 255) / 2))
        let words = words(in: image, dpi: dpi)
        var found: [RecognizedWord] = []
        let heights = words.map(\.lineHeight).sorted()
        // Without a word to measure, a line is taken to be 10 points high.
        let lineHeight = heights.isEmpty ? max(8, dpi * 10 / 72) : heights[heights.count / 2]
        let border = max(8, lineHeight / 2)
        let uncovered = UncoveredInk.regions(in: image, outside: words, lineHeight: lineHeight)
        for (index, region) in uncovered.regions.enumerated() {
            let framed = PixelRect(
                left: region.left - 2,
                top: region.top - 2,
                right: region.right + 2,
                bottom: region.bottom + 2
            )
            let crop = image.cropped(to: framed, border: border)
            let segmentation: Segmentation = region.height < 2 * lineHeight ? .line : .block
            let (dx, dy) = (max(0, framed.left) - border, max(0, framed.top) - border)
            for var word in self.words(in: crop, dpi: dpi, segmentation: segmentation)
            where word.confidence >= Self.minimumRegionConfidence {
                word.left += dx
                word.top += dy
                word.lineTop += dy
                // Lines of different regions stay apart, and apart from the page pass's.
                word.line += (index + 1) << 32
                found.append(word)
            }
        }
        // Rows of dashes are lines of their own. Their box is the x-height of the text around them (a dash sits in
        // it), not the bars' thickness, so the line's font size comes out as its neighbours'.
        for (index, row) in uncovered.dashes.enumerated() {
            let middle = (row.box.top + row.box.bottom) / 2
            let height = max(row.box.height, lineHeight * 56 / 100)
            found.append(
                RecognizedWord(
                    text: row.text,
                    left: row.box.left,
                    top: middle - height / 2,
                    width: row.box.width,
                    height: height,
                    confidence: Self.dashRowConfidence,
                    line: (UncoveredInk.maxRegions + index + 1) << 32,
                    lineTop: middle - height / 2,
                    lineHeight: height
                )
            )
        }
        let merged = Self.merged(found, into: words).compactMap(Self.withoutRules)
        let all = ListBullets.restored(merged, dots: uncovered.dots, in: image, threshold: uncovered.threshold)
        return Self.columnsApart(Self.rowsAcrossCells(Self.deskewed(all, tilt: Self.tilt(of: words))))
    }

    /// A table's vertical rules come back as bars, alone or stuck to a cell's first or last word: they are not
    /// text. (Taken out only once the regions are chosen, so that their ink does not count as unread.)
    static func withoutRules(_ word: RecognizedWord) -> RecognizedWord? {
        let isBar = { (character: Character) in character == "|" || character == "¦" }
        guard word.text.contains(where: isBar) else { return word }
        var word = word
        word.text = String(word.text.drop(while: isBar).reversed().drop(while: isBar).reversed())
        return word.text.isEmpty ? nil : word
    }

    /// The page pass's words with the words found in regions joined to the lines they sit on, in reading order:
    /// a word on a line of the page pass joins it (the line's box, in order of their left edges); a line of its own
    /// follows the nearest line above it that shares some of its width (the same column), else comes last.
    static func merged(_ found: [RecognizedWord], into words: [RecognizedWord]) -> [RecognizedWord] {
        guard !found.isEmpty else { return words }
        var order: [Int] = []
        var lines: [Int: [RecognizedWord]] = [:]
        for word in words {
            if lines[word.line] == nil { order.append(word.line) }
            lines[word.line, default: []].append(word)
        }
        let pageLines = order
        // A region is chosen for its ink, and a dark band (a table's header row in white on black) is ink the page
        // pass did read: a word over half of which lies on a page word is that word again.
        for var word in found where !words.contains(where: { covers($0, half: word) }) {
            let top = word.top
            let bottom = word.top + word.height
            // Of the page lines this word shares at least half its height with, the nearest across the page: in a
            // table read one block per column, a cell the page pass missed joins the column beside it, which keeps
            // the columns apart.
            let host = pageLines.filter { line in
                let first = lines[line]![0]
                return overlap(first, top, bottom) * 2 >= min(word.height, first.lineHeight)
            }.min { a, b in distance(lines[a]!, word) < distance(lines[b]!, word) }
            if let host, let first = lines[host]?.first {
                word.line = host
                word.lineTop = first.lineTop
                word.lineHeight = first.lineHeight
                lines[host]!.append(word)
                continue
            }
            if lines[word.line] == nil {
                // After the nearest page line above it in the same column.
                let above = pageLines.filter { line in
                    let box = extent(lines[line]!)
                    return box.top <= word.lineTop && box.left < word.left + word.width && word.left < box.right
                }
                let anchor = above.max { extent(lines[$0]!).top < extent(lines[$1]!).top }
                let position = anchor.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? order.count
                order.insert(word.line, at: position)
            }
            lines[word.line, default: []].append(word)
        }
        return order.flatMap { line in lines[line]!.sorted { ($0.left, $0.top) < ($1.left, $1.top) } }
    }

    /// How far apart two words are across the page (pixels; 0 or less when they overlap).
    static func gap(_ a: RecognizedWord, _ b: RecognizedWord) -> Int {
        max(a.left, b.left) - min(a.left + a.width, b.left + b.width)
    }

    /// How far a word is across the page from the nearest word of a line (0 when it overlaps one).
    private static func distance(_ line: [RecognizedWord], _ word: RecognizedWord) -> Int {
        line.map { max(0, gap($0, word)) }.min() ?? Int.max
    }

    /// Whether `word` covers at least half of the smaller of the two boxes.
    static func covers(_ word: RecognizedWord, half other: RecognizedWord) -> Bool {
        let width = min(word.left + word.width, other.left + other.width) - max(word.left, other.left)
        let height = min(word.top + word.height, other.top + other.height) - max(word.top, other.top)
        guard width > 0, height > 0 else { return false }
        return 2 * width * height >= min(word.width * word.height, other.width * other.height)
    }

    /// How many pixel rows a line (given by one of its words) shares with the span `top..<bottom`.
    private static func overlap(_ word: RecognizedWord, _ top: Int, _ bottom: Int) -> Int {
        max(0, min(word.lineTop + word.lineHeight, bottom) - max(word.lineTop, top))
    }

    /// The box of a line's words.
    private static func extent(_ words: [RecognizedWord]) -> (left: Int, top: Int, right: Int) {
        (words.map(\.left).min() ?? 0, words.map(\.lineTop).min() ?? 0, words.map { $0.left + $0.width }.max() ?? 0)
    }
}
