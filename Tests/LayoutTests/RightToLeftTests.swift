import DocumentModel
import Layout
import PDFFixtures
import Testing

@Suite("Right-to-left text")
struct RightToLeftTests {
    /// Codes of a Type 0 test font (two bytes each) and the text its ToUnicode map gives them.
    static let letters: [(code: String, text: String)] = [
        ("0001", "م"), ("0002", "لا"), ("0003", "س"), ("0004", "ل"), ("0005", "ا"), ("0006", "ر"), ("0007", "ق"),
        ("0008", "1"), ("0009", "2"), ("000A", "ﻻ"), ("000B", "ﺳ"),
    ]

    /// A page drawing `content` with font /F1: every glyph 500 units wide, codes mapped by ``letters``.
    func page(_ content: String) throws -> String {
        let cmap = PDFFixture.toUnicodeCMap(
            codespace: "<0000> <FFFF>",
            bfchar: Self.letters.map { "<\($0.code)> <\(PDFFixture.utf16Hex($0.text))>" }
        )
        var pdf = PDFFixture()
        let map = pdf.addStream(cmap)
        let font = pdf.add(
            """
            << /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /ToUnicode \(map) 0 R
               /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 500
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>
            """
        )
        pdf.addPage(content: content, resources: "<< /Font << /F1 \(font) 0 R >> >>")
        return try DocumentConverter.convert(bytes: pdf.data()).text
    }

    @Test("a lam-alef ligature glyph keeps its letters in logical order when the line is reversed")
    func lamAlef() throws {
        // "السلام" drawn left to right as it looks: meem, lam-alef, seen, lam, alef.
        let text = try page("BT /F1 20 Tf 100 700 Td <00010002000300040005> Tj ET")
        #expect(text == "السلام\n")
    }

    @Test("presentation forms read as the letters they show")
    func presentationForms() throws {
        // Initial seen and the isolated lam-alef ligature form: "سلا" as it looks, left to right.
        let text = try page("BT /F1 20 Tf 100 700 Td <000A000B> Tj ET")
        #expect(text == "سلا\n")
    }

    @Test("a line drawn run by run from its right end, a number between the runs, is one line in logical order")
    func runsFromTheRight() throws {
        // "رقم 12 سلام" as an office suite draws it: the rightmost run first (each run left to right), then
        // the number left of it, then the last word further left.
        let content = """
            BT /F1 20 Tf 1 0 0 1 300 700 Tm <000100070006> Tj ET
            BT /F1 20 Tf 1 0 0 1 265 700 Tm <00080009> Tj ET
            BT /F1 20 Tf 1 0 0 1 175 700 Tm <00010002000B> Tj ET
            """
        let text = try page(content)
        #expect(text == "رقم 12 سلام\n")
    }
}
