import PDFFixtures
import PDFText
import Testing

@Suite("Content stream interpreter")
struct InterpreterTests {
    private let helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

    @Test("TJ kerning, character and word spacing, horizontal scaling move glyphs")
    func positioning() throws {
        let bytes = TestSupport.singleFont(
            helvetica,
            content: "BT /F1 10 Tf 100 700 Td [(A) -1000 (B)] TJ 2 Tc 3 Tw (C D) Tj 50 Tz (E) Tj ET"
        )
        let glyphs = try TestSupport.glyphs(bytes)
        #expect(glyphs.map(\.text).joined() == "ABC DE")
        // A is 6.67 wide; -1000 in TJ moves 10 pt right.
        #expect(abs(glyphs[1].x - (100 + 6.67 + 10)) < 0.01)
        // After B (6.67): C at 123.34; C advance 7.22 + Tc 2; space 2.78 + Tc 2 + Tw 3.
        #expect(abs(glyphs[2].x - 123.34) < 0.01)
        #expect(abs(glyphs[3].x - (123.34 + 9.22)) < 0.01)
        #expect(abs(glyphs[4].x - (123.34 + 9.22 + 7.78)) < 0.01)
        // Display space has its origin top-left: baseline 700 on a 792 pt page is 92 pt from the top.
        #expect(abs(glyphs[0].y - 92) < 0.01)
    }

    @Test("the text operators ' \" T* TD TL Ts Tm")
    func lineOperators() throws {
        let content =
            "BT /F1 10 Tf 14 TL 72 700 Td (a) Tj T* (b) Tj (c) ' 1 0 (d) \" 0 -20 TD (e) Tj 5 Ts (f) Tj 2 0 0 2 300 300 Tm (g) Tj ET"
        let glyphs = try TestSupport.glyphs(TestSupport.singleFont(helvetica, content: content))
        #expect(glyphs.map(\.text).joined() == "abcdefg")
        let ys = glyphs.map { Int($0.y.rounded()) }
        #expect(ys == [92, 106, 120, 134, 154, 149, 482])  // the rise (5) is still on, scaled by Tm
        #expect(abs(glyphs[6].size - 20) < 0.01)
    }

    @Test("q/Q and cm transform text; text outside the page is dropped")
    func transforms() throws {
        let content =
            "q 1 0 0 1 100 0 cm BT /F1 10 Tf 0 700 Td (in) Tj ET Q BT /F1 10 Tf 700 700 Td (out) Tj -900 0 Td (left) Tj ET"
        let page = try TestSupport.page(TestSupport.singleFont(helvetica, content: content))
        #expect(page.glyphs.map(\.text).joined() == "in")
        #expect(abs(page.glyphs[0].x - 100) < 0.01)
        #expect(page.clippedGlyphCount == 7)
    }

    @Test("/Rotate turns the display space", arguments: [(90, 792.0, 612.0), (180, 612.0, 792.0), (270, 792.0, 612.0)])
    func rotation(rotate: Int, width: Double, height: Double) throws {
        var pdf = PDFFixture()
        let font = pdf.add(helvetica)
        pdf.addPage(
            content: "BT /F1 10 Tf 72 700 Td (R) Tj ET",
            resources: "<< /Font << /F1 \(font) 0 R >> >>",
            extra: "/Rotate \(rotate)"
        )
        let page = try TestSupport.page(pdf.data())
        #expect(page.width == width && page.height == height && page.rotation == rotate)
        let glyph = try #require(page.glyphs.first)
        switch rotate {
        case 90: #expect(abs(glyph.x - 700) < 0.01 && abs(glyph.y - 72) < 0.01 && glyph.directionY > 0.99)
        case 180: #expect(abs(glyph.x - 540) < 0.01 && abs(glyph.y - 700) < 0.01 && glyph.directionX < -0.99)
        default: #expect(abs(glyph.x - 92) < 0.01 && abs(glyph.y - 540) < 0.01 && glyph.directionY < -0.99)
        }
    }

