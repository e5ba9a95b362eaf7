import DocumentModel

/// Finds the documents one PDF holds (an invoice, then a contract, then a receipt): a new segment starts where the
/// page numbering restarts ("Page 1 of 3") or, in short files, where a page's title announces another document
/// type, or another kind of a type whose kinds stand alone (a licence after a lease).
enum SegmentDetector {
    /// Files longer than this are taken as one document unless their page numbering restarts: per-page
    /// classification of books would cut them at every chapter.
    static let typeChangePageLimit = 40

    /// The types whose kinds are documents of their own: a licence after a lease is a second contract, while a
    /// report's annex or a manual's reference part belongs to the report or manual before it.
    static let separateKinds: Set<String> = ["contract", "statement", "invoice", "receipt", "form"]

    /// - Parameter documentType: the whole file's type, used as is when it holds one document.
    static func segments(_ layouts: [PageLayout], documentType: DocumentType) -> [Segment] {
        guard let first = layouts.first else { return [] }
        var starts: [(index: Int, signal: String)] = [(0, "start")]
        let checkTypes = layouts.count > 1 && layouts.count <= typeChangePageLimit
        // Page types are costly and only matter where a page announces itself with a title: computed on demand.
        var types: [Int: DocumentType] = [:]
        let titleSize = layouts[0].blocks.first { $0.kind == .title }?.lines.first?.fontSize
        func type(_ index: Int) -> DocumentType {
            if let known = types[index] { return known }
            let computed = pageType(layouts[index], titleSize: titleSize)
            types[index] = computed
            return computed
        }
        for index in layouts.indices.dropFirst() {
            if let numbering = pageNumber(layouts[index]), numbering.page == 1,
                pageNumber(layouts[index - 1]).map({ $0.page >= 1 }) ?? true
            {
                starts.append((index, "page-number-reset"))
            } else if checkTypes, let heading = announcement(in: layouts[index], titleSize: titleSize) {
                let current = type(index)
                let running = type(starts[starts.count - 1].index)
                // The new page must announce itself (its title names its type), not merely read differently: as
                // another type, or as another kind of the same type (a licence after a lease, a card statement
                // after a bank statement).
                // In a file without a title any level-1 heading announces: a section's ("TCP forwarding") must then
                // name the type itself, not leave it to the text below. With a title, the page's head must name it
                // by a word that names the type or a label only it prints, not by a word other types use too
                // ("Function Documentation" in an API reference). Pages no type speaks for are the front of what
                // follows, not a document of their own.
                let head = titleSize == nil ? heading.text : String(pageTop(layouts[index]).prefix(600))
                if current.confidence >= 0.5, current.signals.contains(where: { $0.hasSuffix("(title)") }),
                    current.type != "unknown", running.type != "unknown",
                    DocumentClassifier.names(current.type, in: heading.text + "\n" + head)
                {
                    if current.type != running.type {
                        starts.append((index, "type-change"))
                    } else if separateKinds.contains(current.type), let subtype = current.subtype,
                        let before = running.subtype, subtype != before
                    {
                        starts.append((index, "subtype-change"))
                    }
                }
            }
        }
        var segments: [Segment] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index - 1 : layouts.count - 1
            let pages = Array(layouts[start.index...end])
            let type = starts.count == 1 ? documentType : DocumentConverter.classify(pages, titleSize: titleSize)
            segments.append(
                Segment(
                    firstPage: pages.first?.number ?? first.number,
                    lastPage: pages.last?.number ?? first.number,
                    type: type.type,
                    subtype: type.subtype,
                    signal: start.signal
                )
            )
        }
        return segments
    }

    /// The block that opens a new document on a page: among the page's first blocks, the title, or a heading set
    /// as large as the file's title (the level-1 heading when page 1 has no title).
    static func announcement(in layout: PageLayout, titleSize: Double?) -> TextBlock? {
        for block in layout.blocks.lazy.filter({ $0.role == nil }).prefix(4) {
            switch block.kind {
            case .title:
                return block
            case .heading(let level, _):
                if let titleSize {
                    if (block.lines.first?.fontSize ?? 0) >= titleSize * 0.85 { return block }
                } else if level == 1 {
                    return block
                }
            default:
                continue
            }
        }
        return nil
    }

    /// The type the top of a page suggests (its first 1,500 characters: where a document announces itself).
    static func pageType(_ layout: PageLayout, titleSize: Double?) -> DocumentType {
        let top = pageTop(layout)
        // Only the announcement itself is the page's head: a type named further down the page ("a complete manual is
        // available") does not start a document.
        return DocumentClassifier.classify(
            title: announcement(in: layout, titleSize: titleSize)?.text,
            firstPage: top,
            text: top
        )
    }

    /// The first 1,500 characters of a page's body, where a document announces itself.
    static func pageTop(_ layout: PageLayout) -> String {
        var top = ""
        for block in layout.blocks where block.role == nil {
            top += block.text + "\n"
            if top.utf8.count >= 1_500 { break }
        }
        return top
    }

    /// "Page 2 of 5", "Seite 2 von 5", "2/5", "Página 2 de 5" in a line of the page.
    static func pageNumber(_ layout: PageLayout) -> (page: Int, of: Int)? {
        let pageWords: Set<String> = [
            "page", "seite", "pagina", "página", "strona", "p", "pg", "blatt", "side", "sida",
        ]
        let ofWords: Set<String> = ["of", "von", "de", "di", "sur", "z", "af", "av", "van", "/"]
        for block in layout.blocks where block.kind != .paragraph || block.role != nil || block.lines.count <= 2 {
            for line in block.lines where line.text.utf8.count <= 40 {
                let tokens = line.text.lowercased().replacing("/", with: " / ").split(whereSeparator: {
                    $0 == " " || $0 == ":" || $0 == "."
                })
                .map(String.init)
                for index in tokens.indices where index + 2 < tokens.count {
                    guard let page = Int(tokens[index]), ofWords.contains(tokens[index + 1]),
                        let total = Int(tokens[index + 2]),
                        page >= 1, page <= total, total <= 9_999
                    else { continue }
                    let named = index > 0 && pageWords.contains(tokens[index - 1])
                    if named || tokens.count <= 3 && (block.role != nil || tokens[index + 1] == "/") {
                        return (page, total)
                    }
                }
            }
        }
        return nil
    }
}
