import CQPDF
import PDFFixtures
import PDFText

/// Helpers shared by the PDFText tests.
enum TestSupport {
    /// The glyphs of the first page of a fixture.
    static func glyphs(_ bytes: [UInt8], limits: ConversionLimits = .default) throws -> [Glyph] {
        try page(bytes, limits: limits).glyphs
    }

    static func page(_ bytes: [UInt8], limits: ConversionLimits = .default) throws -> PageContent {
        let document = try PDFDocument(bytes: bytes, limits: limits)
        return try document.extractPages(.all(document.pageCount))[0]
    }

    /// The concatenated text of the first page's glyphs, in content order.
    static func text(_ bytes: [UInt8]) throws -> String {
        try glyphs(bytes).map(\.text).joined()
    }

    /// A document with one page showing `content` with font `F1` = the object `fontDictionary`.
    static func singleFont(
        _ fontDictionary: String,
        content: String,
        setup: (inout PDFFixture) -> Void = { _ in }
    )
        -> [UInt8]
    {
        var pdf = PDFFixture()
        setup(&pdf)
        let font = pdf.add(fontDictionary)
        pdf.addPage(content: content, resources: "<< /Font << /F1 \(font) 0 R >> >>")
        return pdf.data()
    }

    /// Encrypts `bytes` with AES-256 (revision 6) through qpdf.
    static func encrypt(_ bytes: [UInt8], user: String, owner: String) -> [UInt8] {
        var qpdf: qpdf_data? = qpdf_init()
        defer { qpdf_cleanup(&qpdf) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                _ = qpdf_read_memory(qpdf, "fixture", $0, UInt64(buffer.count), nil)
            }
        }
        _ = qpdf_init_write_memory(qpdf)
        qpdf_set_r6_encryption_parameters2(
            qpdf,
            user,
            owner,
            QPDF_TRUE,
            QPDF_TRUE,
            QPDF_TRUE,
            QPDF_TRUE,
            QPDF_TRUE,
            QPDF_TRUE,
            qpdf_r3p_full,
            QPDF_TRUE
        )
        _ = qpdf_write(qpdf)
        let length = qpdf_get_buffer_length(qpdf)
        let pointer = qpdf_get_buffer(qpdf)!
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }
}
