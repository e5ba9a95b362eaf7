import DocumentModel

extension DocumentLanguage {
    /// The language of the prose of `items` (paragraphs and list items; tables and labels say too little).
    static func of(_ items: [OutlineItem]) -> DocumentLanguage? {
        var text: [Substring] = []
        for item in items {
            switch item {
            case .paragraph(let value, _), .listItem(let value, _, _, _), .heading(let value, _, _):
                text += value.lowercased().split(whereSeparator: { !$0.isLetter })
            case .keyValue(let key, let value, _):
                text += (key + " " + value).lowercased().split(whereSeparator: { !$0.isLetter })
            case .title, .table:
                continue
            }
            if text.count > 20_000 { break }
        }
        return of(words: text)
    }
}
