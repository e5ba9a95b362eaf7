extension Document {
    /// Plain ASCII-art text for terminals and logs: the document type line, `== Page N ==` separators, headings
    /// underlined, list items indented with their markers, `key: value` lines. A pure function of the model.
    public func ascii() -> String {
        var lines: [String] = []
        var typeLine = "# " + documentType.type
        if let subtype = documentType.subtype { typeLine += "/" + subtype }
        typeLine += " (confidence " + JSONWriter.format(documentType.confidence) + ")"
        lines.append(typeLine)
        for section in sections {
            lines.append("")
            lines.append("== Page \(section.index + 1) ==")
            for block in section.blocks where block.role == nil {
                for entry in block.entries {
                    switch entry.kind {
                    case .title:
                        lines.append("")
                        lines.append(entry.text.uppercased())
                        lines.append(String(repeating: "=", count: min(78, entry.text.count)))
                    case .heading:
                        lines.append("")
                        lines.append(entry.text)
                        let underline: Character = (entry.level ?? 1) <= 1 ? "=" : "-"
                        lines.append(String(repeating: underline, count: min(78, entry.text.count)))
                    case .listItem:
                        let indent = String(repeating: "  ", count: max(0, (entry.level ?? 1) - 1))
                        lines.append(indent + (entry.marker ?? "*") + " " + entry.text)
                    case .kv, .text:
                        lines.append("")
                        lines.append(contentsOf: Self.wrap(entry.text, width: 78))
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Greedy word wrap at `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
