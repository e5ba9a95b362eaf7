import DocumentModel
import Layout

/// Turns what a reader found into the document model every output and skill is made from: the title, headings
/// levelled from 1, list items, key/values and tables tagged with typed values, the document type, and sections
/// that stand in for pages (a new section at each top-level heading, and before a part would pass about a
/// printed page of text), so citations, plan limits and billing work as for a PDF.
struct MarkupDocumentBuilder {
    var source: MarkupSource
    var engineVersion: String
    var semantic = true

    /// About one printed page: a section longer than this is closed at the next block.
    static let sectionCharacters = 3_500

    func build() -> Document {
        var blocks = source.blocks
        let title = Self.findTitle(in: &blocks, declared: source.title)
        var titleIndex: Int?
        if case .inPlace(let index) = title { titleIndex = index }
        let levels = blocks.enumerated().compactMap { index, block -> Int? in
            guard index != titleIndex, case .heading(let level, _) = block else { return nil }
            return level
        }
        let shift = (levels.min() ?? 1) - 1
        var sections: [[Block]] = [[]]
        var characters = 0
        if case .declared(let text) = title {
            sections[0].append(.cluster(Cluster(entries: [Entry(kind: .title, text: text)])))
        }
        for (index, block) in blocks.enumerated() {
            let modelBlock: Block
            if case .inPlace(let at) = title, at == index {
                modelBlock = entry(Entry(kind: .title, text: block.text))
            } else {
                modelBlock = self.block(block, headingShift: shift)
            }
            let isTopHeading: Bool
            if case .heading(let level, _) = block { isTopHeading = level - shift <= 1 } else { isTopHeading = false }
            let hasBody = sections[sections.count - 1].contains { !Self.isHeadingOrTitle($0) }
            if hasBody, isTopHeading || characters >= Self.sectionCharacters {
                sections.append([])
                characters = 0
            }
            sections[sections.count - 1].append(modelBlock)
            characters += block.text.count
        }
        if sections.count > 1, sections[sections.count - 1].isEmpty { sections.removeLast() }
        let modelSections = sections.enumerated().map { index, blocks in
            Section(index: index, width: 0, height: 0, blocks: blocks, kind: "section")
        }
        var meta = DocumentMeta(
            engineVersion: engineVersion,
            pageCount: modelSections.count,
            totalSections: modelSections.count,
            selectedPages: modelSections.count == 1 ? "1" : "1-\(modelSections.count)",
            producer: nil,
            isEncrypted: false,
            unmappedGlyphs: 0
        )
        let titleText: String?
        switch title {
        case .declared(let text): titleText = text
        case .inPlace(let index): titleText = blocks[index].text
        case nil: titleText = nil
        }
        let type = classify(title: titleText, sections: modelSections)
        meta.segments = [
            Segment(
                firstPage: 1,
                lastPage: modelSections.count,
                type: type.type,
                subtype: type.subtype,
                signal: "start"
            )
        ]
        return Document(documentType: type, meta: meta, sections: modelSections)
    }

    /// Where the title comes from: a block of the source, kept in its place, or the declared title, put first.
    enum Title {
        case inPlace(Int)
        case declared(String)
    }

    /// The document's title: a Word `Title` paragraph; else the first heading when it is the only one of the
    /// highest level, or when the declared title (`<title>`, front matter, Word's core properties) names it; else
    /// the declared title (for plain text, its reader's choice). A Word title's level-0
    /// heading becomes a plain heading of level 1 when it is not the title.
    static func findTitle(in blocks: inout [MarkupBlock], declared: String?) -> Title? {
        if let index = blocks.firstIndex(where: { if case .heading(0, _) = $0 { true } else { false } }) {
            for other in blocks.indices.dropFirst(index + 1) {
                if case .heading(0, let text) = blocks[other] { blocks[other] = .heading(level: 1, text: text) }
            }
            return .inPlace(index)
        }
        let declared = declared?.collapsingWhitespace.nonEmpty
        if let first = blocks.firstIndex(where: { if case .heading = $0 { true } else { false } }),
            case .heading(let level, let text) = blocks[first]
        {
            let top = blocks.compactMap { if case .heading(let level, _) = $0 { level } else { nil } }.min() ?? level
            let sameLevel = blocks.filter { if case .heading(level, _) = $0 { true } else { false } }.count
            let named = declared.map { Self.sameText($0, text) || $0.lowercased().hasPrefix(text.lowercased() + " ") }
            if (level == top && sameLevel == 1 && first <= 8) || named == true { return .inPlace(first) }
        }
        return declared.map { .declared($0) }
    }

