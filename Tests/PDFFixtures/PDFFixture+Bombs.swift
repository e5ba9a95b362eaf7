/// Small files that make a naive engine spend unbounded memory or time: each page is cheap to store and expensive
/// to interpret.
extension PDFFixture {
    /// `pages` pages that each draw one Form XObject showing `glyphs` glyphs squeezed onto the page (`0.1 Tz`).
    public static func glyphBomb(pages: Int, glyphs: Int) -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let form = pdf.addFlateStream(
            Array("BT /F1 1 Tf 0.1 Tz 10 10 Td (".utf8) + [UInt8](repeating: UInt8(ascii: "A"), count: glyphs)
                + Array(") Tj ET".utf8),
            dictionary: "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 \(font) 0 R >> >>"
        )
        let content = pdf.addStream(Array("/X0 Do".utf8))
        for _ in 0..<pages {
            pdf.addPage(contentObject: content, resources: "<< /XObject << /X0 \(form) 0 R >> >>")
        }
        return pdf.data()
    }

    /// `pages` pages sharing one content stream of `repetitions` empty `q Q` pairs.
    public static func operatorBomb(pages: Int, repetitions: Int) -> [UInt8] {
        var pdf = PDFFixture()
        var operators: [UInt8] = []
        operators.reserveCapacity(repetitions * 4)
        for _ in 0..<repetitions { operators += [UInt8(ascii: "q"), 0x20, UInt8(ascii: "Q"), 0x20] }
        let content = pdf.addFlateStream(operators)
        for _ in 0..<pages { pdf.addPage(contentObject: content) }
        return pdf.data()
    }
}
