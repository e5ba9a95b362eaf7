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

    /// Draws the outline of `rect`, `thickness` pixels wide, in grey `level`.
    static func outline(_ rect: PixelRect, thickness: Int, level: UInt8, on pixels: inout [UInt8], width: Int) {
        for row in rect.top..<rect.bottom {
            for column in rect.left..<rect.right {
                let inside =
                    row >= rect.top + thickness && row < rect.bottom - thickness && column >= rect.left + thickness
                    && column < rect.right - thickness
                if !inside { pixels[row * width + column] = level }
            }
        }
    }

    @Test("a field's box and an empty tick box are taken out; the text in them, a table's grid and letters stay")
    func boxesTakenOut() {
        let width = 800
        var pixels = [UInt8](repeating: 245, count: width * 400)
        let paint = { (rect: PixelRect, pixels: inout [UInt8]) in
            for row in rect.top..<rect.bottom {
                for column in rect.left..<rect.right { pixels[row * width + column] = 20 }
            }
        }
        // A grey field box with a word in it, a tick box, a ring (an "O") and an "H".
        Self.outline(
            PixelRect(left: 20, top: 20, right: 420, bottom: 60),
            thickness: 2,
            level: 120,
            on: &pixels,
            width: width
        )
        let word = PixelRect(left: 40, top: 30, right: 120, bottom: 50)
        paint(word, &pixels)
        Self.outline(
            PixelRect(left: 500, top: 20, right: 520, bottom: 40),
            thickness: 2,
            level: 30,
            on: &pixels,
            width: width
        )
        // A ring, 20 × 24, 3 px thick: an "O".
        for row in 20..<44 {
            for column in 560..<580 {
                let (dx, dy) = ((Double(column) - 569.5) / 10, (Double(row) - 31.5) / 12)
                let radius = (dx * dx + dy * dy).squareRoot()
                if radius <= 1, radius >= 0.72 { pixels[row * width + column] = 20 }
            }
        }
        for rect in [
            PixelRect(left: 620, top: 20, right: 623, bottom: 44),
            PixelRect(left: 637, top: 20, right: 640, bottom: 44),
            PixelRect(left: 620, top: 30, right: 640, bottom: 33),
        ] {
            paint(rect, &pixels)
        }
        // A table's grid: outer frame, one inner rule across, one down.
        Self.outline(
            PixelRect(left: 20, top: 200, right: 420, bottom: 300),
            thickness: 2,
            level: 20,
            on: &pixels,
            width: width
        )
        paint(PixelRect(left: 20, top: 249, right: 420, bottom: 251), &pixels)
        paint(PixelRect(left: 219, top: 200, right: 221, bottom: 300), &pixels)
        let page = GrayImage(width: width, height: 400, pixels: pixels)
        let cleared = page.withoutBoxes(threshold: 187)
        let dark = { (image: GrayImage, x: Int, y: Int) in image.pixels[y * width + x] < 187 }
        #expect(!dark(cleared, 200, 20) && !dark(cleared, 20, 40) && !dark(cleared, 419, 40))
        #expect(!dark(cleared, 500, 30) && !dark(cleared, 510, 20))
        #expect(dark(cleared, 60, 40))
        #expect(dark(cleared, 569, 20) && dark(cleared, 621, 25))
        #expect(dark(cleared, 20, 220) && dark(cleared, 100, 250))
    }
}
