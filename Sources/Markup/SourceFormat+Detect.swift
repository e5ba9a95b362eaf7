import DocumentModel

extension SourceFormat {
    /// The format of `bytes`, read from their content: a `%PDF-` header in the first 1,024 bytes, a zip holding
    /// `word/document.xml`, HTML markup at the start, Markdown's marks, or else text. `hint` (a file name's
    /// format or a declared media type) decides between Markdown and text, which bytes alone cannot. Nil for
    /// binary data that is none of these.
    public static func detect(_ bytes: [UInt8], hint: SourceFormat? = nil) -> SourceFormat? {
        if InternalSearch.contains(bytes.prefix(1_024), Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // Zip members' names are stored uncompressed in their headers and the central directory.
            return InternalSearch.contains(bytes[...], Array("word/document.xml".utf8)) ? .docx : nil
        }
        guard TextDecoding.decode(Array(bytes.prefix(65_536))) != nil else { return nil }
        let head = String(decoding: bytes.prefix(4_096), as: UTF8.self).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
            || start.hasPrefix("<?xml")
                && head.contains("<html")
            || (start.hasPrefix("<") && (head.contains("<body") || head.contains("<head")))
        {
            return .html
        }
        if hint == .markdown || hint == .text { return hint }
        if hint == .html { return .html }
        return looksLikeMarkdown(head) ? .markdown : .text
    }

    /// Markdown's own marks at line starts: ATX headings, fences, pipe-table rules, front matter.
    static func looksLikeMarkdown(_ head: String) -> Bool {
        let lines = head.split(whereSeparator: \.isNewline)
        if lines.first == "---" { return true }
        return lines.contains { line in
            line.hasPrefix("```") || line.hasPrefix("~~~")
                || (line.hasPrefix("#") && line.drop { $0 == "#" }.first == " " && line.prefix { $0 == "#" }.count <= 6)
                || (line.hasPrefix("|") && line.contains("---"))
        }
    }
}
