import DocumentModel
import PDFText

/// The `--info` summary: page count, producer, encryption, fonts and per-page text-layer presence.
public enum DocumentInfo {
    public static func inspect(
        path: String,
        password: String?,
        pages: String?,
        limits: ConversionLimits
    ) throws -> JSONValue {
        try PDFDocument.withDocument(path: path, password: password, limits: limits) { pdf in
            let selection =
                try pages.map { try PageSelection(parsing: $0, pageCount: pdf.pageCount) } ?? .all(pdf.pageCount)
            let contents = try pdf.extractPages(selection)
            var fonts: [String: FontInfo] = [:]
            for page in contents { for font in page.fonts { fonts[font.name + "|" + font.kind] = font } }
            let fontList: [JSONValue] = fonts.keys.sorted().compactMap { key in
                guard let font = fonts[key] else { return nil }
                return .object([
                    ("name", .string(font.name)), ("kind", .string(font.kind)), ("bold", .bool(font.isBold)),
                    ("italic", .bool(font.isItalic)), ("monospace", .bool(font.isMonospace)),
                    ("vertical", .bool(font.isVertical)),
                ])
            }
            let pageList: [JSONValue] = contents.map { page in
                .object([
                    ("page", .int(page.number)), ("width", .number(page.width)), ("height", .number(page.height)),
                    ("rotation", .int(page.rotation)), ("hasTextLayer", .bool(page.hasTextLayer)),
                    ("glyphs", .int(page.glyphs.count)), ("unmappedGlyphs", .int(page.unmappedGlyphCount)),
                ])
            }
            var members: [(String, JSONValue)] = [
                ("engineVersion", .string(PDFEngine.version)),
                ("pageCount", .int(pdf.pageCount)),
                ("pdfVersion", .string(pdf.version)),
                ("encrypted", .bool(pdf.isEncrypted)),
            ]
            for key in ["Producer", "Creator", "Title", "Author"] {
                if let value = pdf.info(key) { members.append((key.lowercased(), .string(value))) }
            }
            members.append(("fonts", .array(fontList)))
            members.append(("pages", .array(pageList)))
            return .object(members)
        }
    }
}
