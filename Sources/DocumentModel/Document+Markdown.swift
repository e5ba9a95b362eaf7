extension Document {
    /// GitHub-flavoured Markdown in reading order: the title as `#`, headings one level below, lists with their
    /// nesting, paragraphs; page furniture is left out and each page (or section) starts with an HTML comment naming it.
    /// A pure function of the model, so it is as deterministic as the JSON.
    public func markdown() -> String {
        var lines: [String] = []
        let hasTitle = sections.contains { section in
            section.blocks.contains { block in block.entries.contains { $0.kind == .title } }
        }
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append("<!-- \(section.label) -->")
            var previousWasItem = false
            for block in section.blocks where block.role == nil {
                if case .table(let table) = block {
                    lines.append("")
                    lines.append(contentsOf: Self.pipeTable(table))
                    previousWasItem = false
                    continue
                }
                for entry in block.entries {
                    let isItem = entry.kind == .listItem
                    if !(isItem && previousWasItem) { lines.append("") }
                    previousWasItem = isItem
                    switch entry.kind {
                    case .title:
                        lines.append("# " + Self.inline(entry.text))
                    case .heading:
                        let depth = min(6, (entry.level ?? 1) + (hasTitle ? 1 : 0))
                        lines.append(String(repeating: "#", count: depth) + " " + Self.inline(entry.text))
                    case .listItem:
                        let indent = String(repeating: "  ", count: max(0, (entry.level ?? 1) - 1))
                        let spelled = Self.markerStaysInText(entry.marker) ? Self.inline(entry.marker ?? "") + " " : ""
                        lines.append(indent + Self.listMarker(entry.marker) + " " + spelled + Self.inline(entry.text))
                    case .kv:
                        lines.append(
                            "**" + Self.inline(entry.key ?? "") + ":** " + Self.inline(entry.value ?? entry.text)
                        )
                    case .text:
                        lines.append(Self.paragraph(entry.text))
                    case .code:
                        lines.append(contentsOf: Self.fence(entry.text))
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GitHub pipe table with one header row (header rows merged into column names); footer rows are rendered
    /// as rows.
    public static func pipeTable(_ table: Table) -> [String] {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { inline($0).isEmpty ? " " : inline($0) }.joined(separator: " | ") + " |"
        }
        let count = table.columns.count
        var lines = [row(table.columnNames), "|" + String(repeating: " --- |", count: count)]
        lines += table.bodyRows.map(row)
        lines += table.footers.map { row($0.cells) }
        return lines
    }

    /// A fenced block longer than any run of backticks inside it.
    public static func fence(_ text: String) -> [String] {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + "text"] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [
            fence
        ]
    }

    /// `1.`/`2)`/`(3)` keep their number as `1.`; everything else becomes `-` (a marker Markdown cannot say stays
    /// in the item's text: ``markerStaysInText(_:)``).
    public static func listMarker(_ marker: String?) -> String {
        guard let marker, isNumberMarker(marker), marker.split(whereSeparator: { !$0.isNumber }).count == 1 else {
            return "-"
        }
        return marker.filter(\.isNumber) + "."
    }

    /// A marker of digits and punctuation only: `1.`, `(3)`, `2.1.1`.
    public static func isNumberMarker(_ marker: String) -> Bool {
        marker.contains(where: \.isNumber) && !marker.contains(where: \.isLetter)
    }

    /// Whether Markdown's own marker would lose what `marker` says: words ("Step 2:", "a)") or a number of several
    /// levels ("2.1.1", "4.3", which `2.` would turn into another number). Such a marker opens the item's text.
    public static func markerStaysInText(_ marker: String?) -> Bool {
        guard let marker else { return false }
        return marker.contains(where: \.isLetter) || marker.split(whereSeparator: { !$0.isNumber }).count > 1
    }

    /// Escapes characters that Markdown would read as markup inside a line.
    public static func inline(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": result.append("\\")
            default: break
            }
            result.append(character)
        }
        return result
    }

    /// A paragraph, escaped so that it cannot start a heading, list or quote.
    public static func paragraph(_ text: String) -> String {
        let escaped = inline(text)
        guard let first = escaped.first else { return escaped }
        if "#+-=".contains(first) { return "\\" + escaped }
        // "1. Text" or "1) Text" would become a list.
        let digits = escaped.prefix { $0.isNumber }
        if !digits.isEmpty, let next = escaped.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }
}

extension Block {
    /// The entries of a cluster block (none for a table).
    public var entries: [Entry] {
        switch self {
        case .cluster(let cluster): cluster.entries
        case .table: []
        }
    }

    /// The page-furniture role of the block, if any.
    public var role: String? {
        switch self {
        case .cluster(let cluster): cluster.role
        case .table: nil
        }
    }
}
