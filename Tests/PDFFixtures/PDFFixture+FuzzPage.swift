extension PDFFixture {
    /// A one-page PDF whose content stream is `content` (any bytes), with two standard fonts (`/F1`, `/F2`) and a
    /// form (`/X1`) in its resources; offsets are exact so qpdf needs no recovery. The `content` fuzz target's page,
    /// and the page its findings are replayed on.
    public static func page(drawing content: [UInt8]) -> [UInt8] {
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array(
                ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font "
                    + "<< /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> >>").utf8
            ),
            Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("\nendstream".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>".utf8),
            Array(
                ("<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 5 0 R >> >> "
                    + "/Length 24 >>\nstream\nBT /F1 9 Tf (form) Tj ET\nendstream").utf8
            ),
        ]
        var bytes = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return bytes + Array(table.utf8)
    }
}
