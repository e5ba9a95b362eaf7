extension PDFFixture {
    /// A document of text pages in Helvetica: each page's lines top down; the first line of the first page is a
    /// 16 pt bold title, a line starting with `# ` a 13 pt bold heading, and a line starting with `@footer ` is
    /// printed at the foot of its page (page numbering).
    public static func pages(_ pages: [[String]]) -> [UInt8] {
        var pdf = PDFFixture()
        let regular = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        for (pageIndex, lines) in pages.enumerated() {
            var content = ""
            var y = 740
            for (index, line) in lines.enumerated() {
                if line.hasPrefix("@footer ") {
                    content += "BT /R 9 Tf 260 40 Td (\(escaped(String(line.dropFirst(8))))) Tj ET\n"
                    continue
                }
                let (font, size, text): (String, Int, String) =
                    pageIndex == 0 && index == 0
                    ? ("B", 16, line) : line.hasPrefix("# ") ? ("B", 13, String(line.dropFirst(2))) : ("R", 11, line)
                if font == "B", index > 0 { y -= 8 }
                content += "BT /\(font) \(size) Tf 72 \(y) Td (\(escaped(text))) Tj ET\n"
                y -= font == "B" ? 24 : 16
            }
            pdf.addPage(content: content, resources: "<< /Font << /R \(regular) 0 R /B \(bold) 0 R >> >>")
        }
        return pdf.data()
    }

    /// `(`, `)` and `\` escaped for a PDF string; characters outside Latin-1 become `?`.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": out += "\\" + String(scalar)
            case _ where scalar.value < 0x80: out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x100: out += String(format: "\\%03o", scalar.value)
            default: out += "?"
            }
        }
        return out
    }
}
