import Foundation
import Testing

@testable import OCR

/// A scan is turned level before it is read, and what is read is cut and ordered as the producer laid it out.
@Suite("OCR: level pages, blocks side by side")
struct PageLevelTests {
    /// A page of `lines` rows of letter-sized blocks, every row dropping `slope` pixels per pixel to the right.
    static func tiltedPage(slope: Double, lines: Int = 12) -> GrayImage {
        let (width, height) = (1_200, 1_000)
        var pixels = [UInt8](repeating: 245, count: width * height)
        for line in 0..<lines {
            let baseline = 120 + line * 60
            for letter in 0..<60 where letter % 7 != 6 {
                let left = 100 + letter * 16
                let drop = Int((Double(left) * slope).rounded())
                for row in (baseline - 20 + drop)..<(baseline + drop) {
                    for column in left..<(left + 11) { pixels[row * width + column] = 25 }
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// The pixel rows with ink in the columns `range`.
    static func inkRows(_ image: GrayImage, columns range: Range<Int>) -> Set<Int> {
        Set(
            (0..<image.height).filter { row in
                range.contains { image.pixels[row * image.width + $0] < 128 }
            }
        )
    }

    @Test("a page turned by 1.2° is turned back: a line's ink sits on the same rows at its two ends")
    func levelled() {
        let page = Self.tiltedPage(slope: tan(1.2 * Double.pi / 180))
        let (level, degrees) = page.levelled()
        #expect(abs(abs(degrees) - 1.2) < 0.15)
        #expect(level.width == page.width && level.height == page.height)
        // Tilted, the first line's two ends share no row; level, nearly all.
        let (start, end) = (110..<200, 950..<1_040)
        let before = Self.inkRows(page, columns: start).intersection(Self.inkRows(page, columns: end))
        let after = Self.inkRows(level, columns: start).intersection(Self.inkRows(level, columns: end))
        #expect(after.count > before.count + 12 * 10)
    }

    @Test("a level page is read as it is")
    func alreadyLevel() {
        let page = Self.tiltedPage(slope: 0)
        let (level, degrees) = page.levelled()
        #expect(degrees == 0)
        #expect(level.pixels == page.pixels)
    }
}
