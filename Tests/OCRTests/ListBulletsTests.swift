import Testing

@testable import OCR

/// List bullets on scans: a filled disc at a line's start is `•`, whatever Tesseract made of it or when it left it out.
@Suite("OCR: list bullets")
struct ListBulletsTests {
    /// A white 300 × 260 image with the given rectangles dark, and discs (`inner` > 0: rings) centred on points.
    static func page(rects: [PixelRect], discs: [(x: Int, y: Int, radius: Int, inner: Int)]) -> GrayImage {
        let (width, height) = (300, 260)
        var image = UncoveredInkTests.image(width: width, height: height, dark: rects)
        for disc in discs {
            for row in (disc.y - disc.radius)...(disc.y + disc.radius) {
                for column in (disc.x - disc.radius)...(disc.x + disc.radius) {
                    let distance = (row - disc.y) * (row - disc.y) + (column - disc.x) * (column - disc.x)
                    if distance <= disc.radius * disc.radius && distance > disc.inner * disc.inner {
                        image.pixels[row * width + column] = 20
                    }
                }
            }
        }
        return image
    }

    /// A word on line `line` (1…), whose line is 30 px high from y = 20 + 50 × (line − 1).
    static func word(_ text: String, _ box: PixelRect, line: Int) -> RecognizedWord {
        RecognizedWord(
            text: text,
            left: box.left,
            top: box.top,
            width: box.width,
            height: box.height,
            confidence: 0.9,
            line: line,
            lineTop: 20 + 50 * (line - 1),
            lineHeight: 30
        )
    }

    @Test("a misread disc becomes '•', a left-out one is put back; rings, big marks and lone marks stay as read")
    func bullets() {
        // Lines 30 px high; bullet discs 11 px wide.
        let texts = (0..<5).map { PixelRect(left: 45, top: 20 + $0 * 50, right: 105, bottom: 50 + $0 * 50) }
        var words = [
            Self.word("*", PixelRect(left: 19, top: 29, right: 32, bottom: 42), line: 1),
            Self.word("Data", texts[0], line: 1),
            Self.word("o", PixelRect(left: 19, top: 79, right: 32, bottom: 92), line: 2),
            Self.word("Text", texts[1], line: 2),
            Self.word("Items", texts[2], line: 3),
            Self.word("@", PixelRect(left: 13, top: 173, right: 38, bottom: 198), line: 4),
            Self.word("Wide", texts[3], line: 4),
        ]
        // Line 5: a mark alone on its line is no bullet.
        words.append(Self.word("+", PixelRect(left: 19, top: 229, right: 32, bottom: 242), line: 5))
        let image = Self.page(
            rects: texts.prefix(4).map { $0 },
            discs: [(25, 35, 5, 0), (25, 85, 5, 3), (25, 135, 5, 0), (25, 185, 12, 0), (25, 235, 5, 0)]
        )
        let uncovered = UncoveredInk.regions(in: image, outside: words, lineHeight: 30)
        #expect(uncovered.dots == [PixelRect(left: 20, top: 130, right: 31, bottom: 141)])
        let threshold = UncoveredInk.darkThreshold(image)
        let restored = ListBullets.restored(words, dots: uncovered.dots, in: image, threshold: threshold)
        #expect(restored.map(\.text) == ["•", "Data", "o", "Text", "•", "Items", "@", "Wide", "+"])
        #expect(restored[4].line == 3 && restored[4].left == 20)
    }
}
