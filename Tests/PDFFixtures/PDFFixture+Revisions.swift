import Foundation

extension PDFFixture {
    /// A file of two revisions: a one-page document showing `first`, then an incremental update (a second
    /// cross-reference section with `/Prev`) that adds a page showing `added`. Returns the bytes and where the first
    /// revision's `%%EOF` line ends: cut there, the file is a complete one-page PDF.
    public static func twoRevisions(first: String, added: String) -> (bytes: [UInt8], firstRevision: Int) {
        // helloWorld's objects: 1 catalog, 2 page tree, 3 font, 4 content, 5 page.
        let base = helloWorld(first)
        let text = String(decoding: base, as: UTF8.self)
        let previous = text.components(separatedBy: "startxref\n").last?.prefix { $0.isNumber } ?? "0"
        var output = base
        var offsets: [Int: Int] = [:]
        func object(_ number: Int, _ body: String) {
            offsets[number] = output.count
            output += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let content = "BT /F1 12 Tf 72 700 Td (\(added)) Tj ET"
        object(6, "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        object(
            7,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 6 0 R >>"
        )
        object(2, "<< /Type /Pages /Kids [5 0 R 7 0 R] /Count 2 >>")
        func entry(_ number: Int) -> String {
            let digits = String(offsets[number] ?? 0)
            return String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        let xref = output.count
        output += Array(
            ("xref\n2 1\n" + entry(2) + "6 2\n" + entry(6) + entry(7)
                + "trailer\n<< /Size 8 /Root 1 0 R /Prev \(previous) >>\nstartxref\n\(xref)\n%%EOF\n").utf8
        )
        return (output, base.count)
    }
}