    @Test("CropBox and UserUnit define the display space; inherited attributes are used")
    func boxes() throws {
        var pdf = PDFFixture()
        let font = pdf.add(helvetica)
        pdf.addPage(
            content: "BT /F1 10 Tf 150 150 Td (c) Tj ET",
            resources: "<< /Font << /F1 \(font) 0 R >> >>",
            extra: "/CropBox [100 100 300 400] /UserUnit 2"
        )
        let page = try TestSupport.page(pdf.data())
        #expect(page.width == 400 && page.height == 600)
        #expect(abs(page.glyphs[0].x - 100) < 0.01 && abs(page.glyphs[0].y - 500) < 0.01)
    }

    @Test("inline images are skipped, with and without filters")
    func inlineImages() throws {
        let content =
            "BI /W 4 /H 2 /BPC 8 /CS /G ID \u{00}EI\u{01}\u{02}\u{03}\u{04}\u{05}\u{06}\u{07} EI BT /F1 10 Tf 72 700 Td (ok) Tj ET BI /W 2 /H 2 /F /AHx ID 00ff00ff> EI BT /F1 10 Tf 72 680 Td (!) Tj ET"
        let glyphs = try TestSupport.glyphs(TestSupport.singleFont(helvetica, content: content))
        #expect(glyphs.map(\.text).joined() == "ok!")
    }

    @Test("Form XObjects draw with their matrix and resources; a form that draws itself stops")
    func forms() throws {
        var pdf = PDFFixture()
        let font = pdf.add(helvetica)  // 3
        pdf.addStream(  // 4: draws text, then itself
            Array("BT /G 10 Tf 0 0 Td (form) Tj ET /Self Do".utf8),
            dictionary:
                "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 50 50] /Resources << /Font << /G \(font) 0 R >> /XObject << /Self 4 0 R >> >>"
        )
        pdf.addPage(content: "/Fm Do", resources: "<< /XObject << /Fm 4 0 R >> >>")
        let glyphs = try TestSupport.glyphs(pdf.data())
        #expect(glyphs.map(\.text).joined() == "form")
        #expect(abs(glyphs[0].x - 50) < 0.01 && abs(glyphs[0].y - 742) < 0.01)
    }

    @Test("paths become rulings and rectangles with their colours")
    func rulings() throws {
        let content =
            "0.5 w 1 0 0 RG 72 500 m 300 500 l S 0 0 1 rg 72 400 228 0.5 re f 0.9 g 72 300 100 50 re f 72 200 m 100 250 l S 72 100 m 80 120 90 130 100 100 c S"
        let page = try TestSupport.page(TestSupport.singleFont(helvetica, content: content))
        #expect(page.rulings.count == 2)
        let stroked = try #require(page.rulings.first { $0.red == 1 })
        #expect(abs(stroked.y0 - 292) < 0.01 && abs(stroked.x1 - 300) < 0.01 && abs(stroked.lineWidth - 0.5) < 0.01)
        let thin = try #require(page.rulings.first { $0.blue == 1 })
        #expect(abs(thin.x1 - thin.x0 - 228) < 0.01)
        #expect(page.rects.count == 1)
        #expect(page.rects[0].isFilled && abs(page.rects[0].red - 0.9) < 0.01 && page.rects[0].rect.height == 50)
    }

    @Test(
        "malformed content never traps",
        arguments: [
            "BT /F1 Tf Tj TJ ET", "BT (unterminated", "[[[[[[", "<< /A << /B",
            "1 2 3 4 5 cm 0 0 0 0 0 0 cm BT /F1 12 Tf (x) Tj ET",
            "BT /Missing 12 Tf (x) Tj ET", "Q Q Q q", "BI /W 1 ID", ") ) } { ]",
            "BT /F1 1e308 Tf 1e308 1e308 Td (x) Tj ET",
        ]
    )
    func malformed(content: String) throws {
        _ = try TestSupport.page(TestSupport.singleFont(helvetica, content: content))
    }
}
