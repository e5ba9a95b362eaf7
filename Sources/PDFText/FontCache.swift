/// Caches decoded fonts by object id across the pages of a document.
final class FontCache {
    private var fonts: [ObjectID: PDFFont] = [:]

    func font(id: ObjectID, dictionary: PDFDictionary, document: PDFDocument) -> PDFFont {
        if let cached = fonts[id] { return cached }
        let font = FontLoader(document: document).load(dictionary)
        fonts[id] = font
        return font
    }
}