    /// Equal once case and white space are ignored.
    static func sameText(_ first: String, _ second: String) -> Bool {
        first.collapsingWhitespace.lowercased() == second.collapsingWhitespace.lowercased()
    }

    private func block(_ block: MarkupBlock, headingShift: Int) -> Block {
        switch block {
        case .heading(let level, let text):
            return entry(Entry(kind: .heading, text: text, level: max(1, level - headingShift)))
        case .paragraph(let text):
            if let pair = KeyValueLine.split(text) { return keyValue(key: pair.key, value: pair.value) }
            return entry(Entry(kind: .text, text: text))
        case .listItem(let level, let marker, let text):
            return entry(Entry(kind: .listItem, text: text, level: level, marker: marker))
        case .code(let text):
            return entry(Entry(kind: .code, text: text))
        case .keyValue(let key, let value):
            return keyValue(key: key, value: value)
        case .table(let markup):
            let grid = markup.grid
            var table = Table(columns: grid.first ?? [], rows: Array(grid.dropFirst()))
            table.headerRows = max(0, markup.effectiveHeaderRows - 1)
            if semantic { DocumentConverter.tagCells(&table) }
            return .table(table)
        }
    }

    private func entry(_ entry: Entry) -> Block { .cluster(Cluster(entries: [entry])) }

    private func keyValue(key: String, value: String) -> Block {
        var entry = Entry(kind: .kv, text: "\(key): \(value)", key: key, value: value)
        if semantic, let tagged = SemanticTagger.tag(value, key: key) {
            entry.semantic = tagged.kind
            entry.normalized = tagged.normalized
            entry.unit = tagged.unit
        }
        return self.entry(entry)
    }

    private static func isHeadingOrTitle(_ block: Block) -> Bool {
        block.entries.count == 1 && [.heading, .title].contains(block.entries[0].kind)
    }

    /// The same classifier as for PDFs, over the title, the first section and the first 30,000 characters.
    private func classify(title: String?, sections: [Section]) -> DocumentType {
        var text = ""
        var tableCharacters = 0
        for block in sections.flatMap(\.blocks) where text.utf8.count < 30_000 {
            let blockText = block.plainText
            text += blockText + "\n"
            if case .table = block { tableCharacters += blockText.utf8.count }
        }
        let firstPage = sections.first.map { $0.blocks.map(\.plainText).joined(separator: "\n") } ?? ""
        return DocumentClassifier.classify(
            title: title,
            firstPage: firstPage,
            text: text,
            tableShare: Double(tableCharacters) / Double(max(text.utf8.count, 1))
        )
    }
}

/// A paragraph that is one `Key: value` pair: a short label (at most five words, starting with a letter), a value
/// on the same line that is not prose (at most 100 characters, no second sentence).
enum KeyValueLine {
    static func split(_ text: String) -> (key: String, value: String)? {
        guard text.count <= 160, let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].collapsingWhitespace
        let value = text[text.index(after: colon)...].collapsingWhitespace
        guard !key.isEmpty, !value.isEmpty, key.count <= 40, key.split(separator: " ").count <= 5,
            key.first?.isLetter == true, value.count <= 100, !value.hasPrefix("//"), !value.contains(". ")
        else { return nil }
        return (key, value)
    }
}

extension Block {
    /// The block's text as plain lines (a table's rows with cells separated by spaces).
    var plainText: String {
        switch self {
        case .cluster(let cluster):
            return cluster.entries.map(\.text).joined(separator: "\n")
        case .table(let table):
            return ([table.columns] + table.rows).map { $0.joined(separator: " ") }.joined(separator: "\n")
        }
    }
}
