/// List bullets (`•`) that Tesseract misreads. A bullet is a small filled disc in the middle of the line's
/// lowercase letters, with the item's text a little to its right; Tesseract's models read it as `*`, `+`, `e`, `¢`,
/// `«`, `©`, `-` or `:`, or leave it out. Its ink decides: a disc fills most of its box, which no letter or sign of
/// that size does (an `o` or `e` is a ring, `*` and `+` are strokes).
enum ListBullets {
    /// A disc fills π/4 ≈ 0.79 of its box; scanned and binarised, a little less or more. Rings and strokes fill less
    /// than half.
    static let minimumFill = 0.62

    /// A bullet found among the ink the page pass left out is placed, not recognised: its confidence says so.
    static let placedConfidence = 0.9

    /// `words` (in reading order) with each line's first word that is a misread bullet given back as `•`, and a `•`
    /// word put before each line whose bullet the page pass left out (one of `dots`, just left of the line's first
    /// word and level with it).
    static func restored(
        _ words: [RecognizedWord],
        dots: [PixelRect],
        in image: GrayImage,
        threshold: UInt8
    ) -> [RecognizedWord] {
        var firstOfLine: [Int: Int] = [:]
        var hasMore: Set<Int> = []
        for (index, word) in words.enumerated() {
            if let first = firstOfLine[word.line] {
                hasMore.insert(word.line)
                if word.left < words[first].left { firstOfLine[word.line] = index }
            } else {
                firstOfLine[word.line] = index
            }
        }
        var result = words
        for (line, index) in firstOfLine where hasMore.contains(line) {
            let word = words[index]
            guard word.text.count <= 2, !word.text.allSatisfy(\.isNumber), word.text != "•" else { continue }
            let box = PixelRect(
                left: word.left,
                top: word.top,
                right: word.left + word.width,
                bottom: word.top + word.height
            )
            guard let ink = inkBox(in: image, within: box, threshold: threshold) else { continue }
            let fill = Double(ink.dark) / Double(max(1, ink.box.width * ink.box.height))
            guard isDisc(ink.box, fill: fill, lineHeight: word.lineHeight) else { continue }
            result[index].text = "•"
        }
        // Each dot goes before the nearest line start to its right (within two line heights) that it is level with.
        var placed: [Int: RecognizedWord] = [:]
        for dot in dots {
            let middle = (dot.top + dot.bottom) / 2
            let owner = firstOfLine.values.filter { index in
                let word = words[index]
                return word.left >= dot.right && word.left - dot.right <= 2 * word.lineHeight
                    && word.top < middle && middle < word.top + word.height && result[index].text != "•"
            }.min { (words[$0].left, $0) < (words[$1].left, $1) }  // (ties by index: the same line every run)
            guard let owner, placed[owner] == nil else { continue }
            let word = words[owner]
            placed[owner] = RecognizedWord(
                text: "•",
                left: dot.left,
                top: dot.top,
                width: dot.width,
                height: dot.height,
                confidence: placedConfidence,
                line: word.line,
                lineTop: word.lineTop,
                lineHeight: word.lineHeight
            )
        }
        guard !placed.isEmpty else { return result }
        return result.indices.flatMap { index in placed[index].map { [$0, result[index]] } ?? [result[index]] }
    }

    /// A box and fill that make a bullet on a line `lineHeight` pixels high: about as wide as high, between a sixth
    /// and two fifths of the line's height (a lowercase letter is half of it), and mostly ink.
    static func isDisc(_ box: PixelRect, fill: Double, lineHeight: Int) -> Bool {
        let (width, height) = (box.width, box.height)
        return width * 4 >= height * 3 && height * 4 >= width * 3 && height * 6 >= lineHeight
            && height * 5 <= lineHeight * 2 && fill >= minimumFill
    }

    /// The tight box of the dark pixels inside `box`, and how many there are.
    static func inkBox(in image: GrayImage, within box: PixelRect, threshold: UInt8) -> (box: PixelRect, dark: Int)? {
        let (left, top) = (max(0, box.left), max(0, box.top))
        let (right, bottom) = (min(image.width, box.right), min(image.height, box.bottom))
        guard left < right, top < bottom else { return nil }
        var tight = PixelRect(left: right, top: bottom, right: left, bottom: top)
        var dark = 0
        for row in top..<bottom {
            let start = row * image.width
            for column in left..<right where image.pixels[start + column] < threshold {
                dark += 1
                tight.left = min(tight.left, column)
                tight.right = max(tight.right, column + 1)
                tight.top = min(tight.top, row)
                tight.bottom = max(tight.bottom, row + 1)
            }
        }
        return dark == 0 ? nil : (tight, dark)
    }
}
