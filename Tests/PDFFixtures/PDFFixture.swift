import Foundation

/// Builds small, valid PDF files in test code: objects, pages, streams and a correct xref table.
///
/// Object 1 is the catalog and object 2 the page tree; everything else is numbered in the order it is added.
public struct PDFFixture {
    private var bodies: [[UInt8]] = [[], []]
    private var pages: [Int] = []

    public init() {}

    /// Adds an object and returns its number.
    @discardableResult
    public mutating func add(_ body: String) -> Int {
        bodies.append(Array(body.utf8))
        return bodies.count
    }

    /// Adds a stream object; `/Length` is filled in.
    @discardableResult
    public mutating func addStream(_ data: [UInt8], dictionary: String = "") -> Int {
        var body = Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8)
        body += data
        body += Array("\nendstream".utf8)
        bodies.append(body)
        return bodies.count
    }

    /// Adds a stream compressed with FlateDecode (zlib via Foundation).
    @discardableResult
    public mutating func addFlateStream(_ data: [UInt8], dictionary: String = "") -> Int {
        addStream(Zlib.compress(data), dictionary: dictionary + " /Filter /FlateDecode")
    }

    /// Adds a page with the given content stream and resources dictionary; returns the page object number.
    @discardableResult
    public mutating func addPage(
        content: String,
        resources: String = "<< >>",
        mediaBox: String = "[0 0 612 792]",
        extra: String = ""
    ) -> Int {
        addPage(contentObject: addStream(Array(content.utf8)), resources: resources, mediaBox: mediaBox, extra: extra)
    }

    /// Adds a page drawing the content stream object `contentObject` (which pages may share).
    @discardableResult
    public mutating func addPage(
        contentObject: Int,
        resources: String = "<< >>",
        mediaBox: String = "[0 0 612 792]",
        extra: String = ""
    ) -> Int {
        let page = add(
            "<< /Type /Page /Parent 2 0 R /MediaBox \(mediaBox) /Resources \(resources) /Contents \(contentObject) 0 R \(extra) >>"
        )
        pages.append(page)
        return page
    }

    /// The file's bytes.
    public func data(trailerExtra: String = "") -> [UInt8] {
        var objects = bodies
        objects[0] = Array("<< /Type /Catalog /Pages 2 0 R >>".utf8)
        let kids = pages.map { "\($0) 0 R" }.joined(separator: " ")
        objects[1] = Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8)
        var output = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// A one-page document showing `text` in Helvetica (WinAnsi) at 12 pt.
    public static func helloWorld(_ text: String = "Hello World") -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        pdf.addPage(
            content: "BT /F1 12 Tf 72 700 Td (\(text)) Tj ET",
            resources: "<< /Font << /F1 \(font) 0 R >> >>"
        )
        return pdf.data()
    }

    /// A one-page document whose content can use `/R` (Helvetica) and `/B` (Helvetica-Bold), both WinAnsi.
    public static func helvetica(_ content: String) -> [UInt8] {
        var pdf = PDFFixture()
        let regular = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        pdf.addPage(content: content, resources: "<< /Font << /R \(regular) 0 R /B \(bold) 0 R >> >>")
        return pdf.data()
    }

    /// A one-page document whose content can use `/C` (Courier, WinAnsi).
    public static func courier(_ content: String) -> [UInt8] {
        var pdf = PDFFixture()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
        pdf.addPage(content: content, resources: "<< /Font << /C \(font) 0 R >> >>")
        return pdf.data()
    }

    /// Hex digits of UTF-16BE, for ToUnicode CMaps.
    public static func utf16Hex(_ text: String) -> String {
        text.utf16.map { String(format: "%04X", $0) }.joined()
    }

    /// A ToUnicode CMap stream body with the given codespace and bfchar/bfrange sections.
    public static func toUnicodeCMap(codespace: String, bfchar: [String] = [], bfrange: [String] = []) -> [UInt8] {
        var text = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Test def /CMapType 2 def
            1 begincodespacerange \(codespace) endcodespacerange

            """
        if !bfchar.isEmpty {
            text += "\(bfchar.count) beginbfchar\n" + bfchar.joined(separator: "\n") + "\nendbfchar\n"
        }
        if !bfrange.isEmpty {
            text += "\(bfrange.count) beginbfrange\n" + bfrange.joined(separator: "\n") + "\nendbfrange\n"
        }
        text += "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        return Array(text.utf8)
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String = ".pdf") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skillspool-fixture-\(UUID().uuidString)\(suffix)"
        )
        try Data(bytes).write(to: url)
        return url.path
    }
}
