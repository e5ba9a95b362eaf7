extension PDFFixture {
    /// A one-page PDF whose content stream is `content` (any bytes), with two standard fonts (`/F1`, `/F2`) and a
    /// form (`/X1`) in its resources. The `content` fuzz target's page, and the page its findings are replayed on.
    public static func page(drawing content: [UInt8]) -> [UInt8] {
        var pdf = PDFFixture()
        let sans = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>")
        let form = pdf.addStream(
            Array("BT /F1 9 Tf (form) Tj ET".utf8),
            dictionary: "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 \(sans) 0 R >> >>"
        )
        pdf.addPage(
            contentObject: pdf.addStream(content),
            resources: "<< /Font << /F1 \(sans) 0 R /F2 \(bold) 0 R >> /XObject << /X1 \(form) 0 R >> >>"
        )
        return pdf.data()
    }
}
