import DocumentModel

/// Renders outline items as Markdown with page citations `(p. N)`, so every statement can be traced to the source.
enum SkillMarkdown {
    /// `(p. 12)`; QA's accuracy agent knows this form and does not count its number.
    static func citation(_ page: Int) -> String { "(p. \(page))" }

    /// `(pp. 3–9)` or `(p. 3)`.
    static func citation(_ first: Int, _ last: Int) -> String {
        first == last ? citation(first) : "(pp. \(first)–\(last))"
    }

    /// Lines for `items`; headings shift so that `topLevel` becomes `##`.
    static func lines(_ items: [OutlineItem], topLevel: Int, skipFirstHeading: Bool = false) -> [String] {
        var lines: [String] = []
        var previousWasListItem = false
        var skipped = !skipFirstHeading
        for item in items {
            let isList: Bool
            switch item {
            case .listItem, .keyValue: isList = true
            default: isList = false
            }
            if !(isList && previousWasListItem), !lines.isEmpty { lines.append("") }
            previousWasListItem = isList
            switch item {
            case .title(let text, _):
                lines.append("## " + Document.inline(text))
            case .heading(let text, let level, _):
                if !skipped {
                    skipped = true
                    if lines.last == "" { lines.removeLast() }
                    continue
                }
                let depth = min(6, max(2, level - topLevel + 2))
                lines.append(String(repeating: "#", count: depth) + " " + Document.inline(text))
            case .paragraph(let text, let page):
                lines.append(Document.paragraph(text) + " " + citation(page))
            case .listItem(let text, let marker, let level, let page):
                let indent = String(repeating: "  ", count: max(0, min(level, 4) - 1))
                // A marker in words ("Step 2:", "Schritt 3.", "a)") or of several levels ("4.2") is part of what the
                // document says: Markdown's "2." or "-" would lose it, so it stays in the item's text.
                let spelled = Document.markerStaysInText(marker)
                let body = (spelled ? Document.inline(marker ?? "") + " " : "") + Document.inline(text)
                lines.append(indent + Document.listMarker(marker) + " " + body + " " + citation(page))
            case .keyValue(let key, let value, let page):
                lines.append("- **" + Document.inline(key) + ":** " + Document.inline(value) + " " + citation(page))
            case .table(let table, let page):
                lines += table.columns.isEmpty ? [] : Document.pipeTable(table)
                lines.append("")
                lines.append("Table " + citation(page))
            }
        }
        return lines
    }

    /// A reference file: `# name`, a table of contents when the body runs over 100 lines, the content.
    static func reference(title: String, items: [OutlineItem], topLevel: Int) -> String {
        // The topic's heading as printed (numbering included) is the file's title.
        var title = title
        if case .heading(let text, _, _)? = items.first { title = text }
        let body = lines(items, topLevel: topLevel, skipFirstHeading: items.first.map(isHeading) ?? false)
        var out = ["# " + Document.inline(title), ""]
        if body.count + 2 > 100 {
            let headings = body.filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }
            out.append("## Contents")
            out.append("")
            if headings.isEmpty {
                out.append("- [\(Document.inline(title))](#\(SkillText.anchor(title)))")
            }
            for heading in headings {
                let indent = heading.hasPrefix("### ") ? "  " : ""
                let text = String(heading.drop { $0 == "#" }.dropFirst())
                out.append("\(indent)- [\(text)](#\(SkillText.anchor(unescape(text))))")
            }
            out.append("")
        }
        return (out + body).joined(separator: "\n") + "\n"
    }

    static func isHeading(_ item: OutlineItem) -> Bool {
        if case .heading = item { return true }
        return false
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            escaped = false
            out.append(character)
        }
        return out
    }
}
