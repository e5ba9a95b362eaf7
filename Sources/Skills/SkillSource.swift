import DocumentModel

/// A converted document and what a skill's metadata says about where it came from.
public struct SkillSource: Sendable {
    public var document: Document
    /// The document's file name as dropped.
    public var fileName: String
    public var sha256: String
    /// The converted pages (`1-11,18`).
    public var pages: String

    public init(document: Document, fileName: String, sha256: String, pages: String) {
        self.document = document
        self.fileName = fileName
        self.sha256 = sha256
        self.pages = pages
    }

    /// The file name without its document extension (`.pdf`, `.docx`, `.html`, `.htm`, `.md`, `.markdown`, `.txt`).
    public var stem: String {
        let lower = fileName.lowercased()
        guard let suffix = Self.documentExtensions.first(where: { lower.hasSuffix($0) && lower.count > $0.count })
        else { return fileName }
        return String(fileName.dropLast(suffix.count))
    }

    static let documentExtensions = [".pdf", ".docx", ".html", ".htm", ".markdown", ".md", ".txt", ".text"]
}

/// One piece of a document's body in reading order, with the page it is on (1-based).
public enum OutlineItem: Sendable {
    case title(String, page: Int)
    case heading(String, level: Int, page: Int)
    case paragraph(String, page: Int)
    case listItem(String, marker: String?, level: Int, page: Int)
    case keyValue(key: String, value: String, page: Int)
    case table(Table, page: Int)

    public var page: Int {
        switch self {
        case .title(_, let page), .heading(_, _, let page), .paragraph(_, let page), .listItem(_, _, _, let page),
            .keyValue(_, _, let page), .table(_, let page):
            page
        }
    }

    /// The words the item holds (tables count their cells).
    public var wordCount: Int {
        switch self {
        case .title(let text, _), .heading(let text, _, _), .paragraph(let text, _), .listItem(let text, _, _, _):
            SkillText.words(text)
        case .keyValue(let key, let value, _):
            SkillText.words(key) + SkillText.words(value)
        case .table(let table, _):
            (table.columns + table.rows.joined() + table.footers.flatMap { [$0.label] + $0.cells })
                .reduce(0) { $0 + SkillText.words($1) }
        }
    }

    /// Whether this list item carries a number (`1.`, `2)`): a step of a procedure.
    public var isNumberedStep: Bool {
        guard case .listItem(_, let marker?, _, _) = self else { return false }
        return Document.isNumberMarker(marker)
    }
}

extension SkillSource {
    /// The body of the document in reading order; page headers, footers and numbers are left out.
    public var outline: [OutlineItem] {
        var items: [OutlineItem] = []
        for section in document.sections {
            let page = section.index + 1
            for block in section.blocks where block.role == nil {
                if case .table(let table) = block {
                    items.append(.table(table, page: page))
                    continue
                }
                for entry in block.entries {
                    let text = SkillText.clean(entry.text)
                    switch entry.kind {
                    case .title: if !text.isEmpty { items.append(.title(text, page: page)) }
                    case .heading:
                        if !text.isEmpty { items.append(.heading(text, level: entry.level ?? 1, page: page)) }
                    case .text, .code: if !text.isEmpty { items.append(.paragraph(text, page: page)) }
                    case .listItem:
                        items.append(.listItem(text, marker: entry.marker, level: entry.level ?? 1, page: page))
                    case .kv:
                        items.append(
                            .keyValue(
                                key: SkillText.clean(entry.key ?? ""),
                                value: SkillText.clean(entry.value ?? entry.text),
                                page: page
                            )
                        )
                    }
                }
            }
        }
        return items
    }
}
