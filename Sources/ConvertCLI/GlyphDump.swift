import JSON
import OCR
import PDFText

/// `convert --format glyphs`: the raw glyph stream of the text engine, one tab-separated line per glyph.
enum GlyphDump {
    static func write(
        path: String,
        password: String?,
        pages: String?,
        limits: ConversionLimits,
        ocr: OCRMode = .auto,
        ocrLanguages: [String] = [OCRLanguage.automatic]
    ) throws {
        try PDFDocument.withDocument(path: path, password: password, limits: limits) { pdf in
            let selection =
                try pages.map { try PageSelection(parsing: $0, pageCount: pdf.pageCount) } ?? .all(pdf.pageCount)
            var output = "page\tx\ty\tadvance\tsize\tdx\tdy\tfont\trender\ttext\n"
            var extracted = try pdf.extractPages(selection)
            // Words read by OCR are glyphs like any others (font `OCR`).
            _ = try PageRecognizer.recognize(&extracted, in: pdf, mode: ocr, languages: ocrLanguages)
            for page in extracted {
                for glyph in page.glyphs {
                    let font = glyph.fontIndex >= 0 ? page.fonts[Int(glyph.fontIndex)].name : "-"
                    let fields = [
                        String(page.number), JSONWriter.format(glyph.x), JSONWriter.format(glyph.y),
                        JSONWriter.format(glyph.advance), JSONWriter.format(glyph.size),
                        JSONWriter.format(glyph.directionX), JSONWriter.format(glyph.directionY), font,
                        String(glyph.renderMode), glyph.isMapped ? glyph.text : "<unmapped>",
                    ]
                    output += fields.joined(separator: "\t") + "\n"
                }
            }
            StandardStreams.writeOut(output)
        }
    }
}
