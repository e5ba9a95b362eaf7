import JSON

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
            lines.append("== " + section.label.prefix(1).uppercased() + section.label.dropFirst() + " ==")
            for block in section.blocks where block.role == nil {
                if case .table(let table) = block {
                    lines.append("")
                    lines.append(contentsOf: Self.boxTable(table))
                    continue
                }
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
                    case .kv:
                        lines.append((entry.key ?? "") + ": " + (entry.value ?? entry.text))
                    case .text:
                        lines.append("")
                        lines.append(contentsOf: Self.wrap(entry.text, width: 78))
                    case .code:
                        lines.append("")
                        lines += entry.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A `+---+` table; columns whose cells are all numbers are right-aligned.
    static func boxTable(_ table: Table) -> [String] {
        let all = [table.columns] + table.rows + table.footers.map(\.cells)
        let count = table.columns.count
        var widths = [Int](repeating: 1, count: count)
        for row in all {
            for (index, cell) in row.enumerated() where index < count { widths[index] = max(widths[index], cell.count) }
        }
        let numeric = (0..<count).map { column in
            let values = (table.bodyRows + table.footers.map(\.cells)).map { $0[column] }.filter { !$0.isEmpty }
            return !values.isEmpty
                && values.allSatisfy { value in
                    value.allSatisfy { $0.isNumber || " .,'%-+€$£¥".contains($0) } && value.contains(where: \.isNumber)
                }
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) + "+" }.joined()
        func line(_ cells: [String]) -> String {
            "|"
                + (0..<count).map { index in
                    let cell = index < cells.count ? cells[index] : ""
                    let padding = String(repeating: " ", count: widths[index] - cell.count)
                    return " " + (numeric[index] ? padding + cell : cell + padding) + " |"
                }.joined()
        }
        var lines = [rule]
        // Header rows stay on their own lines above the rule, as printed.
        if table.columns.contains(where: { !$0.isEmpty }) || table.headerRows > 0 {
            lines += [line(table.columns)] + table.rows.prefix(table.headerRows).map(line) + [rule]
        }
        lines += table.bodyRows.map(line)
        if !table.footers.isEmpty { lines += [rule] + table.footers.map { line($0.cells) } }
        lines.append(rule)
        return lines
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
