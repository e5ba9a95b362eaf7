import Testing

@testable import OCR

/// The second look at a page: ink the page pass left unread is found, shaped into lines and joined to the page's
/// lines in reading order.
@Suite("OCR: ink the page pass did not read")
struct UncoveredInkTests {
    /// A white image with dark rectangles.
    static func image(width: Int, height: Int, dark rects: [PixelRect]) -> GrayImage {
        var pixels = [UInt8](repeating: 250, count: width * height)
        for rect in rects {
            for row in rect.top..<rect.bottom {
                for column in rect.left..<rect.right { pixels[row * width + column] = 20 }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    static func word(_ text: String, left: Int, top: Int, width: Int, height: Int, line: Int) -> RecognizedWord {
        RecognizedWord(
            text: text,
            left: left,
            top: top,
            width: width,
            height: height,
            confidence: 0.9,
            line: line,
            lineTop: top,
            lineHeight: height
        )
    }

    @Test("components are 8-connected and counted by their pixels")
    func components() {
        var ink = [Bool](repeating: false, count: 10 * 6)
        // A diagonal pair (one component), a bar of 4 (another), and a lone pixel.
        for (x, y) in [(1, 1), (2, 2), (5, 1), (6, 1), (7, 1), (8, 1), (4, 4)] { ink[y * 10 + x] = true }
        let found = InkComponents(ink, width: 10, height: 6)
        #expect(found.boxes.count == 3)
        #expect(found.areas.sorted() == [1, 2, 4])
        #expect(found.boxes.contains(PixelRect(left: 1, top: 1, right: 3, bottom: 3)))
        #expect(found.boxes.contains(PixelRect(left: 5, top: 1, right: 9, bottom: 2)))
    }

    @Test("letters beside the words read become one region; rules, specks and pictures do not")
    func regions() {
        // Letters 14 px high: four read as a word on the left, four unread on the right of the same line.
        let letters = (0..<4).map { PixelRect(left: 20 + $0 * 12, top: 40, right: 28 + $0 * 12, bottom: 54) }
        let unread = (0..<4).map { PixelRect(left: 300 + $0 * 12, top: 41, right: 308 + $0 * 12, bottom: 55) }
        let rule = PixelRect(left: 10, top: 100, right: 390, bottom: 102)
        let speck = PixelRect(left: 200, top: 150, right: 201, bottom: 151)
        let picture = PixelRect(left: 250, top: 120, right: 330, bottom: 195)
        let page = Self.image(width: 400, height: 200, dark: letters + unread + [rule, speck, picture])
        let read = [Self.word("word", left: 20, top: 40, width: 44, height: 14, line: 1)]
        let regions = UncoveredInk.regions(in: page, outside: read, lineHeight: 14).regions
        #expect(regions == [PixelRect(left: 300, top: 41, right: 344, bottom: 55)])
        // Nothing unread: nothing to read again.
        let clean = Self.image(width: 400, height: 200, dark: letters)
        #expect(UncoveredInk.regions(in: clean, outside: read, lineHeight: 14).regions.isEmpty)
    }

    @Test("a blank page's noise is never ink")
    func threshold() {
        var pixels = [UInt8](repeating: 240, count: 100 * 100)
        for index in stride(from: 0, to: pixels.count, by: 7) { pixels[index] = 225 }
        let noisy = GrayImage(width: 100, height: 100, pixels: pixels)
        #expect(UncoveredInk.darkThreshold(noisy) <= 192)
        #expect(UncoveredInk.regions(in: noisy, outside: [], lineHeight: 14).regions.isEmpty)
    }

    @Test("words found again join the line they sit on, in order; a line of their own follows its column")
    func merging() {
        let page = [
            Self.word("Coffee", left: 10, top: 50, width: 60, height: 14, line: 1),
            Self.word("Total", left: 10, top: 90, width: 50, height: 14, line: 2),
        ]
        let found = [
            Self.word("1,80", left: 300, top: 51, width: 40, height: 14, line: 1 << 32 | 1),
            Self.word("9,50", left: 300, top: 91, width: 40, height: 14, line: 2 << 32 | 1),
            Self.word("Thanks", left: 20, top: 70, width: 60, height: 14, line: 3 << 32 | 1),
        ]
        let merged = TextRecognizer.merged(found, into: page)
        #expect(merged.map(\.text) == ["Coffee", "1,80", "Thanks", "Total", "9,50"])
        #expect(merged[1].line == 1 && merged[4].line == 2)
        #expect(TextRecognizer.merged([], into: page).map(\.text) == ["Coffee", "Total"])
    }
}

/// The order words are handed to the layout in, and the tilt taken out of them.
@Suite("OCR: words in drawing order, upright")
struct WordOrderTests {
    static func word(_ text: String, _ left: Int, _ top: Int, line: Int, width: Int = 60) -> RecognizedWord {
        UncoveredInkTests.word(text, left: left, top: top, width: width, height: 20, line: line)
    }

    /// Line ids as Tesseract's TSV numbers them: block, paragraph, line.
    static func line(_ block: Int, _ number: Int) -> Int { (block * 1_000 + 1) * 1_000 + number }

    @Test("a table read as one block per column is handed over row by row; a column of prose stays whole")
    func rowsAcrossCells() {
        let words = [
            // Block 1: prose, five words a line.
            Self.word("One", 10, 10, line: Self.line(1, 1)), Self.word("two", 80, 10, line: Self.line(1, 1)),
            Self.word("three", 150, 10, line: Self.line(1, 1)), Self.word("four", 220, 10, line: Self.line(1, 1)),
            Self.word("five", 290, 10, line: Self.line(1, 1)),
            // Blocks 2 and 3: the two columns of a table, one word a line.
            Self.word("Nordics", 10, 100, line: Self.line(2, 1)), Self.word("DACH", 10, 140, line: Self.line(2, 2)),
            Self.word("44,361", 400, 102, line: Self.line(3, 1)), Self.word("73,421", 400, 141, line: Self.line(3, 2)),
        ]
        let ordered = TextRecognizer.rowsAcrossCells(words).map(\.text)
        #expect(ordered == ["One", "two", "three", "four", "five", "Nordics", "44,361", "DACH", "73,421"])
    }

    @Test("a tilted scan's drop is measured on baseline words and taken out, lines made as tall as their letters")
    func deskew() {
        // Two lines dropping 26 px over 1,000 px (1.5°); "jumpy" has a descender and is not measured.
        let words = [
            Self.word("Alpha", 0, 100, line: 1), Self.word("beta", 500, 113, line: 1),
            Self.word("Gamma", 1_000, 126, line: 1), Self.word("Delta", 0, 200, line: 2),
            Self.word("jumpy", 1_000, 240, line: 2), Self.word("Omega", 1_000, 226, line: 2),
        ]
        let tilt = TextRecognizer.tilt(of: words)
        #expect(abs(tilt - 0.026) < 0.001)
        let upright = TextRecognizer.deskewed(words, tilt: tilt)
        let firstLine = upright.filter { $0.line == 1 }
        #expect(Set(firstLine.map(\.lineTop)).count == 1)
        #expect(firstLine.allSatisfy { $0.lineHeight <= 22 })
        #expect(TextRecognizer.deskewed(words, tilt: 0).map(\.top) == words.map(\.top))
    }

    @Test("bars that are a table's rules are not words")
    func bars() {
        let tsv = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            4\t1\t1\t1\t1\t0\t10\t10\t300\t20\t-1\t
            5\t1\t1\t1\t1\t1\t10\t10\t8\t20\t40\t|
            5\t1\t1\t1\t1\t2\t30\t10\t80\t20\t95\t11,128.32|
            5\t1\t1\t1\t1\t3\t120\t10\t60\t20\t95\tBalance
            """
        let words = TextRecognizer.parse(tsv).compactMap(TextRecognizer.withoutRules)
        #expect(words.map(\.text) == ["11,128.32", "Balance"])
    }

    @Test("a row of separate dashes is a word of as many dashes; two stacked rows are '='; a drawn rule is neither")
    func dashRows() {
        // Line height 20: dashes 10 × 3 px every 14 px.
        let dashes = (0..<12).map { PixelRect(left: 40 + $0 * 14, top: 100, right: 50 + $0 * 14, bottom: 103) }
        let upper = (0..<8).map { PixelRect(left: 40 + $0 * 14, top: 200, right: 50 + $0 * 14, bottom: 202) }
        let lower = (0..<8).map { PixelRect(left: 40 + $0 * 14, top: 205, right: 50 + $0 * 14, bottom: 207) }
        let rule = [PixelRect(left: 40, top: 300, right: 400, bottom: 303)]
        // A thin tilted rule that binarisation broke into even pieces, each one pixel row below the last, wider
        // than a character: neither dashes nor text to read again.
        let brokenRule = (0..<10).map {
            PixelRect(left: 40 + $0 * 40, top: 350 + $0, right: 70 + $0 * 40, bottom: 351 + $0)
        }
        let minus = (0..<2).map { PixelRect(left: 40 + $0 * 14, top: 400, right: 50 + $0 * 14, bottom: 403) }
        // Specks of different sizes at random spacing are no row.
        let speckSpans: [(left: Int, width: Int)] = [(40, 6), (53, 11), (90, 7), (101, 12), (140, 5)]
        let specks = speckSpans.map { PixelRect(left: $0.left, top: 500, right: $0.left + $0.width, bottom: 502) }
        var dark: [PixelRect] = dashes + upper
        dark += lower + rule
        dark += brokenRule
        dark += minus + specks
        let page = UncoveredInkTests.image(width: 500, height: 600, dark: dark)
        let uncovered = UncoveredInk.regions(in: page, outside: [], lineHeight: 20)
        let found = uncovered.dashes
        #expect(!uncovered.regions.contains { $0.bottom > 340 && $0.top < 370 })
        let texts: [String] = found.map { $0.text }
        #expect(texts == [String(repeating: "-", count: 12), String(repeating: "=", count: 8)])
        #expect(found.first?.box == PixelRect(left: 40, top: 100, right: 204, bottom: 103))
    }
}
